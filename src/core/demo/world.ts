// The fraud underworld the demo draws from: the factory of fresh values, the recipes for each
// kind of fraudster-side value (which depend on the scam types an actor works), and the mule
// market. A few mule cards are rented to two gangs: a true shared value between different
// series, the trap an over-eager linking engine falls into.

import type { Category } from '../../common/model';
import { PROFILES } from './categories';
import { ValueFactory, type Card, type Site } from './fraud-values';
import { DEMO_KNOBS } from './knobs';
import type { Rng } from './prng';

export interface ImAccount {
  readonly kind: 'qq' | 'wechat';
  readonly value: string;
}

export interface PayAccount {
  readonly kind: 'alipay' | 'wechat';
  readonly value: string;
}

export class World {
  readonly values: ValueFactory;
  private readonly market: Card[] = [];
  private gangCount = 0;

  constructor(readonly rng: Rng) {
    this.values = new ValueFactory(rng);
  }

  /** G00001, G00002… in order of birth. */
  nextGangLabel(): string {
    this.gangCount++;
    return `G${String(this.gangCount).padStart(5, '0')}`;
  }

  /** Fake police and credit "officers" call from spoofed landlines as well as mobiles. */
  phone(categories: readonly Category[]): string {
    const landlines = categories.includes('impersonating_officials') || categories.includes('credit_record');
    return landlines && this.rng.chance(0.35) ? this.values.landline() : this.values.mobile(true);
  }

  /** Fake bosses and game traders live on QQ, romance scammers on WeChat, the rest on either. */
  im(categories: readonly Category[]): ImAccount {
    const main = categories[0];
    const qqShare = main === 'impersonating_acquaintance' || main === 'game_trading' ? 0.7 : main === 'investment_romance' ? 0.15 : 0.45;
    return this.rng.chance(qqShare) ? { kind: 'qq', value: this.values.qq() } : { kind: 'wechat', value: this.values.wechat() };
  }

  pay(): PayAccount {
    return this.rng.chance(0.7) ? { kind: 'alipay', value: this.values.alipay() } : { kind: 'wechat', value: this.values.wechat() };
  }

  site(category: Category): Site {
    return this.values.site(PROFILES[category].theme);
  }

  muleCard(): Card {
    return this.values.card();
  }

  /** A gang's first card: sometimes rented from the market, sometimes offered to it. */
  firstMuleCard(): Card {
    if (this.market.length > 0 && this.rng.chance(DEMO_KNOBS.muleRentRate)) {
      // Each card is rented once more at most, so it serves exactly two gangs.
      return this.market.splice(this.rng.int(0, this.market.length - 1), 1)[0] as Card;
    }
    const card = this.muleCard();
    if (this.rng.chance(DEMO_KNOBS.muleRentRate)) {
      this.market.push(card);
      if (this.market.length > 20) this.market.shift();
    }
    return card;
  }
}
