// How each scam type plays out: how common it is, who falls for it (age), how long victims take
// to report, which channels and identifiers the fraudsters use, and what it costs. Losses follow
// the national picture: order brushing bleeds in several growing payments, fake investment runs
// into hundreds of thousands, prize SMS drain a card of a few thousand.

import type { Category } from '../../common/model';
import type { DomainTheme } from './fraud-values';
import { Weighted, type Rng } from './prng';

/** The kind of evidence a scam type cannot do without. */
export type PrimaryEvidence = 'phone' | 'sms' | 'im' | 'site';

export interface Profile {
  readonly weight: number;
  /** Victim age range; the middle is most likely. */
  readonly ages: readonly [number, number];
  /** Median hours between the fraud and the report. */
  readonly lagHours: number;
  /** Probability that a report involves each kind of evidence. */
  readonly phone: number;
  readonly sms: number;
  readonly im: number;
  readonly site: number;
  /** Share of SMS whose link is a short link rather than the gang's own domain. */
  readonly short: number;
  /** Share of payments to an Alipay/WeChat account instead of a bank card. */
  readonly pay: number;
  readonly crypto: number;
  /** The evidence a report of this type always has when the dice gave none. */
  readonly primary: PrimaryEvidence;
  readonly theme: DomainTheme;
  /** The payments the victim made, in cents (empty: nothing paid). */
  readonly payments: (rng: Rng) => number[];
}

/** A yuan amount as people pay it: mostly round, sometimes to the yuan, sometimes to the fen. */
export function realisticCents(rng: Rng, yuan: number): number {
  const x = Math.max(1, yuan);
  const r = rng.float();
  if (r < 0.55) {
    const step = x >= 20000 ? 1000 : x >= 2000 ? 100 : x >= 200 ? 10 : 1;
    return Math.max(step, Math.round(x / step) * step) * 100;
  }
  if (r < 0.85) return Math.round(x) * 100;
  return Math.round(x * 100);
}

/** `count` payments that grow from `first` by a factor in [lo, hi] each time (the hook, then the squeeze). */
function escalating(rng: Rng, count: number, first: number, lo: number, hi: number, cap: number): number[] {
  const out: number[] = [];
  let x = first;
  for (let i = 0; i < count; i++) {
    out.push(realisticCents(rng, Math.min(x, cap)));
    x *= rng.range(lo, hi);
  }
  return out;
}

function independent(rng: Rng, count: number, median: number, sigma: number, min: number, max: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < count; i++) out.push(realisticCents(rng, Math.min(max, Math.max(min, rng.logNormal(median, sigma)))));
  return out;
}

/** 1 + a geometric number of further payments, at most `max`. */
function howMany(rng: Rng, more: number, max: number): number {
  let n = 1;
  while (n < max && rng.chance(more)) n++;
  return n;
}

