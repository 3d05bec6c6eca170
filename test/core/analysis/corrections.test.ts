// Investigators' corrections on a linked demo precinct: each is recorded with who and why,
// audited, marks what to relink; after the relink the series are as the investigator decided, a
// later full relink keeps them so, and revoking the correction gives the evidence its say again.
import { afterEach, describe, expect, it } from 'vitest';
import { linkStore } from '../../../src/core/linking/store-io';
import type { Db } from '../../../src/core/store/db';
import { demoStore, value, type DemoStore } from './demo-store';

let store: DemoStore | null = null;
afterEach(() => {
  store?.db.close();
  store = null;
});

const seriesOf = (db: Db, reportId: string): string | null =>
  (db.prepare('SELECT m.series_id FROM series_member m JOIN report r ON r.rid = m.rid WHERE r.id = ?').pluck().get(reportId) as
    string | undefined) ?? null;
const ridOf = (db: Db, reportId: string): number => db.prepare('SELECT rid FROM report WHERE id = ?').pluck().get(reportId) as number;
const members = (db: Db, seriesId: string): string[] =>
  db
    .prepare('SELECT r.id FROM series_member m JOIN report r ON r.rid = m.rid WHERE m.series_id = ? ORDER BY r.id')
    .pluck()
    .all(seriesId) as string[];

describe('split', () => {
  it('takes a report out of its series for good, until revoked', async () => {
    store = await demoStore();
    const { db, api } = store;
    const sid = db.prepare('SELECT id FROM series WHERE active = 1 AND size >= 4 ORDER BY size, id LIMIT 1').pluck().get() as string;
    const [victimOfSplit, ...rest] = members(db, sid) as [string, ...string[]];
    const c = value(await api['series.split']({ reportId: victimOfSplit, reason: '受害人信息不符' }));
    expect(c).toMatchObject({ action: 'split', reportId: victimOfSplit, reason: '受害人信息不符', actor: 'li.wei' });
    expect(store.relinks).toBe(1);
    expect(db.prepare('SELECT count(*) FROM link_dirty').pluck().get()).toBe(1);

    expect(linkStore(db).mode).toBe('incremental');
    const rid = ridOf(db, victimOfSplit);
    expect(seriesOf(db, victimOfSplit)).toBeNull();
    expect(db.prepare('SELECT count(*) FROM link WHERE a = ? OR b = ?').pluck().get(rid, rid)).toBe(0);
    expect(rest.some((r) => seriesOf(db, r) !== null)).toBe(true);
    // The series page still lists the correction though the report left it.
    const after = seriesOf(db, rest[0]!) ?? sid;
    expect(value(await api['series.get']({ id: after })).corrections.map((x) => x.id)).toContain(c.id);

    linkStore(db, { full: true });
    expect(seriesOf(db, victimOfSplit)).toBeNull();
    expect(await api['series.split']({ reportId: victimOfSplit, reason: 'again' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument' },
    });

    expect(value(await api['series.revokeCorrection']({ id: c.id, reason: '核实后属同一团伙' }))).toEqual({ revoked: true });
    expect(value(await api['series.revokeCorrection']({ id: c.id, reason: 'twice' }))).toEqual({ revoked: false });
    linkStore(db);
    expect(seriesOf(db, victimOfSplit)).not.toBeNull();
    expect(db.prepare('SELECT revoked_by FROM link_override WHERE id = ?').pluck().get(c.id)).toBe('li.wei');
    const log = value(await api['audit.query']({ actor: 'li.wei', offset: 0, limit: 10 })).rows.map((e) => [e.action, e.subject]);
    expect(log).toEqual([
      ['revoke', `correction #${c.id}`],
      ['split', victimOfSplit],
    ]);
    // Relinks are audited too: the last one relinked what the revocation marked.
    const relinks = value(await api['audit.query']({ action: 'link', offset: 0, limit: 10 })).rows;
    expect(relinks.map((r) => r.subject).slice(0, 3)).toEqual(['incremental', 'full', 'incremental']);
    expect((JSON.parse(relinks[0]!.detail as string) as { changed: number }).changed).toBeGreaterThan(0);
  });
});

describe('merge', () => {
  it('joins two series whatever the evidence says; the retired id and cases follow to the survivor', async () => {
    store = await demoStore();
    const { db, api } = store;
    const [a, b] = db.prepare('SELECT id FROM series WHERE active = 1 AND size BETWEEN 3 AND 10 ORDER BY id LIMIT 2').pluck().all() as [
      string,
      string,
    ];
    const before = [...members(db, a), ...members(db, b)].sort();
    const kase = value(await api['cases.create']({ title: 'merged later', series: [a, b] }));
    const c = value(await api['series.merge']({ a, b, reason: '同一收款账户资金流向' }));
    expect(c).toMatchObject({ action: 'merge' });
    linkStore(db);
    const survivor = seriesOf(db, before[0]!) as string;
    expect([a, b]).toContain(survivor);
    for (const r of before) expect(seriesOf(db, r)).toBe(survivor);
    const retired = survivor === a ? b : a;
    expect(db.prepare('SELECT active, merged_into FROM series WHERE id = ?').get(retired)).toEqual({ active: 0, merged_into: survivor });
    const detail = value(await api['series.get']({ id: retired }));
    expect(detail.row.id).toBe(survivor);
    expect(detail.formerIds).toContain(retired);
    const link = db.prepare("SELECT strong, evidence FROM link WHERE evidence LIKE '%correction%'").get() as {
      strong: number;
      evidence: string;
    };
    expect(link.strong).toBe(1);
    expect(JSON.parse(link.evidence)).toEqual([{ type: 'correction', correction: c.id, weight: 1 }]);
    const g = value(await api['series.graph']({ id: survivor }));
    expect(g.edges.some((e) => e.type === 'link' && e.evidence.some((x) => x.type === 'correction'))).toBe(true);
    // Cases survive relinks.
    const k = value(await api['cases.get']({ id: kase.id }));
    expect([...k.series].sort()).toEqual([a, b].sort());
    expect(k.currentSeries.map((s) => s.id)).toEqual([survivor]);
    expect(k.reports).toBe(before.length);

    linkStore(db, { full: true });
    for (const r of before) expect(seriesOf(db, r)).toBe(survivor);
    expect(await api['series.merge']({ a, b, reason: 'again' })).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });

    value(await api['series.revokeCorrection']({ id: c.id, reason: 'mistaken' }));
    linkStore(db);
    expect(new Set(before.map((r) => seriesOf(db, r))).size).toBe(2);
  });
});

