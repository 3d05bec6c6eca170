// The review queue on a linked demo precinct: suggestion rows are written here as the engine
// writes them (link_suggestion, one per carrying report pair), and read, accepted, rejected and
// revoked through the analysis handlers; accepting merges the two series at the next link run,
// revoking parts them again. Failed calls leave every table as it was.
import { afterEach, describe, expect, it } from 'vitest';
import type { LinkEvidence, Suggestion } from '../../../src/common/api';
import { API_SCHEMAS } from '../../../src/common/api-schema';
import { AnalysisError } from '../../../src/core/analysis/analysis-error';
import { acceptSuggestion, querySuggestions, rejectSuggestion, revokeSuggestion } from '../../../src/core/analysis/suggestions';
import { probabilityOf } from '../../../src/core/analysis/suggestions-read';
import { linkStore } from '../../../src/core/linking/store-io';
import { suggestionId } from '../../../src/core/linking/suggestion-id';
import type { Db } from '../../../src/core/store/db';
import { demoStore, value, type DemoStore } from './demo-store';

let store: DemoStore | null = null;
afterEach(() => {
  store?.db.close();
  store = null;
});

const EVIDENCE: LinkEvidence[] = [
  { type: 'text', similarity: 0.93, weight: 4.1 },
  { type: 'category_time', category: 'loan', days: 2, weight: 2.5 },
  { type: 'category', same: true, category: 'loan', weight: 1.2 },
  { type: 'prior', groups: 2400, weight: -11.2 },
];

const ridOf = (db: Db, reportId: string): number => db.prepare('SELECT rid FROM report WHERE id = ?').pluck().get(reportId) as number;
const seriesOf = (db: Db, reportId: string): string | null =>
  (db.prepare('SELECT m.series_id FROM series_member m JOIN report r ON r.rid = m.rid WHERE r.id = ?').pluck().get(reportId) as
    string | undefined) ?? null;
const members = (db: Db, seriesId: string): string[] =>
  db
    .prepare('SELECT r.id FROM series_member m JOIN report r ON r.rid = m.rid WHERE m.series_id = ? ORDER BY r.id')
    .pluck()
    .all(seriesId) as string[];

/** A suggestion row as the engine writes it: a < b (rids), the id from the two report ids. */
function seed(db: Db, x: string, y: string, score: number, evidence: readonly LinkEvidence[] = EVIDENCE, ignoreExisting = false): string {
  const [a, b] = [ridOf(db, x), ridOf(db, y)].sort((p, q) => p - q) as [number, number];
  const id = suggestionId(x, y);
  db.prepare(
    `INSERT ${ignoreExisting ? 'OR IGNORE ' : ''}INTO link_suggestion (id, a, b, score, evidence, run) VALUES (?, ?, ?, ?, ?, 1)`,
  ).run(id, a, b, score, JSON.stringify(evidence));
  return id;
}

/** Counts of every table a decision writes, to check that a refused one wrote nothing. */
function tables(db: Db): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of ['link_override', 'suggestion_decision', 'audit_log', 'link_dirty', 'link_suggestion'])
    out[t] = db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number;
  out['revoked'] = db.prepare('SELECT count(*) FROM suggestion_decision WHERE revoked_at IS NOT NULL').pluck().get() as number;
  return out;
}

interface Fixture {
  /** Two series over the threshold, each with two reports or more. */
  readonly a: string;
  readonly b: string;
  readonly c: string;
  /** Reports in no series: x1, x2 below the threshold alone (CNY), over it together, days apart. */
  readonly x1: string;
  readonly x2: string;
  readonly x3: string;
}

