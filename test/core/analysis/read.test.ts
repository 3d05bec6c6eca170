// The read side of the investigator UI on a linked demo precinct: overview, series list,
// workspace (detail, graph, explain) and the audit log, checked against the store itself.
import { rawStore } from '../../support/raw-store';
import { afterEach, describe, expect, it } from 'vitest';
import { decimalToCents } from '../../../src/common/money';
import { getOverview } from '../../../src/core/analysis/overview';
import { refreshAllStats } from '../../../src/core/analysis/series-rows';
import { demoStore, value, type DemoStore } from './demo-store';

let store: DemoStore | null = null;
afterEach(() => {
  store?.db.close();
  store = null;
});

describe('overview', () => {
  it('counts what the store holds and caches the store-wide figures until it changes', async () => {
    store = await demoStore();
    const { db, api } = store;
    const o = value(await api['overview.get']({}));
    expect(o.reports).toBe(db.prepare('SELECT count(*) FROM report WHERE withdrawn = 0').pluck().get());
    expect(o.series).toBe(db.prepare('SELECT count(*) FROM series WHERE active = 1').pluck().get());
    expect(o.overThreshold).toBeGreaterThan(0);
    expect(o.overTime.reduce((n, d) => n + d.reports, 0)).toBe(o.reports);
    expect(o.byCategory.reduce((n, c) => n + c.reports, 0)).toBe(o.reports);
    const total = decimalToCents(o.totalLoss.CNY as string) as number;
    expect(decimalToCents(o.linkedLoss.CNY as string)).toBeLessThan(total);
    expect(o.overTime.reduce((n, d) => n + (decimalToCents(d.loss) as number), 0)).toBe(total);
    expect(o.threshold).toEqual({ amount: '3000.00', currency: 'CNY' });
    expect(o.newestOver.length).toBeGreaterThan(0);
    const crossings = o.newestOver.map((s) => s.overAt as string);
    expect([...crossings].sort().reverse()).toEqual(crossings);
    expect(o.topIdentifiers.length).toBeGreaterThan(0);
    for (const t of o.topIdentifiers) expect(t.reports).toBeGreaterThanOrEqual(2);
    expect(o.linkedAt).not.toBeNull();
    expect(db.prepare("SELECT count(*) FROM analysis_cache WHERE key = 'overview'").pluck().get()).toBe(1);
    expect(value(await api['overview.get']({}))).toEqual(o);
  });

  it('answers the last figures while the analysis worker computes new ones, fresh ones otherwise', async () => {
    store = await demoStore();
    const { db } = store;
    const before = getOverview(db);
    // A change the cached figures do not know yet: a report withdrawn.
    db.prepare(
      "UPDATE report SET withdrawn = 1, updated_at = '2999-01-01T00:00:00Z' WHERE rid = (SELECT min(rid) FROM report WHERE withdrawn = 0)",
    ).run();
    expect(getOverview(db, { warming: true }).reports).toBe(before.reports);
    expect(getOverview(db).reports).toBe(before.reports - 1);
  });
});

describe('caches while a link run writes', () => {
  it('answers without waiting for the write lock, and caches at the next look', async () => {
    store = await demoStore();
    const { db, api, file } = store;
    const writer = rawStore(file);
    writer.prepare('BEGIN IMMEDIATE').run();
    try {
      // Without skipping the cache write, these would fail as the store is locked.
      const o = value(await api['overview.get']({}));
      const victims = value(await api['series.query']({ sort: 'victims', offset: 0, limit: 5 }));
      expect(o.reports).toBeGreaterThan(0);
      expect(victims.rows).toHaveLength(5);
      expect(db.prepare('SELECT count(*) FROM analysis_cache').pluck().get()).toBe(0);
    } finally {
      writer.prepare('COMMIT').run();
      writer.close();
    }
    value(await api['overview.get']({}));
    value(await api['series.query']({ sort: 'victims', offset: 0, limit: 5 }));
    expect(db.prepare('SELECT key FROM analysis_cache ORDER BY key').pluck().all()).toEqual(['overview', 'series_stat']);
  });
});

describe('per-series figures', () => {
  it('are the same whether computed series by series or in one pass over every membership', async () => {
    store = await demoStore();
    const { db } = store;
    const stats = (): unknown[] => db.prepare('SELECT series_id, run, victims, categories FROM series_stat ORDER BY series_id').all();
    expect(refreshAllStats(db, Infinity)).toBe(true);
    const bySeries = stats();
    expect(bySeries.length).toBe(db.prepare('SELECT count(*) FROM series WHERE active = 1').pluck().get());
    db.prepare('DELETE FROM series_stat').run();
    db.prepare('DELETE FROM analysis_cache').run();
    expect(refreshAllStats(db, 0)).toBe(true);
    expect(stats()).toEqual(bySeries);
  });
});

