// Series as the investigator UI lists them: the linking engine's figures (size, loss, threshold
// crossing, first and last report) from the series table, plus what it does not keep — distinct
// victims and categories (series_stat, recomputed only for series a link run touched) and the case
// a series belongs to (cases keep the ids they were opened with: followed through merged_into).
import type { CaseStatus, SeriesRow } from '../../common/api';
import type { Category } from '../../common/model';
import { centsToDecimal } from '../../common/money';
import type { Db } from '../store/db';
import { writeCache } from './cache-write';
import { victimIdentity } from './victim-key';

export interface SeriesDbRow {
  readonly id: string;
  readonly canonical: string;
  readonly size: number;
  readonly loss: string;
  readonly sort_cents: number;
  readonly over_threshold: number;
  readonly over_report: string | null;
  readonly over_at_ms: number | null;
  readonly only_together: number;
  /** NULL until a link run figured the series on occurrence dates (migration 011). */
  readonly occurred_reports: number | null;
  readonly first_ms: number | null;
  readonly last_ms: number | null;
  readonly updated_run: number;
  readonly active: number;
}

export const SERIES_COLUMNS =
  's.id, s.canonical, s.size, s.loss, s.sort_cents, s.over_threshold, s.over_report, s.over_at_ms, s.only_together, s.occurred_reports, s.first_ms, s.last_ms, s.updated_run, s.active';

const MAX_HOPS = 1000;

/** The series an id stands for now: itself while active, else where it was merged (followed). */
export function currentSeriesId(db: Db, id: string): string | null {
  const step = db.prepare<[string], { active: number; merged_into: string | null }>('SELECT active, merged_into FROM series WHERE id = ?');
  let cur = id;
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    const row = step.get(cur);
    if (!row) return null;
    if (row.active === 1) return cur;
    if (row.merged_into === null) return null;
    cur = row.merged_into;
  }
  return null;
}

/** Every id that was merged, directly or through others, into this series. */
export function formerIds(db: Db, id: string): string[] {
  const stmt = db.prepare<[string], string>('SELECT id FROM series WHERE merged_into = ? ORDER BY id').pluck();
  const out: string[] = [];
  const seen = new Set([id]);
  const queue = [id];
  while (queue.length && out.length < 10_000) {
    for (const f of stmt.all(queue.shift() as string)) {
      if (seen.has(f)) continue;
      seen.add(f);
      out.push(f);
      queue.push(f);
    }
  }
  return out;
}

export interface CaseOfSeries {
  readonly caseId: string;
  readonly status: CaseStatus;
}

/**
 * The case each current series belongs to. Cases are few (a precinct files tens a year), so all
 * are read; a series in several cases shows the open one updated last (closed ones only if no other).
 */
export function casesBySeries(db: Db): Map<string, CaseOfSeries> {
  const rows = db
    .prepare(
      'SELECT cs.series_id, c.id, c.status, c.updated_at FROM case_series cs JOIN case_file c ON c.id = cs.case_id ORDER BY c.updated_at, c.id',
    )
    .raw()
    .all() as [string, string, CaseStatus, string][];
  const out = new Map<string, CaseOfSeries>();
  const resolved = new Map<string, string | null>();
  for (const [sid, caseId, status] of rows) {
    let cur = resolved.get(sid);
    if (cur === undefined) {
      cur = currentSeriesId(db, sid);
      resolved.set(sid, cur);
    }
    if (cur === null) continue;
    const prev = out.get(cur);
    if (prev && prev.status !== 'closed' && status === 'closed') continue;
    out.set(cur, { caseId, status });
  }
  return out;
}

interface Stat {
  readonly victims: number;
  readonly categories: readonly Category[];
}

const STAT_CHUNK = 2000;

type MemberRow = [seriesId: string, reportId: string, victim: string | null, category: string | null];

/** Victims and categories of series, gathered from their members' rows. */
class StatTally {
  private readonly victims = new Map<string, Set<string>>();
  private readonly cats = new Map<string, Map<string, number>>();

  add([sid, rid, victim, category]: MemberRow): void {
    let v = this.victims.get(sid);
    if (!v) this.victims.set(sid, (v = new Set()));
    v.add(victimIdentity(victim, rid));
    let c = this.cats.get(sid);
    if (!c) this.cats.set(sid, (c = new Map()));
    const cat = category ?? 'other';
    c.set(cat, (c.get(cat) ?? 0) + 1);
  }

  /** Distinct victims, and categories most frequent first. */
  stat(id: string): Stat {
    const categories = [...(this.cats.get(id) ?? new Map<string, number>())]
      .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
      .map(([c]) => c as Category);
    return { victims: this.victims.get(id)?.size ?? 0, categories };
  }
}

/** Figures of these series; `stored` is false when some could not be cached (a link run holds the lock). */
function computeStats(db: Db, items: readonly { id: string; run: number }[]): { stats: Map<string, Stat>; stored: boolean } {
  const out = new Map<string, Stat>();
  let stored = true;
  const read = db
    .prepare(
      'SELECT m.series_id, r.id, r.victim, r.category FROM series_member m JOIN report r ON r.rid = m.rid WHERE m.series_id IN (SELECT value FROM json_each(?))',
    )
    .raw();
  const write = db.prepare('INSERT OR REPLACE INTO series_stat (series_id, run, victims, categories) VALUES (?, ?, ?, ?)');
  for (let k = 0; k < items.length; k += STAT_CHUNK) {
    const chunk = items.slice(k, k + STAT_CHUNK);
    const tally = new StatTally();
    for (const row of read.iterate(JSON.stringify(chunk.map((c) => c.id))) as IterableIterator<MemberRow>) tally.add(row);
    for (const { id } of chunk) out.set(id, tally.stat(id));
    if (stored) {
      stored = writeCache(db, () =>
        db.transaction(() => {
          for (const { id, run } of chunk) {
            const stat = out.get(id) as Stat;
            write.run(id, run, stat.victims, JSON.stringify(stat.categories));
          }
        })(),
      );
    }
  }
  return { stats: out, stored };
}