function fixture(db: Db): Fixture {
  // The queue holds only the rows these tests write (the engine's own are tested with the engine).
  db.prepare('DELETE FROM link_suggestion').run();
  const [a, b, c] = db
    .prepare('SELECT id FROM series WHERE active = 1 AND over_threshold = 1 AND size BETWEEN 3 AND 10 ORDER BY id LIMIT 3')
    .pluck()
    .all() as [string, string, string];
  const singles = db
    .prepare(
      `SELECT r.id, r.reported_ms FROM report r WHERE r.withdrawn = 0 AND r.currency = 'CNY' AND r.loss_cents BETWEEN 160000 AND 290000
       AND NOT EXISTS (SELECT 1 FROM series_member m WHERE m.rid = r.rid) ORDER BY r.reported_ms, r.id`,
    )
    .all() as { id: string; reported_ms: number }[];
  const x1 = singles[0] as (typeof singles)[number];
  const x2 = singles.find((s) => s.reported_ms > x1.reported_ms + 3 * 86_400_000) as (typeof singles)[number];
  const x3 = singles.find((s) => s.id !== x1.id && s.id !== x2.id) as (typeof singles)[number];
  expect([a, b, c, x1, x2, x3].every((v) => v !== undefined)).toBe(true);
  return { a, b, c, x1: x1.id, x2: x2.id, x3: x3.id };
}

