// What makes the demo worth linking: gangs whose reports share (messily written) values across
// rotations, lone frauds, hub values that are nobody's evidence, text-only reports, mule cards
// rented to two gangs, heavy-tailed gang sizes.
import { describe, expect, it } from 'vitest';
import type { ReportRecord } from '../../../src/common/model';
import { HUB_VALUES } from '../../../src/core/demo';
import { isLuhnValid } from '../../../src/core/demo/bank-cards';
import { canonical, phoneDigits } from './canonical';
import { collect, firstVersions } from './corpus';

const reports = firstVersions(collect({ reports: 6000, seed: 21 }));
const bare = (key: string): string => key.slice(key.indexOf(':') + 1);

/** The fraudster-side values of a report: its identifiers and message senders, hubs and the victim's own card left out. */
function evidence(r: ReportRecord): Set<string> {
  const out = new Set<string>();
  for (const id of r.identifiers ?? []) {
    if (id.kind === 'bank_card' && id.role !== 'payee') continue;
    const key = canonical(id);
    if (!HUB_VALUES.has(bare(key))) out.add(key);
  }
  for (const m of r.messages ?? []) {
    if ((m.channel === 'sms' || m.channel === 'call') && m.sender && !HUB_VALUES.has(phoneDigits(m.sender)))
      out.add(`phone:${phoneDigits(m.sender)}`);
  }
  return out;
}

const byGang = new Map<string, Set<string>[]>();
const owners = new Map<string, Set<string>>();
for (const { record, gang } of reports) {
  const values = evidence(record);
  if (gang) byGang.set(gang, [...(byGang.get(gang) ?? []), values]);
  for (const v of values) owners.set(v, (owners.get(v) ?? new Set()).add(gang ?? `lone ${record.id}`));
}

describe('demo gangs', () => {
  it('file about two thirds of the reports; the rest are lone frauds', () => {
    const share = reports.filter((r) => r.gang !== null).length / reports.length;
    expect(share).toBeGreaterThan(0.58);
    expect(share).toBeLessThan(0.76);
  });

  it('have heavy-tailed sizes: many of 2–5, some of 20 and more', () => {
    const sizes = [...byGang.values()].map((l) => l.length);
    const small = sizes.filter((s) => s >= 2 && s <= 5).length;
    expect(small / sizes.length).toBeGreaterThan(0.5);
    expect(sizes.filter((s) => s >= 20).length).toBeGreaterThan(10);
    expect(Math.max(...sizes)).toBeGreaterThan(60);
  });

  it('leave shared values: most gang reports share one with another report of the gang', () => {
    let members = 0;
    let linked = 0;
    for (const list of byGang.values()) {
      if (list.length < 2) continue;
      list.forEach((mine, i) => {
        members++;
        if (list.some((other, j) => j !== i && [...mine].some((v) => other.has(v)))) linked++;
      });
    }
    expect(linked / members).toBeGreaterThan(0.75);
  });

  it('rotate their values: big gangs use several of each kind over their life', () => {
    const big = [...byGang.values()].filter((l) => l.length >= 40);
    expect(big.length).toBeGreaterThan(0);
    for (const list of big) {
      const all = [...new Set(list.flatMap((s) => [...s]))];
      const kinds = new Set(all.map((v) => v.slice(0, v.indexOf(':'))));
      // More distinct values than kinds: at least one kind was replaced during the gang's life.
      expect(all.length).toBeGreaterThan(kinds.size + 2);
    }
  });

  it('share nothing with other gangs or lone frauds except mule cards rented to exactly two gangs', () => {
    const shared = [...owners].filter(([, who]) => who.size > 1);
    expect(shared.length).toBeGreaterThan(0);
    for (const [value, who] of shared) {
      expect(value, [...who].join(' ')).toMatch(/^card:/);
      expect([...who].every((w) => w.startsWith('G'))).toBe(true);
      expect(who.size).toBe(2);
    }
  });
});

