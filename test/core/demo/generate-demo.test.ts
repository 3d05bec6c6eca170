// The demo generator's contract: deterministic by seed, valid records (report-format.md v1),
// corrections and withdrawals later in the stream, and a stream that does not hold its reports.
// Some narratives carry the victim's home address (or the hotel they were sent to): personal
// data that a redacted bundle must remove.
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../../src/common/model';
import { findAddresses } from '../../../src/core/bundle/addresses';
import { DEMO_DEFAULTS, generateDemo } from '../../../src/core/demo';
import { isValidIdNumber } from '../../../src/core/demo/id-number';
import { DISTRICTS } from '../../../src/core/demo/names';
import { parseRecord } from '../../../src/core/report/parse';
import { parseRfc3339 } from '../../../src/core/report/rfc3339';
import { collect, firstVersions, isLive } from './corpus';

const items = collect({ reports: 4000, seed: 11 });
const reports = firstVersions(items);
const ms = (t: string): number => {
  const p = parseRfc3339(t);
  if ('error' in p) throw new Error(`${t} ${p.error}`);
  return p.ms;
};
const OFFSET_TS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/;

describe('generateDemo determinism', () => {
  const ndjson = (seed: number, n = 1500): string => [...generateDemo({ reports: n, seed })].map((i) => JSON.stringify(i)).join('\n');

  it('gives byte-identical output for the same seed and options', () => {
    expect(ndjson(3)).toBe(ndjson(3));
  });

  it('gives different output for a different seed', () => {
    const a = ndjson(3, 200).split('\n');
    const b = ndjson(4, 200).split('\n');
    expect(a.filter((line, i) => line === b[i]).length).toBe(0);
  });

  it('spreads any number of reports over the requested span', () => {
    const last = (days: number): string => {
      const got = firstVersions(collect({ reports: 50, seed: 2, start: '2023-03-01', days }));
      return got[got.length - 1]!.record.reported_at.slice(0, 10);
    };
    expect(last(10)).toBe('2023-03-10');
    expect(last(365)).toMatch(/^2024-02-(2[5-9])$/);
  });

  it('makes exactly the requested number of reports, and nothing for zero', () => {
    expect(reports.length).toBe(4000);
    expect([...generateDemo({ reports: 0, seed: 1 })]).toEqual([]);
    expect(firstVersions(collect({ reports: 7, seed: 2 })).length).toBe(7);
  });

  it('refuses options it cannot honour', () => {
    expect(() => [...generateDemo({ reports: -1, seed: 1 })]).toThrow(RangeError);
    expect(() => [...generateDemo({ reports: 5, seed: 1, start: '2024-02-30' })]).toThrow(/start/);
    expect(() => [...generateDemo({ reports: 5, seed: 1, days: 0 })]).toThrow(/days/);
  });
});