describe('the review queue', () => {
  it('reads suggestions as the series are now: one per pair of series, crossing the threshold first', async () => {
    store = await demoStore();
    const { db, api } = store;
    const f = fixture(db);
    const [a1, a2] = members(db, f.a) as [string, string];
    const [b1, b2] = members(db, f.b) as [string, string];
    const [c1] = members(db, f.c) as [string];
    const weak = seed(db, a1, b1, 3.5);
    const strong = seed(db, a2, b2, 6.25);
    const inside = seed(db, a1, a2, 9);
    const single = seed(db, c1, f.x3, 2);
    const crossing = seed(db, f.x1, f.x2, 1.5);
    // A withdrawn report takes its suggestions out of the queue.
    const [d1] = members(db, f.c).slice(-1) as [string];
    const gone = seed(db, d1, f.x1, 20);
    db.prepare('UPDATE report SET withdrawn = 1 WHERE id = ?').run(d1);

    const page = value(await api['suggestions.query']({ offset: 0, limit: 50 }));
    expect(page.rows.map((r) => r.id)).toEqual([crossing, strong, single]);
    expect(page).toMatchObject({ total: 3, crossing: 1, offset: 0 });
    for (const hidden of [weak, inside, gone]) expect(page.rows.map((r) => r.id)).not.toContain(hidden);

    const top = page.rows[1] as Suggestion;
    const sa = db.prepare('SELECT size, sort_cents FROM series WHERE id = ?');
    const [rowA, rowB] = [sa.get(f.a), sa.get(f.b)] as { size: number; sort_cents: number }[];
    // Each side in rid order of the carrying reports, as link_suggestion keeps them (a < b).
    const aFirst = ridOf(db, a2) < ridOf(db, b2);
    expect(top).toMatchObject({
      series: aFirst ? [f.a, f.b] : [f.b, f.a],
      reports: aFirst ? [a2, b2] : [b2, a2],
      score: 6.25,
      evidence: EVIDENCE,
      status: 'open',
      decision: null,
      crossesThreshold: false,
    });
    expect(top.probability).toBeCloseTo(2 ** 6.25 / (1 + 2 ** 6.25), 12);
    const bySide = new Map(top.series.map((s, i) => [s, i]));
    expect(top.sizes[bySide.get(f.a) as number]).toBe(rowA!.size);
    expect(top.sizes[bySide.get(f.b) as number]).toBe(rowB!.size);
    expect(top.losses[bySide.get(f.a) as number]).toBe((rowA!.sort_cents / 100).toFixed(2));
    expect(top.combinedLoss).toBe(((rowA!.sort_cents + rowB!.sort_cents) / 100).toFixed(2));

    // Single reports are named as `casegraph series --all` names them; together they cross.
    const cross = page.rows[0] as Suggestion;
    expect(new Set(cross.series)).toEqual(new Set([`R-${f.x1}`, `R-${f.x2}`]));
    expect(cross.sizes).toEqual([1, 1]);
    expect(cross.crossesThreshold).toBe(true);
    // The window slides as a series' does: reports days apart do not add up in a one-day window.
    db.prepare("INSERT OR REPLACE INTO setting (key, value) VALUES ('lookbackDays', '1')").run();
    const narrow = value(await api['suggestions.query']({ offset: 0, limit: 50 }));
    expect(narrow).toMatchObject({ total: 3, crossing: 0 });
    expect(narrow.rows.map((r) => r.id)).toEqual([strong, single, crossing]);
    db.prepare("DELETE FROM setting WHERE key = 'lookbackDays'").run();

    // Filtered by either side (a series, a single report, a retired id followed), and paged.
    expect(value(await api['suggestions.query']({ series: f.b, offset: 0, limit: 50 })).rows.map((r) => r.id)).toEqual([strong]);
    expect(value(await api['suggestions.query']({ series: `R-${f.x3}`, offset: 0, limit: 50 })).rows.map((r) => r.id)).toEqual([single]);
    expect(value(await api['suggestions.query']({ series: `R-${c1}`, offset: 0, limit: 50 })).rows.map((r) => r.id)).toEqual([single]);
    const second = value(await api['suggestions.query']({ offset: 1, limit: 1 }));
    expect(second).toMatchObject({ total: 3, crossing: 1, offset: 1 });
    expect(second.rows.map((r) => r.id)).toEqual([strong]);
    expect(await api['suggestions.query']({ series: 'S-NOSUCH', offset: 0, limit: 5 })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(value(await api['suggestions.query']({ status: 'accepted', offset: 0, limit: 5 }))).toEqual({
      total: 0,
      crossing: 0,
      offset: 0,
      rows: [],
    });
  });

  it('keeps the probability finite at any score', () => {
    expect(probabilityOf(0)).toBe(0.5);
    expect(probabilityOf(2000)).toBe(1);
    expect(probabilityOf(-2000)).toBe(0);
    expect(probabilityOf(-1)).toBeCloseTo(1 / 3, 12);
  });
});

describe('rejecting', () => {
  it('records who and why, hides every suggestion between the same two series, and is revocable', async () => {
    store = await demoStore();
    const { db, api } = store;
    const f = fixture(db);
    const [a1, a2] = members(db, f.a) as [string, string];
    const [b1, b2] = members(db, f.b) as [string, string];
    const weak = seed(db, a1, b1, 3.5);
    const strong = seed(db, a2, b2, 6.25);
    const other = seed(db, a1, f.x3, 1);
    const dirty = db.prepare('SELECT count(*) FROM link_dirty').pluck().get();

    const r = value(await api['suggestions.reject']({ id: strong, reason: '  不同团伙的相似话术  ' }));
    expect(r).toMatchObject({
      id: strong,
      status: 'rejected',
      decision: { actor: 'li.wei', reason: '不同团伙的相似话术', correction: null },
    });
    expect(store.relinks).toBe(0);
    expect(store.events).toEqual([{ type: 'store.changed' }]);
    expect(db.prepare('SELECT count(*) FROM link_dirty').pluck().get()).toBe(dirty);
    const stored = db.prepare('SELECT suggestion, decision, score, evidence, reason, actor, revoked_at FROM suggestion_decision').all();
    expect(stored).toEqual([
      {
        suggestion: strong,
        decision: 'rejected',
        score: 6.25,
        evidence: JSON.stringify(EVIDENCE),
        reason: '不同团伙的相似话术',
        actor: 'li.wei',
        revoked_at: null,
      },
    ]);

    // The other suggestion between the same series is hidden too; one touching another series is not.
    expect(value(await api['suggestions.query']({ offset: 0, limit: 50 })).rows.map((x) => x.id)).toEqual([other]);
    const rejected = value(await api['suggestions.query']({ status: 'rejected', offset: 0, limit: 50 }));
    expect(rejected.rows.map((x) => [x.id, x.status, x.decision?.reason])).toEqual([[strong, 'rejected', '不同团伙的相似话术']]);
    expect(await api['suggestions.reject']({ id: strong, reason: 'again' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await api['suggestions.accept']({ id: weak, reason: 'the other one' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining(strong) },
    });

    const back = value(await api['suggestions.revoke']({ id: strong, reason: '重新研判' }));
    expect(back).toMatchObject({ id: strong, status: 'open', decision: null });
    expect(store.relinks).toBe(1);
    expect(
      value(await api['suggestions.query']({ offset: 0, limit: 50 }))
        .rows.map((x) => x.id)
        .sort(),
    ).toEqual([other, strong].sort());
    expect(value(await api['suggestions.query']({ status: 'rejected', offset: 0, limit: 50 })).total).toBe(0);
    expect(db.prepare('SELECT revoked_by FROM suggestion_decision').pluck().get()).toBe('li.wei');
    expect(await api['suggestions.revoke']({ id: strong, reason: 'twice' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const log = value(await api['audit.query']({ actor: 'li.wei', offset: 0, limit: 10 })).rows.map((e) => [e.action, e.subject]);
    expect(log).toEqual([
      ['suggestion_revoke', strong],
      ['suggestion_reject', strong],
    ]);
  });
});

describe('accepting', () => {
  it('merges the two series at the next link run; revoking parts them and opens the suggestion again', async () => {
    store = await demoStore();
    const { db, api } = store;
    const f = fixture(db);
    const [a1] = members(db, f.a) as [string];
    const [b1] = members(db, f.b) as [string];
    const before = [...members(db, f.a), ...members(db, f.b)];
    const id = seed(db, a1, b1, 4.5);

    const s = value(await api['suggestions.accept']({ id, reason: '同一话术同一时段，核实为同一团伙' }));
    expect(s).toMatchObject({ id, status: 'accepted', decision: { actor: 'li.wei', reason: '同一话术同一时段，核实为同一团伙' } });
    const correction = s.decision?.correction as number;
    expect(correction).toBeGreaterThan(0);
    const [ra, rb] = [ridOf(db, a1), ridOf(db, b1)].sort((x, y) => x - y);
    expect(db.prepare('SELECT action, rid, other_rid, reason, actor, revoked_at FROM link_override WHERE id = ?').get(correction)).toEqual({
      action: 'merge',
      rid: ra,
      other_rid: rb,
      reason: '同一话术同一时段，核实为同一团伙',
      actor: 'li.wei',
      revoked_at: null,
    });
    expect(db.prepare('SELECT decision, correction, score FROM suggestion_decision').get()).toEqual({
      decision: 'accepted',
      correction,
      score: 4.5,
    });
    expect(db.prepare('SELECT rid FROM link_dirty ORDER BY rid').pluck().all()).toEqual([ra, rb]);
    expect(store.relinks).toBe(1);
    expect(value(await api['suggestions.query']({ offset: 0, limit: 50 })).total).toBe(0);
    // The merge is a correction like any other: listed in the series' workspace.
    expect(value(await api['series.get']({ id: f.a })).corrections.map((c) => c.id)).toContain(correction);

    linkStore(db);
    const merged = seriesOf(db, a1) as string;
    expect(seriesOf(db, b1)).toBe(merged);
    for (const r of before) expect(seriesOf(db, r)).toBe(merged);
    // Accepted suggestions stay listed as accepted, their two sides now one series.
    const accepted = value(await api['suggestions.query']({ status: 'accepted', offset: 0, limit: 50 }));
    expect(accepted.rows.map((x) => [x.id, x.status, x.series])).toEqual([[id, 'accepted', [merged, merged]]]);
    expect(value(await api['suggestions.query']({ status: 'accepted', series: merged, offset: 0, limit: 50 })).total).toBe(1);
    expect(await api['suggestions.accept']({ id, reason: 'again' })).toMatchObject({ ok: false, error: { code: 'conflict' } });

    const back = value(await api['suggestions.revoke']({ id, reason: '资金流向不符' }));
    expect(back).toMatchObject({ id, status: 'open', decision: null });
    expect(db.prepare('SELECT revoked_by FROM link_override WHERE id = ?').pluck().get(correction)).toBe('li.wei');
    expect(db.prepare('SELECT revoked_at IS NOT NULL FROM suggestion_decision').pluck().get()).toBe(1);
    linkStore(db);
    expect(seriesOf(db, a1)).not.toBe(seriesOf(db, b1));
    // The engine writes the lead again where its evidence still holds (here: as it was seeded).
    seed(db, a1, b1, 4.5, EVIDENCE, true);
    const open = value(await api['suggestions.query']({ offset: 0, limit: 50 }));
    expect(open.rows.map((x) => [x.id, x.status])).toEqual([[id, 'open']]);
    const log = value(await api['audit.query']({ actor: 'li.wei', offset: 0, limit: 10 })).rows.map((e) => [e.action, e.subject]);
    expect(log).toEqual([
      ['suggestion_revoke', id],
      ['revoke', `correction #${correction}`],
      ['suggestion_accept', id],
      ['merge', expect.stringContaining(f.a)],
    ]);
  });

  it('revoking the merge in the workspace revokes the acceptance with it', async () => {
    store = await demoStore();
    const { db, api } = store;
    const f = fixture(db);
    const id = seed(db, members(db, f.a)[0] as string, members(db, f.b)[0] as string, 4.5);
    const s = value(await api['suggestions.accept']({ id, reason: 'same gang' }));
    value(await api['series.revokeCorrection']({ id: s.decision?.correction as number, reason: 'not the same gang' }));
    expect(value(await api['suggestions.query']({ status: 'accepted', offset: 0, limit: 5 })).total).toBe(0);
    expect(value(await api['suggestions.query']({ offset: 0, limit: 5 })).rows.map((x) => x.id)).toEqual([id]);
  });
});

describe('refused decisions', () => {
  it('say why in one sentence and leave every table as it was', async () => {
    store = await demoStore();
    const { db, api } = store;
    const f = fixture(db);
    const [a1, a2] = members(db, f.a) as [string, string];
    const [b1] = members(db, f.b) as [string];
    const id = seed(db, a1, b1, 4);
    const inside = seed(db, a1, a2, 4);
    const splitOne = seed(db, members(db, f.c)[0] as string, f.x3, 4);
    value(await api['series.split']({ reportId: members(db, f.c)[0] as string, reason: 'not this gang' }));
    const unchanged = tables(db);

    const refused = (call: () => unknown, code: string, message: RegExp): void => {
      let thrown: unknown = null;
      try {
        call();
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(AnalysisError);
      expect(thrown).toMatchObject({ code, message: expect.stringMatching(message) });
      expect(tables(db)).toEqual(unchanged);
    };
    refused(() => acceptSuggestion(db, 'SG-NOSUCH', 'why'), 'not_found', /^no suggestion with id SG-NOSUCH$/);
    refused(() => rejectSuggestion(db, 'SG-NOSUCH', 'why'), 'not_found', /^no suggestion with id SG-NOSUCH$/);
    refused(() => revokeSuggestion(db, 'SG-NOSUCH', 'why'), 'not_found', /^no suggestion with id SG-NOSUCH$/);
    refused(() => acceptSuggestion(db, id, '   '), 'invalid_argument', /needs a reason/);
    refused(() => rejectSuggestion(db, id, ''), 'invalid_argument', /needs a reason/);
    refused(() => revokeSuggestion(db, id, ' '), 'invalid_argument', /needs a reason/);
    refused(() => revokeSuggestion(db, id, 'nothing decided'), 'conflict', /has no decision standing/);
    refused(() => acceptSuggestion(db, inside, 'why'), 'conflict', /already in one series/);
    refused(() => acceptSuggestion(db, splitOne, 'why'), 'conflict', /was split off/);
    // The API refuses an empty reason before any handler runs.
    expect(API_SCHEMAS['suggestions.accept'].safeParse({ id, reason: '  ' }).success).toBe(false);
    expect(API_SCHEMAS['suggestions.query'].safeParse({ status: 'maybe', offset: 0, limit: 5 }).success).toBe(false);
    // A split report's suggestions leave the queue.
    expect(querySuggestions(db, { offset: 0, limit: 10 }).rows.map((r) => r.id)).toEqual([id]);
  });
});
