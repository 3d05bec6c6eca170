// One report, assembled: the fraud's timing and cost, the victim, the evidence of its fraudster
// written the way citizens write it, the messages the fraudster sent, the narrative, and the
// identifiers list (sometimes empty: the evidence is then only inside the texts). Hub values and
// the victim's own card are mixed in as noise that is not evidence of anyone.

import type { Category, Money, ReportedIdentifier, ReportMessage, ReportRecord } from '../../common/model';
import { centsToDecimal } from '../../common/money';
import type { Bank } from './bank-cards';
import { PROFILES } from './categories';
import { drawEvidence, type Evidence } from './evidence';
import type { Actor } from './actors';
import { addressAside } from './home-address';
import { hubIdentifier } from './hubs';
import { writeAlipay, writeCard, writePhone, writeQq, writeUrl, writeWechat } from './identifiers-format';
import { DEMO_KNOBS } from './knobs';
import { CALL, CHAT, SMS, WEB } from './message-templates';
import { narrative } from './narrative-templates';
import type { District } from './names';
import { styleChoice, type Rng } from './prng';
import { ReportText } from './report-text';
import type { Fill, TextContext } from './text-context';
import { HOUR, MINUTE, rfc3339, type LocalTime } from './time';
import { drawVictim } from './victims';
import { brandsFor } from './vocabulary';
import type { World } from './world';