describe('series list', () => {
  it('lists over-threshold series first, then by loss, and pages', async () => {
    store = await demoStore();
    const { api } = store;
    const page = value(await api['series.query']({ offset: 0, limit: 50 }));
    expect(page.total).toBe(value(await api['overview.get']({})).series);
    const keys = page.rows.map((r) => [r.overThreshold ? 1 : 0, decimalToCents(r.thresholdLoss) as number]);
    for (let i = 1; i < keys.length; i++) {
      const [o1, l1] = keys[i - 1] as [number, number];
      const [o2, l2] = keys[i] as [number, number];
      expect(o1 > o2 || (o1 === o2 && l1 >= l2)).toBe(true);
    }
    const first = page.rows[0]!;
    expect(first.victims).toBeGreaterThan(0);
    expect(first.victims).toBeLessThanOrEqual(first.reports);
    expect(first.categories.length).toBeGreaterThan(0);
    const next = value(await api['series.query']({ offset: 50, limit: 50 }));
    expect(next.rows.map((r) => r.id)).not.toContain(first.id);
  });

  it('sorts by victims and filters by category, threshold and text (series id, report id, identifier)', async () => {
    store = await demoStore();
    const { db, api } = store;
    const byVictims = value(await api['series.query']({ sort: 'victims', offset: 0, limit: 20 })).rows.map((r) => r.victims);
    expect([...byVictims].sort((a, b) => b - a)).toEqual(byVictims);
    const loans = value(await api['series.query']({ categories: ['loan'], offset: 0, limit: 100 }));
    expect(loans.total).toBeGreaterThan(0);
    for (const r of loans.rows) expect(r.categories).toContain('loan');
    const under = value(await api['series.query']({ overThreshold: false, offset: 0, limit: 100 }));
    for (const r of under.rows) expect(r.overThreshold).toBe(false);

    const s = db
      .prepare('SELECT m.series_id AS sid, r.id AS rid FROM series_member m JOIN report r ON r.rid = m.rid ORDER BY r.rid LIMIT 1')
      .get() as { sid: string; rid: string };
    expect(value(await api['series.query']({ text: s.sid, offset: 0, limit: 10 })).rows.map((r) => r.id)).toEqual([s.sid]);
    expect(value(await api['series.query']({ text: s.rid, offset: 0, limit: 10 })).rows.map((r) => r.id)).toEqual([s.sid]);
    const phone = db
      .prepare(
        "SELECT i.value FROM identifier i JOIN series_member m ON m.rid = i.rid WHERE m.series_id = ? AND i.kind = 'phone' AND i.value LIKE '+861%' LIMIT 1",
      )
      .pluck()
      .get(s.sid) as string | undefined;
    if (phone) {
      // Typed the way people write it: without +86, with spaces.
      const typed = `${phone.slice(3, 6)} ${phone.slice(6, 10)} ${phone.slice(10)}`;
      expect(value(await api['series.query']({ text: typed, offset: 0, limit: 50 })).rows.map((r) => r.id)).toContain(s.sid);
    }
  });
});

describe('series reached only together', () => {
  it('are counted on the overview, filtered in the list, and say which dates the window counted', async () => {
    store = await demoStore();
    const { db, api } = store;
    const o = value(await api['overview.get']({}));
    expect(o.onlyTogether).toBeGreaterThan(0);
    expect(o.onlyTogether).toBeLessThan(o.overThreshold);
    const together = value(await api['series.query']({ onlyTogether: true, offset: 0, limit: 1000 }));
    expect(together.total).toBe(o.onlyTogether);
    const largest = db
      .prepare('SELECT max(r.loss_cents) FROM series_member m JOIN report r ON r.rid = m.rid WHERE m.series_id = ? AND r.currency = ?')
      .pluck();
    for (const r of together.rows) {
      expect(r).toMatchObject({ onlyTogether: true, overThreshold: true });
      expect(largest.get(r.id, 'CNY') as number).toBeLessThan(300000);
    }
    // The others over the threshold hold a report that reaches it alone.
    const others = value(await api['series.query']({ onlyTogether: false, overThreshold: true, offset: 0, limit: 50 }));
    expect(others.total).toBe(o.overThreshold - o.onlyTogether);
    for (const r of others.rows) expect(largest.get(r.id, 'CNY') as number).toBeGreaterThanOrEqual(300000);
    // The demo's reports mostly say when the fraud happened, some do not.
    const occurred = db
      .prepare('SELECT count(*) FROM series_member m JOIN report r ON r.rid = m.rid WHERE m.series_id = ? AND r.occurred_at IS NOT NULL')
      .pluck();
    const rows = value(await api['series.query']({ offset: 0, limit: 200 })).rows;
    for (const r of rows) expect(r.occurredReports).toBe(occurred.get(r.id));
    expect(rows.some((r) => r.occurredReports < r.reports)).toBe(true);
    expect(rows.some((r) => r.occurredReports > 0)).toBe(true);
    const detail = value(await api['series.get']({ id: together.rows[0]!.id }));
    expect(detail.row).toMatchObject({ onlyTogether: true, occurredReports: detail.reports.filter((r) => r.occurredAt !== null).length });
  });
});

