// What the Chinese text templates can say about one report (report-text.ts writes each detail
// when first asked for). An empty string means the report does not have that detail, or the
// citizen left it out, and the template must read without it.

import type { Rng } from './prng';

export interface TextContext {
  /** When the fraud happened, as a citizen says it: 6月2日晚上, 昨天下午, 前几天. */
  readonly when: string;
  /** How the report names the victim (third-person narratives). */
  readonly victim: string;
  readonly alias: string;
  readonly brand: string;
  /** The impersonated brand's real hotline, or ''. */
  readonly hotline: string;
  /** The hotline of the victim's own bank (who they call to freeze the card). */
  readonly ownHotline: string;
  readonly app: string;
  readonly city: string;
  /** How an SMS tells the victim to get in touch: 点击 t.cn/xxxx, 致电 138…, 加QQ 123… */
  readonly reach: string;
  readonly phone: string;
  readonly im: string;
  readonly url: string;
  /** Where the money went: 建设银行卡6217…（户名张某某）, 支付宝138… */
  readonly payee: string;
  readonly wallet: string;
  readonly sender: string;
  /** Total loss as written: 5000元, 1.2万元, 人民币3,000元. */
  readonly total: string;
  readonly first: string;
  readonly count: number;
  readonly lost: boolean;
}

/** A template: a function of the context, with the generator's dice for small variations. */
export type Fill = (c: TextContext, rng: Rng) => string;
