// The fraudster side of a report. An Actor is a gang (a label, months of activity, rotating
// pools: see gangs.ts) or a lone fraudster (label null, one report, one of each value, made only
// when the report needs it). Reports ask an actor for its values as they stand at a time.

import type { Category } from '../../common/model';
import type { Card, Site } from './fraud-values';
import { styleChoice } from './prng';
import type { ImAccount, PayAccount, World } from './world';

export interface Actor {
  /** Ground truth: the gang, or null for a lone fraud. */
  readonly label: string | null;
  readonly categories: readonly Category[];
  /** Sticky choices (templates, personas, brands): a gang makes the same ones every time. */
  readonly style: number;
  phone(t: number): string;
  card(t: number): Card;
  im(t: number): ImAccount;
  pay(t: number): PayAccount;
  /** The actor's own site as host/path, no scheme. */
  url(t: number, category: Category): string;
  shortLink(t: number): string;
  smsSender(t: number): string;
  wallet(t: number): string;
}

const CITIES = ['上海市', '北京市', '广州市', '哈尔滨市', '成都市', '武汉市', '西安市', '长春市', '重庆市'];
const APP_HEADS = Array.from('鑫汇恒盛金瑞鼎华嘉博泰银富永联亿');
const APP_TAILS = ['国际', '金融', '财富', '资本', '优选', '易贷', '钱包', '任务', '商城', '资管', '理财', '数藏', '证券', '期货'];

/** The name of the fake platform or app an actor runs (鑫汇国际, 恒盛易贷…). */
export function appName(style: number): string {
  return styleChoice(style, 1, APP_HEADS) + styleChoice(style, 2, APP_HEADS) + styleChoice(style, 3, APP_TAILS);
}

/** The city a fake police officer claims to call from. */
export function claimedCity(style: number): string {
  return styleChoice(style, 4, CITIES);
}

export class LoneFraudster implements Actor {
  readonly label = null;
  readonly categories: readonly Category[];
  readonly style: number;
  private phoneValue?: string;
  private cardValue?: Card;
  private imValue?: ImAccount;
  private payValue?: PayAccount;
  private siteValue?: Site;
  private shortValue?: string;
  private senderValue?: string;
  private walletValue?: string;

  constructor(
    private readonly world: World,
    category: Category,
  ) {
    this.categories = [category];
    this.style = world.rng.u32();
  }

  phone(): string {
    return (this.phoneValue ??= this.world.phone(this.categories));
  }

  card(): Card {
    return (this.cardValue ??= this.world.muleCard());
  }

  im(): ImAccount {
    return (this.imValue ??= this.world.im(this.categories));
  }

  pay(): PayAccount {
    return (this.payValue ??= this.world.pay());
  }

  url(_t: number, category: Category): string {
    const site = (this.siteValue ??= this.world.site(category));
    return site.domain + (site.paths[0] as string);
  }

  shortLink(): string {
    return (this.shortValue ??= this.world.values.shortLink());
  }

  smsSender(): string {
    return (this.senderValue ??= this.world.values.smsSender());
  }

  wallet(): string {
    return (this.walletValue ??= this.world.values.tronAddress());
  }
}
