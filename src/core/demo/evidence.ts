// Which of its fraudster's values one report carries. A gang report draws from the gang's pools
// as they stand on the day (so reports of one gang share values, and drift as pools rotate); the
// scam type decides which kinds are likely. Every report that is not vague carries at least one
// value of its fraudster, though not always where a parser looks first.

import type { Category } from '../../common/model';
import { PROFILES } from './categories';
import type { Actor } from './actors';
import { DEMO_KNOBS } from './knobs';
import type { Rng } from './prng';
import type { Card } from './fraud-values';
import type { ImAccount, PayAccount } from './world';

export type Payee = { readonly kind: 'card'; readonly card: Card } | { readonly kind: 'pay'; readonly account: PayAccount };

export interface Evidence {
  /** Canonical values, '' or null when absent. */
  readonly phone: string;
  readonly sms: boolean;
  /** The SMS sender: the gang's 106 channel, or a bank's real number shown by a fake base station. */
  readonly sender: string;
  readonly spoofedSender: boolean;
  readonly im: ImAccount | null;
  /** The gang's own site, host/path. */
  readonly url: string;
  readonly shortLink: string;
  readonly payees: readonly Payee[];
  readonly wallet: string;
}

const NONE: Evidence = {
  phone: '',
  sms: false,
  sender: '',
  spoofedSender: false,
  im: null,
  url: '',
  shortLink: '',
  payees: [],
  wallet: '',
};

const SPOOFABLE: ReadonlySet<Category> = new Set<Category>(['fake_prize', 'credit_record', 'loan', 'other']);

/** Where the payments went: one to three accounts (several payments often go to one card). */
function payeesFor(rng: Rng, actor: Actor, category: Category, t: number, payments: number): Payee[] {
  if (payments === 0) return [];
  const accounts = Math.min(payments, 1 + (payments > 1 && rng.chance(0.5) ? 1 : 0) + (payments > 3 && rng.chance(0.4) ? 1 : 0));
  const share = PROFILES[category].pay;
  const out: Payee[] = [];
  for (let i = 0; i < accounts; i++) {
    const payee: Payee = rng.chance(share) ? { kind: 'pay', account: actor.pay(t) } : { kind: 'card', card: actor.card(t) };
    // Two draws from one pool can land on the same account; it is then listed once.
    const value = payee.kind === 'pay' ? payee.account : payee.card;
    if (!out.some((p) => (p.kind === 'pay' ? p.account : p.card) === value)) out.push(payee);
  }
  return out;
}

export function drawEvidence(
  rng: Rng,
  actor: Actor,
  category: Category,
  t: number,
  payments: number,
  vague: boolean,
  brandHotline: string,
): Evidence {
  if (vague) return NONE;
  const p = PROFILES[category];
  let phone = rng.chance(p.phone) ? actor.phone(t) : '';
  let sms = rng.chance(p.sms);
  let im = rng.chance(p.im) ? actor.im(t) : null;
  let url = rng.chance(p.site) ? actor.url(t, category) : '';
  const payees = payeesFor(rng, actor, category, t, payments);
  const wallet = rng.chance(p.crypto) ? actor.wallet(t) : '';
  if (!phone && !sms && !im && !url && payees.length === 0 && !wallet) {
    if (p.primary === 'phone') phone = actor.phone(t);
    else if (p.primary === 'im') im = actor.im(t);
    else if (p.primary === 'site') url = actor.url(t, category);
    else sms = true;
  }
  let sender = '';
  let spoofedSender = false;
  let shortLink = '';
  if (sms) {
    spoofedSender = brandHotline !== '' && SPOOFABLE.has(category) && rng.chance(DEMO_KNOBS.spoofedSenderRate);
    sender = spoofedSender ? brandHotline : rng.chance(0.8) ? actor.smsSender(t) : actor.phone(t);
    // The SMS needs something to reach the gang by; a spoofed sender is nobody's.
    if (rng.chance(p.short) || (!url && !phone && !im)) shortLink = actor.shortLink(t);
  }
  return { phone, sms, sender, spoofedSender, im, url, shortLink, payees, wallet };
}
