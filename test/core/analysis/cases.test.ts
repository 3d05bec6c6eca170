// Case files on a linked demo precinct: ids by year, status and assignee, notes, series added and
// removed, every action audited; and the audit log's filters.
import { API_SCHEMAS } from '../../../src/common/api-schema';
import { afterEach, describe, expect, it } from 'vitest';
import { demoStore, value, type DemoStore } from './demo-store';

let store: DemoStore | null = null;
afterEach(() => {
  store?.db.close();
  store = null;
});

describe('case files', () => {
  it('opens a case from series, numbers cases by year, notes and updates them, audited', async () => {
    store = await demoStore();
    const { api } = store;
    const [s1, s2, s3] = value(await api['series.query']({ overThreshold: true, offset: 0, limit: 3 })).rows;
    const year = new Date().toISOString().slice(0, 4);
    const c = value(await api['cases.create']({ title: '刷单返利系列案', series: [s1!.id, s2!.id], assignee: '王警官' }));
    expect(c.id).toBe(`CASE-${year}-0001`);
    expect(c).toMatchObject({ title: '刷单返利系列案', status: 'new', assignee: '王警官', series: [s1!.id, s2!.id].sort(), noteCount: 0 });
    expect(c.reports).toBe(s1!.reports + s2!.reports);
    expect(c.currentSeries.map((s) => s.id).sort()).toEqual([s1!.id, s2!.id].sort());
    expect(c.currentSeries.every((s) => s.caseId === c.id && s.status === 'new')).toBe(true);
    const second = value(await api['cases.create']({ title: 'second', series: [s3!.id] }));
    expect(second.id).toBe(`CASE-${year}-0002`);

    const note = value(await api['cases.addNote']({ id: c.id, text: '  受害人已联系，材料齐全  ' }));
    expect(note).toMatchObject({ author: 'li.wei', text: '受害人已联系，材料齐全' });
    const updated = value(
      await api['cases.update']({ id: c.id, status: 'under_review', assignee: null, addSeries: [s3!.id], removeSeries: [s2!.id] }),
    );
    expect(updated).toMatchObject({ status: 'under_review', assignee: null, noteCount: 1 });
    expect(updated.currentSeries.map((s) => s.id).sort()).toEqual([s1!.id, s3!.id].sort());
    expect(updated.notes).toEqual([note]);
    expect(value(await api['cases.list']({ status: 'under_review' })).map((x) => x.id)).toEqual([c.id]);
    expect(
      value(await api['cases.list']({}))
        .map((x) => x.id)
        .sort(),
    ).toEqual([c.id, second.id].sort());

    // The series list shows the case and filters by its status.
    const reviewed = value(await api['series.query']({ status: 'under_review', offset: 0, limit: 10 }));
    expect(reviewed.rows.map((r) => r.id).sort()).toEqual([s1!.id, s3!.id].sort());
    const none = value(await api['series.query']({ status: 'none', offset: 0, limit: 1000 }));
    expect(none.rows.map((r) => r.id)).not.toContain(s1!.id);

    expect(await api['cases.update']({ id: c.id, removeSeries: [s1!.id, s3!.id] })).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument' },
    });
    expect(await api['cases.create']({ title: 'x', series: ['S-NOPE'] })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'no series with id S-NOPE' },
    });
    expect(await api['cases.get']({ id: 'CASE-1999-0001' })).toMatchObject({ ok: false, error: { code: 'not_found' } });

    const log = value(await api['audit.query']({ actor: 'li.wei', offset: 0, limit: 100 })).rows;
    expect(log.map((e) => e.action)).toEqual(['case', 'note', 'case', 'case']);
    expect(log[0]).toMatchObject({ subject: c.id });
    expect(log.some((e) => (e.detail ?? '').includes('受害人'))).toBe(false);
  });
});

describe('audit log', () => {
  it('filters by action, actor, text and dates, newest first, paged', async () => {
    store = await demoStore();
    const { api } = store;
    const all = value(await api['audit.query']({ offset: 0, limit: 1000 }));
    expect(all.total).toBeGreaterThan(0);
    const ids = all.rows.map((r) => r.id);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    const [s] = value(await api['series.query']({ offset: 0, limit: 1 })).rows;
    value(await api['cases.create']({ title: 'Fake customer service ring', series: [s!.id] }));
    expect(value(await api['audit.query']({ text: 'create', offset: 0, limit: 10 })).rows.map((r) => r.action)).toEqual(['case']);
    const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
    expect(value(await api['audit.query']({ action: 'case', since: hourAgo, offset: 0, limit: 10 })).total).toBe(1);
    expect(value(await api['audit.query']({ action: 'case', before: '2000-01-01T00:00:00Z', offset: 0, limit: 10 })).total).toBe(0);
    // A bare day is refused by the contract: which day it means depends on the caller's zone.
    expect(API_SCHEMAS['audit.query'].safeParse({ since: '2026-11-24', offset: 0, limit: 10 }).success).toBe(false);
    expect(API_SCHEMAS['audit.query'].safeParse({ since: '2026-11-23T16:00:00.000Z', offset: 0, limit: 10 }).success).toBe(true);
    const paged = value(await api['audit.query']({ offset: 1, limit: 1 }));
    expect(paged.total).toBe(all.total + 1);
    expect(paged.rows[0]!.id).toBe(all.rows[0]!.id);
  });
});