export interface Precinct {
  readonly code: string;
  readonly home: District | undefined;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function messagesFor(
  rng: Rng,
  actor: Actor,
  category: Category,
  ev: Evidence,
  c: TextContext,
  occurred: number | null,
  reported: number,
): ReportMessage[] {
  const out: Mutable<ReportMessage>[] = [];
  if (ev.sms) {
    const list = SMS[category];
    // A gang keeps to the template it bought; lone fraudsters take whatever is going round.
    const fill = actor.label !== null && rng.chance(0.85) ? styleChoice(actor.style, 7, list) : rng.pick(list);
    out.push({ channel: 'sms', sender: writePhone(rng, ev.sender), text: fill(c, rng) });
  }
  if (ev.phone && rng.chance(0.7)) out.push({ channel: 'call', sender: c.phone, text: rng.pick(CALL[category])(c, rng) });
  if (ev.im) {
    const lines = CHAT[category];
    const n = Math.min(lines.length, rng.int(1, 2));
    const first = rng.int(0, lines.length - 1);
    for (let i = 0; i < n; i++) out.push({ channel: 'im', sender: c.im, text: (lines[(first + i) % lines.length] as Fill)(c, rng) });
  }
  if (ev.url && rng.chance(0.3)) out.push({ channel: 'web', sender: c.app, text: rng.pick(WEB)(c, rng) });
  if (occurred !== null) {
    // The fraudster writes first, a little before the first payment, then every few minutes.
    let at = occurred - rng.int(5, 180) * MINUTE;
    for (const m of out) {
      m.at = rfc3339(Math.min(at, reported - MINUTE));
      at += rng.int(1, 40) * MINUTE;
    }
  }
  return out;
}

function identifiersFor(rng: Rng, ev: Evidence, category: Category, ownBank: Bank, world: World): ReportedIdentifier[] {
  const out: ReportedIdentifier[] = [];
  if (ev.phone && rng.chance(0.8)) out.push({ kind: 'phone', value: writePhone(rng, ev.phone), role: 'caller' });
  if (ev.sender && rng.chance(0.5)) out.push({ kind: 'phone', value: writePhone(rng, ev.sender), role: 'sender' });
  if (ev.im && rng.chance(0.8))
    out.push({ kind: ev.im.kind, value: ev.im.kind === 'qq' ? writeQq(rng, ev.im.value) : writeWechat(rng, ev.im.value), role: 'contact' });
  if (ev.url && rng.chance(0.75)) out.push({ kind: 'url', value: writeUrl(rng, ev.url), role: 'link' });
  if (ev.shortLink && rng.chance(0.7)) out.push({ kind: 'url', value: writeUrl(rng, ev.shortLink, true), role: 'link' });
  for (const payee of ev.payees) {
    if (!rng.chance(0.85)) continue;
    if (payee.kind === 'card')
      out.push({ kind: rng.chance(0.1) ? 'bank_account' : 'bank_card', value: writeCard(rng, payee.card.digits), role: 'payee' });
    else
      out.push({
        kind: payee.account.kind,
        value: payee.account.kind === 'alipay' ? writeAlipay(rng, payee.account.value) : writeWechat(rng, payee.account.value),
        role: 'payee',
      });
  }
  if (ev.wallet && rng.chance(0.8)) out.push({ kind: 'crypto', value: ev.wallet, role: 'payee' });
  if (rng.chance(DEMO_KNOBS.hubRate)) out.push(hubIdentifier(rng, category, ownBank));
  if (rng.chance(DEMO_KNOBS.ownCardRate)) {
    const own = writeCard(rng, world.values.card(ownBank).digits);
    out.push(rng.chance(0.5) ? { kind: 'bank_card', value: own, role: 'payer' } : { kind: 'bank_card', value: own });
  }
  return out;
}

/** `details` is the stream of the narrative's asides (home-address.ts), apart from `rng` so that they change nothing else. */
export function buildReport(
  rng: Rng,
  details: Rng,
  world: World,
  precinct: Precinct,
  actor: Actor,
  id: string,
  t: number,
  reportedMs: number,
  reportedLocal: LocalTime,
): ReportRecord {
  const categories = actor.categories;
  const category = categories.length > 1 && rng.chance(0.4) ? (categories[1] as Category) : (categories[0] as Category);
  const profile = PROFILES[category];
  const lag = Math.min(400 * 24 * HOUR, Math.max(10 * MINUTE, rng.logNormal(profile.lagHours, 1) * HOUR));
  const occurred = rng.chance(0.95) ? reportedMs - lag : null;

  const attempted = rng.chance(DEMO_KNOBS.attemptedRate);
  const payments = attempted ? [] : profile.payments(rng);
  const totalCents = payments.reduce((a, b) => a + b, 0);
  const loss: Money | null = attempted && rng.chance(0.5) ? null : { amount: centsToDecimal(totalCents), currency: 'CNY' };
  const vague = !attempted && rng.chance(DEMO_KNOBS.vagueRate);

  const brands = brandsFor(category);
  const brand = actor.label !== null && rng.chance(0.8) ? styleChoice(actor.style, 6, brands) : rng.pick(brands);
  const ev = drawEvidence(rng, actor, category, t, payments.length, vague, brand.hotline);
  const v = drawVictim(rng, world.values, category, reportedLocal, precinct.home);

  const c = new ReportText(rng, {
    category,
    ev,
    brand,
    style: actor.style,
    victimName: v.victim.name ?? v.name,
    ownHotline: v.bank.hotline,
    occurred,
    reported: reportedMs,
    payments,
    totalCents,
  });
  const messages = rng.chance(0.8) ? messagesFor(rng, actor, category, ev, c, occurred, reportedMs) : [];
  c.forgetSome();
  const text = narrative(category, c, rng, vague, addressAside(details, category, v.victim.district ?? ''));

  // An SMS always carries its link or number in the text; some citizens list nothing else.
  const textOnly = messages.length > 0 && messages[0]?.channel === 'sms' && rng.chance(DEMO_KNOBS.textOnlyRate);
  const identifiers = textOnly ? [] : identifiersFor(rng, ev, category, v.bank, world);
  // Built field by field in the order of the spec, so the JSON reads like the platform's.
  const record = { id, version: 1, precinct: precinct.code, reported_at: rfc3339(reportedMs) } as Mutable<ReportRecord>;
  if (occurred !== null) record.occurred_at = rfc3339(occurred);
  else if (rng.chance(0.5)) record.occurred_at = null;
  record.category = category;
  record.loss = loss;
  record.victim = v.victim;
  if (v.location) record.location = v.location;
  record.narrative = text;
  if (messages.length > 0) record.messages = messages;
  if (identifiers.length > 0 || (textOnly && rng.chance(0.6))) record.identifiers = identifiers;
  return record;
}