/** Figures of these series, computed now for those a link run changed since they were cached. */
export function statsOf(db: Db, rows: readonly SeriesDbRow[]): Map<string, Stat> {
  const out = new Map<string, Stat>();
  if (rows.length === 0) return out;
  const cached = db
    .prepare('SELECT series_id, run, victims, categories FROM series_stat WHERE series_id IN (SELECT value FROM json_each(?))')
    .raw()
    .all(JSON.stringify(rows.map((r) => r.id))) as [string, number, number, string][];
  const byId = new Map(cached.map((c) => [c[0], c]));
  const stale: { id: string; run: number }[] = [];
  for (const r of rows) {
    const c = byId.get(r.id);
    if (c && c[1] === r.updated_run) out.set(r.id, { victims: c[2], categories: JSON.parse(c[3]) as Category[] });
    else stale.push({ id: r.id, run: r.updated_run });
  }
  for (const [id, s] of computeStats(db, stale).stats) out.set(id, s);
  return out;
}

/** Above this many stale series, one ordered pass over every membership beats a lookup per series. */
const SCAN_FROM = 2000;

/** Figures of many series in one pass over series_member in rid order (reports read in file order). */
function scanStats(db: Db, stale: ReadonlyMap<string, number>): boolean {
  const tally = new StatTally();
  for (const row of db
    .prepare('SELECT m.series_id, r.id, r.victim, r.category FROM series_member m JOIN report r ON r.rid = m.rid')
    .raw()
    .iterate() as IterableIterator<MemberRow>) {
    if (stale.has(row[0])) tally.add(row);
  }
  const write = db.prepare('INSERT OR REPLACE INTO series_stat (series_id, run, victims, categories) VALUES (?, ?, ?, ?)');
  const ids = [...stale.keys()];
  for (let k = 0; k < ids.length; k += STAT_CHUNK) {
    const ok = writeCache(db, () =>
      db.transaction(() => {
        for (const id of ids.slice(k, k + STAT_CHUNK)) {
          const stat = tally.stat(id);
          write.run(id, stale.get(id) as number, stat.victims, JSON.stringify(stat.categories));
        }
      })(),
    );
    if (!ok) return false;
  }
  return true;
}

/**
 * Brings series_stat up to date for every active series (sorting by victims or filtering by
 * category needs all of them). Skipped when no link run happened since the last refresh.
 * False when some figures could not be stored (a link run holds the write lock).
 */
export function refreshAllStats(db: Db, scanFrom = SCAN_FROM): boolean {
  const run = (db.prepare('SELECT coalesce(max(id), 0) FROM link_run').pluck().get() as number).toString();
  const stamp = db.prepare("SELECT stamp FROM analysis_cache WHERE key = 'series_stat'").pluck().get() as string | undefined;
  if (stamp === run) return true;
  const stale = db
    .prepare(
      'SELECT s.id, s.updated_run FROM series s LEFT JOIN series_stat t ON t.series_id = s.id WHERE s.active = 1 AND (t.run IS NULL OR t.run <> s.updated_run)',
    )
    .raw()
    .all() as [string, number][];
  // Sorting by victims and filtering by category read the table: figures that could not be
  // stored (a link run is writing) are computed again at the next look.
  const stored =
    stale.length > scanFrom
      ? scanStats(db, new Map(stale))
      : computeStats(
          db,
          stale.map(([id, r]) => ({ id, run: r })),
        ).stored;
  return (
    stored &&
    writeCache(db, () => db.prepare("INSERT OR REPLACE INTO analysis_cache (key, stamp, body) VALUES ('series_stat', ?, '')").run(run))
  );
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

export function toSeriesRows(
  db: Db,
  rows: readonly SeriesDbRow[],
  cases: ReadonlyMap<string, CaseOfSeries> = casesBySeries(db),
): SeriesRow[] {
  const stats = statsOf(db, rows);
  return rows.map((r): SeriesRow => {
    const stat = stats.get(r.id);
    const c = cases.get(r.id);
    return {
      id: r.id,
      reports: r.size,
      victims: stat?.victims ?? 0,
      loss: JSON.parse(r.loss) as Record<string, string>,
      thresholdLoss: centsToDecimal(r.sort_cents),
      overThreshold: r.over_threshold === 1,
      onlyTogether: r.only_together === 1,
      overAt: iso(r.over_at_ms),
      occurredReports: r.occurred_reports ?? 0,
      firstAt: iso(r.first_ms),
      lastAt: iso(r.last_ms),
      categories: stat?.categories ?? [],
      caseId: c?.caseId ?? null,
      status: c?.status ?? null,
    };
  });
}

export function seriesDbRow(db: Db, id: string): SeriesDbRow | undefined {
  return db.prepare<[string], SeriesDbRow>(`SELECT ${SERIES_COLUMNS} FROM series s WHERE s.id = ?`).get(id);
}