describe('generateDemo records', () => {
  it('are all valid report records', () => {
    for (const { record } of items) {
      const parsed = parseRecord(JSON.parse(JSON.stringify(record)));
      if (!parsed.ok) throw new Error(`${parsed.error.id}: ${parsed.error.field} ${parsed.error.reason}`);
      expect(parsed.value.record).toEqual(record);
    }
  });

  it('have platform ids numbered per year of report, unique, in order', () => {
    const ids = reports.map((r) => r.record.id);
    expect(new Set(ids).size).toBe(ids.length);
    let last = '';
    for (const { record } of reports) {
      expect(record.id).toMatch(/^RPT-\d{4}-\d{7}$/);
      expect(record.id.slice(4, 8)).toBe(record.reported_at.slice(0, 4));
      expect(record.id > last).toBe(true);
      last = record.id;
    }
  });

  it('are filed in time order over the requested span, in Nanjing time', () => {
    let previous = -Infinity;
    const start = ms('2024-01-01T00:00:00+08:00');
    for (const { record } of reports) {
      expect(record.reported_at).toMatch(OFFSET_TS);
      expect(record.precinct).toBe(DEMO_DEFAULTS.precinct);
      const t = ms(record.reported_at);
      expect(t).toBeGreaterThanOrEqual(previous);
      previous = t;
      if (record.occurred_at) {
        expect(record.occurred_at).toMatch(OFFSET_TS);
        expect(ms(record.occurred_at)).toBeLessThan(t);
      }
      for (const m of record.messages ?? []) if (m.at) expect(ms(m.at)).toBeLessThan(t);
    }
    expect(ms(reports[0]!.record.reported_at)).toBeGreaterThanOrEqual(start);
    const spanDays = (previous - start) / 86_400_000;
    expect(spanDays).toBeGreaterThan(695);
    expect(spanDays).toBeLessThanOrEqual(700);
  });

  it('carry losses as CNY decimal strings with two decimals, a few null or zero', () => {
    let attempted = 0;
    for (const { record } of reports) {
      expect(CATEGORIES).toContain(record.category);
      if (record.loss === null || record.loss?.amount === '0.00') attempted++;
      if (record.loss) {
        expect(record.loss.amount).toMatch(/^\d{1,13}\.\d{2}$/);
        expect(record.loss.currency).toBe('CNY');
      }
    }
    expect(attempted / reports.length).toBeGreaterThan(0.01);
    expect(attempted / reports.length).toBeLessThan(0.1);
  });

  it('describe victims consistently: valid ID numbers matching age and gender, Nanjing districts and places', () => {
    const districts = new Set(DISTRICTS.map((d) => d.name));
    let withId = 0;
    for (const { record } of reports) {
      const v = record.victim!;
      expect(districts.has(v.district!)).toBe(true);
      if (v.phone) expect(v.phone).toMatch(/^1[3-9]\d{9}$/);
      if (v.name) expect(v.name).toMatch(/^\p{Script=Han}{2,4}$/u);
      if (v.id_number) {
        withId++;
        expect(isValidIdNumber(v.id_number), v.id_number).toBe(true);
        if (v.gender) expect(Number(v.id_number[16]) % 2 === 1 ? '男' : '女').toBe(v.gender);
        if (v.age !== undefined) {
          const [y, m, d] = [v.id_number.slice(6, 10), v.id_number.slice(10, 12), v.id_number.slice(12, 14)].map(Number) as [
            number,
            number,
            number,
          ];
          const [ry, rm, rd] = record.reported_at.slice(0, 10).split('-').map(Number) as [number, number, number];
          expect(v.age).toBe(ry - y - (rm < m || (rm === m && rd < d) ? 1 : 0));
        }
      }
      const loc = record.location;
      if (loc?.lat !== undefined) {
        expect(loc.lat).toBeGreaterThan(31.2);
        expect(loc.lat).toBeLessThan(32.5);
        expect(loc.lon).toBeGreaterThan(118.5);
        expect(loc.lon).toBeLessThan(119.2);
      }
    }
    expect(withId / reports.length).toBeGreaterThan(0.75);
  });

  it('have Chinese narratives that mention the money', () => {
    for (const { record } of reports) {
      expect(record.narrative!.match(/\p{Script=Han}/gu)!.length).toBeGreaterThan(12);
      if (record.loss && record.loss.amount !== '0.00') expect(record.narrative).toMatch(/\d[\d,.]*(万)?(元|块)/);
    }
    expect(new Set(reports.map((r) => r.record.narrative)).size).toBeGreaterThan(reports.length * 0.99);
  });

  it("sometimes mention where the victim lives, in the victim's district, for redaction to remove", () => {
    const districts = DISTRICTS.map((d) => d.name);
    let mentioning = 0;
    for (const { record } of reports) {
      const found = findAddresses(record.narrative!);
      if (found.length === 0) continue;
      mentioning++;
      for (const a of found) {
        const district = districts.find((d) => a.text.includes(d));
        if (district) expect(district).toBe(record.victim!.district);
      }
    }
    expect(mentioning / reports.length).toBeGreaterThan(0.05);
    expect(mentioning / reports.length).toBeLessThan(0.2);
    const byCategory = (c: string): number =>
      reports.filter((r) => r.record.category === c && findAddresses(r.record.narrative!).length > 0).length;
    for (const c of ['impersonating_officials', 'fake_customer_service', 'online_shopping', 'part_time_job'])
      expect(byCategory(c), c).toBeGreaterThan(0);
  });
});

describe('generateDemo corrections and withdrawals', () => {
  it('come after the report they change, with a higher version', () => {
    const seen = new Map<string, number>();
    let revised = 0;
    let withdrawn = 0;
    for (const { record } of items) {
      const last = seen.get(record.id);
      if (record.version === 1) expect(last).toBeUndefined();
      else {
        expect(last).toBe(record.version - 1);
        if (isLive(record)) revised++;
        else withdrawn++;
      }
      seen.set(record.id, record.version);
    }
    expect(revised / reports.length).toBeGreaterThan(0.015);
    expect(revised / reports.length).toBeLessThan(0.05);
    expect(withdrawn).toBeGreaterThan(0);
    expect(withdrawn / reports.length).toBeLessThan(0.01);
  });

  it('correct the loss or add to the narrative of the same report', () => {
    const first = new Map(reports.map((r) => [r.record.id, r.record]));
    for (const { record } of items) {
      if (!isLive(record) || record.version === 1) continue;
      const original = first.get(record.id)!;
      expect(record.narrative!.startsWith(original.narrative!)).toBe(true);
      expect(record.narrative!.length).toBeGreaterThan(original.narrative!.length);
      expect({ ...record, version: 1, loss: original.loss, narrative: original.narrative }).toEqual(original);
    }
  });
});

describe('generateDemo streaming', () => {
  it('generates 200,000 reports without holding them', () => {
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    let n = 0;
    for (const item of generateDemo({ reports: 200_000, seed: 5 })) {
      if (item.record.version === 1) n++;
      if (n % 20_000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    expect(n).toBe(200_000);
    expect(peak - before).toBeLessThan(200 * 1024 * 1024);
  });
});