describe('demo evidence as citizens report it', () => {
  const ids = reports.flatMap((r) => r.record.identifiers ?? []);

  it('writes the same values in messy forms', () => {
    const phones = ids.filter((i) => i.kind === 'phone').map((i) => i.value);
    expect(phones.some((v) => /^\+86 1\d{2}-\d{4}-\d{4}$/.test(v))).toBe(true);
    expect(phones.some((v) => /^1\d{2} \d{4} \d{4}$/.test(v))).toBe(true);
    expect(phones.some((v) => /^0086 1\d{10}$/.test(v))).toBe(true);
    expect(phones.some((v) => /^[０-９]{11}$/.test(v))).toBe(true);
    const cards = ids.filter((i) => i.kind === 'bank_card' || i.kind === 'bank_account').map((i) => i.value);
    expect(cards.some((v) => /^\d{4}( \d{4}){3,4}( \d{1,3})?$/.test(v))).toBe(true);
    expect(cards.some((v) => /^\d{16,19}$/.test(v))).toBe(true);
    const urls = ids.filter((i) => i.kind === 'url').map((i) => i.value);
    expect(urls.some((v) => v.startsWith('HTTP://WWW.'))).toBe(true);
    expect(urls.some((v) => /^[a-z0-9-]+\.[a-z.]+\/\S*$/.test(v))).toBe(true);
    expect(urls.some((v) => /^(https?:\/\/)?(t\.cn|url\.cn|dwz\.cn|suo\.im)\/\w{6}$/.test(v))).toBe(true);
  });

  it('uses Luhn-valid mule cards with real Chinese BINs', () => {
    const payees = ids.filter((i) => i.kind === 'bank_card' && i.role === 'payee').map((i) => i.value.normalize('NFKC').replace(/\D/g, ''));
    expect(payees.length).toBeGreaterThan(1000);
    for (const card of payees) {
      expect(isLuhnValid(card), card).toBe(true);
      expect(card).toMatch(/^62[123]\d{3}/);
    }
  });

  it('quotes hub values that point at no fraudster', () => {
    const hubs = ids.filter((i) => HUB_VALUES.has(bare(canonical(i))));
    expect(new Set(hubs.map((i) => bare(canonical(i)))).size).toBeGreaterThan(8);
    expect(hubs.length / reports.length).toBeGreaterThan(0.05);
    const narratives = reports.map((r) => r.record.narrative ?? '');
    for (const hub of ['110', '96110', '国家反诈中心'])
      expect(
        narratives.some((n) => n.includes(hub)),
        hub,
      ).toBe(true);
    expect(reports.some((r) => r.record.messages?.some((m) => m.channel === 'sms' && m.sender && HUB_VALUES.has(m.sender)))).toBe(true);
  });

  it('has text-only reports whose only evidence is inside the messages', () => {
    const textOnly = reports.filter(
      ({ record, gang }) => gang && (record.identifiers ?? []).length === 0 && (record.messages ?? []).length > 0,
    );
    expect(textOnly.length / reports.length).toBeGreaterThan(0.03);
    expect(textOnly.some(({ record }) => record.identifiers === undefined)).toBe(true);
    expect(textOnly.some(({ record }) => record.identifiers?.length === 0)).toBe(true);
    const inText = textOnly.filter(({ record }) =>
      record.messages!.some((m) =>
        /(t\.cn|url\.cn|dwz\.cn|suo\.im)\/\w{6}|[a-z0-9-]+\.(cn|com|top|vip|xyz|cc|net|shop|icu|club)|1[3-9]\d[ -]?\d{4}[ -]?\d{4}/.test(
          m.text,
        ),
      ),
    );
    expect(inText.length).toBeGreaterThan(textOnly.length / 3);
  });

  it('mentions fraudster phones and QQ/WeChat ids inside narratives', () => {
    const narratives = reports.map((r) => r.record.narrative ?? '');
    expect(narratives.filter((n) => /1[3-9]\d[ -]?\d{4}[ -]?\d{4}/.test(n.normalize('NFKC'))).length).toBeGreaterThan(100);
    expect(narratives.filter((n) => /(QQ|qq)[号：]?\d{6,}|微信号?[：]?[A-Za-z]/.test(n)).length).toBeGreaterThan(100);
  });

  it('covers every scam type with plausible losses', () => {
    const byCategory = new Map<string, number[]>();
    for (const { record } of reports) {
      if (record.loss && record.loss.amount !== '0.00')
        byCategory.set(record.category, [...(byCategory.get(record.category) ?? []), Number(record.loss.amount)]);
    }
    expect(byCategory.size).toBe(11);
    const median = (c: string): number => {
      const a = [...byCategory.get(c)!].sort((x, y) => x - y);
      return a[a.length >> 1]!;
    };
    expect(median('investment_romance')).toBeGreaterThan(10_000);
    expect(median('part_time_job')).toBeLessThan(median('investment_romance'));
    expect(median('fake_prize')).toBeGreaterThan(500);
    expect(median('fake_prize')).toBeLessThan(10_000);
    expect(median('impersonating_officials')).toBeGreaterThan(median('online_shopping'));
  });
});