describe('wrong evidence', () => {
  it('stops a value from linking two reports, and for one report at all', async () => {
    store = await demoStore();
    const { db, api } = store;
    // Pairs of reports that only one shared value joins (a series of two, one strong link).
    const pairs = db
      .prepare(
        `SELECT ra.id AS a, rb.id AS b, l.evidence FROM series s JOIN series_member m ON m.series_id = s.id JOIN link l ON l.a = m.rid
         JOIN report ra ON ra.rid = l.a JOIN report rb ON rb.rid = l.b
         WHERE s.active = 1 AND s.size = 2 AND l.strong = 1
           AND (SELECT count(*) FROM json_each(l.evidence) WHERE value ->> 'type' = 'identifier') = 1 ORDER BY s.id LIMIT 2`,
      )
      .all() as { a: string; b: string; evidence: string }[];
    expect(pairs).toHaveLength(2);
    const [p, q] = pairs as [(typeof pairs)[number], (typeof pairs)[number]];
    const ev = (x: { evidence: string }): { kind: string; value: string } =>
      (JSON.parse(x.evidence) as { type: string; kind: string; value: string }[]).find((t) => t.type === 'identifier')!;

    const between = value(
      await api['series.markWrong']({ reportId: p.a, otherReportId: p.b, kind: ev(p).kind, value: ev(p).value, reason: '号码被冒用' }),
    );
    expect(between).toMatchObject({ action: 'wrong_evidence', reportId: p.a, otherReportId: p.b, kind: ev(p).kind, value: ev(p).value });
    const alone = value(await api['series.markWrong']({ reportId: q.a, kind: ev(q).kind, value: ev(q).value, reason: '报案人填错' }));
    expect(alone.otherReportId).toBeNull();
    linkStore(db);
    const carries = (a: string, b: string, v: string): boolean => {
      const [x, y] = [ridOf(db, a), ridOf(db, b)].sort((m, n) => m - n);
      const row = db.prepare('SELECT evidence FROM link WHERE a = ? AND b = ?').pluck().get(x, y) as string | undefined;
      return row !== undefined && row.includes(JSON.stringify(v));
    };
    expect(carries(p.a, p.b, ev(p).value)).toBe(false);
    expect(carries(q.a, q.b, ev(q).value)).toBe(false);
    const e = value(await api['series.explain']({ a: p.a, b: p.b }));
    expect(e.shared.find((s) => s.value === ev(p).value)?.status).toBe('wrong');
    linkStore(db, { full: true });
    expect(carries(p.a, p.b, ev(p).value)).toBe(false);
    expect(carries(q.a, q.b, ev(q).value)).toBe(false);

    expect(await api['series.markWrong']({ reportId: p.a, kind: 'phone', value: '+8613000000000', reason: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument' },
    });
    const log = value(await api['audit.query']({ action: 'wrong_evidence', offset: 0, limit: 10 })).rows;
    expect(log.map((r) => r.subject)).toEqual([q.a, `${p.a} ${p.b}`]);
  });
});