describe('series workspace', () => {
  it('gives the series with its reports, keyed victims and messages', async () => {
    store = await demoStore();
    const { db, api } = store;
    const top = value(await api['series.query']({ overThreshold: true, offset: 0, limit: 1 })).rows[0]!;
    const s = value(await api['series.get']({ id: top.id }));
    expect(s.row).toEqual(top);
    expect(s.reports).toHaveLength(top.reports);
    expect(s.overReport).not.toBeNull();
    expect(s.reports.map((r) => r.id)).toContain(s.overReport);
    expect(new Set(s.reports.map((r) => r.victimKey)).size).toBe(top.victims);
    const victims = db
      .prepare('SELECT victim FROM report r JOIN series_member m ON m.rid = r.rid WHERE m.series_id = ? AND victim IS NOT NULL')
      .pluck()
      .all(top.id) as string[];
    const json = JSON.stringify(s);
    for (const v of victims) {
      const parsed = JSON.parse(v) as { phone?: string; id_number?: string; name?: string };
      if (parsed.phone) expect(json).not.toContain(parsed.phone);
      if (parsed.id_number) expect(json).not.toContain(parsed.id_number);
    }
    const messages = db
      .prepare('SELECT count(*) FROM message x JOIN series_member m ON m.rid = x.rid WHERE m.series_id = ?')
      .pluck()
      .get(top.id);
    expect(s.messages).toHaveLength(messages as number);
    expect(await api['series.get']({ id: 'S-NOPE' })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'no series with id S-NOPE' },
    });
  }, 30_000);

  it('draws the network: report nodes, shared identifiers, links with evidence, expansion', async () => {
    store = await demoStore();
    const { db, api } = store;
    const top = value(await api['series.query']({ sort: 'reports', offset: 0, limit: 1 })).rows[0]!;
    const g = value(await api['series.graph']({ id: top.id }));
    const reports = g.nodes.filter((n) => n.type === 'report');
    expect(reports).toHaveLength(top.reports);
    const links = g.edges.filter((e) => e.type === 'link');
    const stored = db
      .prepare(
        'SELECT count(*) FROM link WHERE a IN (SELECT rid FROM series_member WHERE series_id = ?) AND b IN (SELECT rid FROM series_member WHERE series_id = ?)',
      )
      .pluck()
      .get(top.id, top.id);
    expect(links).toHaveLength(stored as number);
    for (const l of links) if (l.type === 'link') expect(l.evidence.length).toBeGreaterThan(0);
    const ids = new Set(g.nodes.map((n) => n.id));
    for (const e of g.edges) {
      expect(ids.has(e.source)).toBe(true);
      expect(ids.has(e.target)).toBe(true);
    }
    const idNodes = g.nodes.filter((n) => n.type === 'identifier');
    expect(idNodes.length).toBeGreaterThan(0);
    for (const n of idNodes) expect(g.edges.filter((e) => e.type === 'has' && e.target === n.id).length).toBeGreaterThanOrEqual(2);
    expect(g.trimmed).toBe(false);

    // Expanding a value also carried outside the series adds those reports, marked outside.
    const wider = idNodes.find((n) => n.type === 'identifier' && n.storeReports > g.edges.filter((e) => e.target === n.id).length);
    if (wider) {
      const x = value(await api['series.graph']({ id: top.id, expand: [wider.id] }));
      const outside = x.nodes.filter((n) => n.type === 'report' && n.outside);
      expect(outside.length).toBeGreaterThan(0);
      expect(outside.length).toBeLessThanOrEqual(200);
    }
    expect(await api['series.graph']({ id: top.id, expand: ['nonsense'] })).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument' },
    });
  });

  it('explains a link between two reports of a series with its chain of evidence', async () => {
    store = await demoStore();
    const { db, api } = store;
    const top = value(await api['series.query']({ sort: 'reports', offset: 0, limit: 1 })).rows[0]!;
    const [a, b] = db
      .prepare('SELECT r.id FROM series_member m JOIN report r ON r.rid = m.rid WHERE m.series_id = ? ORDER BY r.id LIMIT 2')
      .pluck()
      .all(top.id) as [string, string];
    const e = value(await api['series.explain']({ a, b }));
    expect(e.linked).toBe(true);
    expect(e.chain.length).toBeGreaterThan(0);
    expect(e.chain[0]!.from).toBe(a);
    expect(e.chain.at(-1)!.to).toBe(b);
    expect(await api['series.explain']({ a, b: 'NOPE' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('revealing victim data', () => {
  it('returns the victim and logs who looked, never what they saw', async () => {
    store = await demoStore();
    const { db, api } = store;
    const r = db.prepare("SELECT id, victim FROM report WHERE victim LIKE '%phone%' LIMIT 1").get() as { id: string; victim: string };
    const victim = value(await api['reports.revealVictim']({ id: r.id }));
    expect(victim).toEqual(JSON.parse(r.victim));
    const log = value(await api['audit.query']({ action: 'reveal', offset: 0, limit: 10 }));
    expect(log.rows[0]).toMatchObject({ action: 'reveal', subject: r.id, actor: 'li.wei' });
    const phone = (victim as { phone: string }).phone;
    expect(JSON.stringify(db.prepare('SELECT * FROM audit_log').all())).not.toContain(phone);
    expect(await api['reports.revealVictim']({ id: 'NOPE' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