export const PROFILES: Readonly<Record<Category, Profile>> = {
  part_time_job: {
    weight: 25,
    ages: [17, 42],
    lagHours: 10,
    phone: 0.15,
    sms: 0.25,
    im: 0.85,
    site: 0.45,
    short: 0.6,
    pay: 0.25,
    crypto: 0,
    primary: 'im',
    theme: 'job',
    payments: (rng) => escalating(rng, howMany(rng, 0.6, 8), rng.range(100, 600), 1.5, 3, 50_000),
  },
  fake_customer_service: {
    weight: 12,
    ages: [20, 55],
    lagHours: 4,
    phone: 0.85,
    sms: 0.2,
    im: 0.3,
    site: 0.3,
    short: 0.5,
    pay: 0.05,
    crypto: 0,
    primary: 'phone',
    theme: 'shop',
    payments: (rng) => independent(rng, howMany(rng, 0.45, 5), 5000, 0.9, 200, 200_000),
  },
  impersonating_officials: {
    weight: 6,
    ages: [22, 70],
    lagHours: 20,
    phone: 0.9,
    sms: 0.05,
    im: 0.4,
    site: 0.35,
    short: 0.2,
    pay: 0,
    crypto: 0,
    primary: 'phone',
    theme: 'gov',
    payments: (rng) => independent(rng, howMany(rng, 0.5, 6), 30_000, 1, 2000, 1_000_000),
  },
  loan: {
    weight: 12,
    ages: [20, 48],
    lagHours: 30,
    phone: 0.35,
    sms: 0.35,
    im: 0.6,
    site: 0.6,
    short: 0.5,
    pay: 0.15,
    crypto: 0,
    primary: 'site',
    theme: 'loan',
    payments: (rng) => escalating(rng, howMany(rng, 0.55, 5), rng.range(300, 2000), 1.3, 2.5, 30_000),
  },
  investment_romance: {
    weight: 12,
    ages: [25, 62],
    lagHours: 240,
    phone: 0.1,
    sms: 0.08,
    im: 0.9,
    site: 0.75,
    short: 0.2,
    pay: 0.05,
    crypto: 0.15,
    primary: 'im',
    theme: 'invest',
    payments: (rng) => escalating(rng, howMany(rng, 0.7, 10), rng.logNormal(15_000, 0.8), 1.1, 2.2, 800_000),
  },
  impersonating_acquaintance: {
    weight: 7,
    ages: [24, 58],
    lagHours: 3,
    phone: 0.15,
    sms: 0.05,
    im: 0.9,
    site: 0,
    short: 0,
    pay: 0.1,
    crypto: 0,
    primary: 'im',
    theme: 'job',
    payments: (rng) => independent(rng, howMany(rng, 0.3, 3), 20_000, 0.8, 1000, 500_000),
  },
  online_shopping: {
    weight: 8,
    ages: [16, 48],
    lagHours: 48,
    phone: 0.15,
    sms: 0.1,
    im: 0.8,
    site: 0.35,
    short: 0.3,
    pay: 0.55,
    crypto: 0,
    primary: 'im',
    theme: 'shop',
    payments: (rng) => independent(rng, howMany(rng, 0.3, 3), 600, 0.8, 50, 20_000),
  },
  game_trading: {
    weight: 5,
    ages: [12, 28],
    lagHours: 24,
    phone: 0.1,
    sms: 0.05,
    im: 0.85,
    site: 0.5,
    short: 0.3,
    pay: 0.45,
    crypto: 0,
    primary: 'im',
    theme: 'game',
    payments: (rng) => independent(rng, howMany(rng, 0.45, 4), 500, 0.9, 30, 20_000),
  },
  fake_prize: {
    weight: 5,
    ages: [35, 78],
    lagHours: 6,
    phone: 0.1,
    sms: 0.95,
    im: 0.05,
    site: 0.7,
    short: 0.55,
    pay: 0,
    crypto: 0,
    primary: 'sms',
    theme: 'bank',
    payments: (rng) => independent(rng, howMany(rng, 0.3, 3), 2500, 0.7, 500, 10_000),
  },
  credit_record: {
    weight: 5,
    ages: [20, 42],
    lagHours: 24,
    phone: 0.75,
    sms: 0.3,
    im: 0.5,
    site: 0.3,
    short: 0.4,
    pay: 0.05,
    crypto: 0,
    primary: 'phone',
    theme: 'credit',
    payments: (rng) => independent(rng, howMany(rng, 0.5, 4), 8000, 0.9, 500, 150_000),
  },
  other: {
    weight: 3,
    ages: [18, 72],
    lagHours: 24,
    phone: 0.4,
    sms: 0.3,
    im: 0.4,
    site: 0.3,
    short: 0.3,
    pay: 0.2,
    crypto: 0,
    primary: 'phone',
    theme: 'bank',
    payments: (rng) => independent(rng, howMany(rng, 0.35, 3), 3000, 1, 100, 100_000),
  },
};

export const CATEGORY_MIX = new Weighted<Category>(Object.entries(PROFILES).map(([c, p]): [Category, number] => [c as Category, p.weight]));

// Scam types one gang plausibly runs together (a brushing gang moving victims to fake
// investment, fake logistics service handing over to fake police…).
const RELATED: Readonly<Record<Category, readonly Category[]>> = {
  part_time_job: ['investment_romance', 'impersonating_acquaintance', 'loan'],
  fake_customer_service: ['impersonating_officials', 'credit_record', 'fake_prize'],
  impersonating_officials: ['fake_customer_service'],
  loan: ['credit_record', 'part_time_job'],
  investment_romance: ['part_time_job', 'game_trading'],
  impersonating_acquaintance: ['part_time_job'],
  online_shopping: ['game_trading', 'fake_customer_service'],
  game_trading: ['online_shopping'],
  fake_prize: ['fake_customer_service', 'credit_record'],
  credit_record: ['loan', 'fake_customer_service'],
  other: ['fake_prize'],
};

export function relatedCategory(rng: Rng, c: Category): Category {
  return rng.pick(RELATED[c]);
}

export function victimAge(rng: Rng, c: Category): number {
  const [lo, hi] = PROFILES[c].ages;
  return Math.round(lo + (hi - lo) * ((rng.float() + rng.float()) / 2));
}
