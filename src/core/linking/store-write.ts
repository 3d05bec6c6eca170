// Writing a link run's results, shared by full and incremental runs: rows in bulk through
// json_each, series figures, text signatures and the run's record. Callers hold the transaction.
import type { Db } from '../store/db';
import type { Corpus } from './corpus';
import { SIGNATURE_BINS } from './minhash';
import type { Tick } from './progress';
import { hasOccurrence, lossByCurrency, onlyTogether, thresholdCrossing, type LossRow, type ThresholdRule } from './threshold';

const CHUNK = 50_000;
const DAY = 86_400_000;

/** Bulk write through json_each: one statement per chunk of rows (each row a JSON text). */
export function bulkJson(db: Db, sql: string, rows: readonly string[], tick?: Tick, stage = 'writing'): void {
  const stmt = db.prepare(sql);
  for (let k = 0; k < rows.length; k += CHUNK) {
    tick?.(stage, k, rows.length);
    stmt.run(`[${rows.slice(k, k + CHUNK).join(',')}]`);
  }
}

/** Bound parameters per statement of a bulk insert (SQLite's historical limit is 999). */
const PARAMS = 999;

/**
 * Bulk insert with bound parameters, many rows to a statement: for the millions of rows of a full
 * run, about three times faster than json_each, whose text SQLite must parse again. `fill` writes
 * row k's `width` values into `out` from `at` on.
 */
export function bulkInsert(
  db: Db,
  head: string,
  width: number,
  count: number,
  fill: (k: number, out: unknown[], at: number) => void,
  tick?: Tick,
  stage = 'writing',
): void {
  const per = Math.max(1, Math.floor(PARAMS / width));
  const tuple = `(${new Array<string>(width).fill('?').join(',')})`;
  const many = db.prepare(`${head} VALUES ${new Array<string>(per).fill(tuple).join(',')}`);
  const params = new Array<unknown>(per * width);
  let k = 0;
  for (; k + per <= count; k += per) {
    if (k % CHUNK < per) tick?.(stage, k, count);
    for (let j = 0; j < per; j++) fill(k + j, params, j * width);
    many.run(params);
  }
  const rest = count - k;
  if (rest === 0) return;
  const tail = db.prepare(`${head} VALUES ${new Array<string>(rest).fill(tuple).join(',')}`);
  const last = new Array<unknown>(rest * width);
  for (let j = 0; j < rest; j++) fill(k + j, last, j * width);
  tail.run(last);
}

/** A table rewritten by a full run: its rows in key order, and how to remove and write one. */
export interface SortedTable {
  /** Every stored row, key columns first, in key order (numeric keys). */
  readonly select: string;
  /** Removes one row by its key (`?` per key column). */
  readonly remove: string;
  /** `INSERT OR REPLACE INTO table (columns)`, key columns first. */
  readonly insert: string;
  readonly keyWidth: number;
  readonly width: number;
}

const sameValue = (x: unknown, y: unknown): boolean =>
  x === y || (Buffer.isBuffer(x) && Buffer.isBuffer(y) && x.equals(y)) || (x instanceof Uint8Array && Buffer.isBuffer(y) && y.equals(x));

/**
 * Makes a table hold exactly `count` new rows, given in key order by `fill`, writing only the
 * difference: a full relink of a linked store changes a few rows of millions, and rewriting
 * them all is most of its time. An empty table is filled without comparing.
 */
export function writeDifference(
  db: Db,
  table: SortedTable,
  count: number,
  fill: (k: number, out: unknown[], at: number) => void,
  tick?: Tick,
  stage = 'writing',
): { written: number; removed: number } {
  const { keyWidth, width } = table;
  const stale: unknown[][] = [];
  let fresh: number[] | null = null;
  const row = new Array<unknown>(width);
  let k = 0;
  let filled = -1;
  for (const stored of db.prepare(table.select).raw().iterate() as IterableIterator<unknown[]>) {
    fresh ??= [];
    for (;;) {
      if (k >= count) {
        stale.push(stored.slice(0, keyWidth));
        break;
      }
      if (filled !== k) {
        fill(k, row, 0);
        filled = k;
      }
      let order = 0;
      for (let c = 0; c < keyWidth && order === 0; c++) order = (stored[c] as number) - (row[c] as number);
      if (order < 0) {
        stale.push(stored.slice(0, keyWidth));
        break;
      }
      if (order > 0) {
        fresh.push(k++);
        continue;
      }
      for (let c = keyWidth; c < width; c++) {
        if (!sameValue(stored[c], row[c])) {
          fresh.push(k);
          break;
        }
      }
      k++;
      break;
    }
  }
  if (fresh !== null) for (; k < count; k++) fresh.push(k);
  if (stale.length > 0) {
    const remove = db.prepare(table.remove);
    for (const key of stale) remove.run(key);
  }
  const ins = fresh;
  if (ins === null) bulkInsert(db, table.insert, width, count, fill, tick, stage);
  else bulkInsert(db, table.insert, width, ins.length, (j, out, at) => fill(ins[j] as number, out, at), tick, stage);
  return { written: ins === null ? count : ins.length, removed: stale.length };
}

export const INSERT_LINKS =
  'INSERT OR REPLACE INTO link (a, b, weight, strong, evidence) SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value -> 4 FROM json_each(?)';

export function upsertSeriesStmt(db: Db): ReturnType<Db['prepare']> {
  return db.prepare(`
    INSERT INTO series (id, active, canonical, size, loss, sort_cents, over_threshold, over_report, over_at_ms, first_ms, last_ms, created_run, updated_run, only_together, occurred_reports)
    VALUES (@id, 1, @canonical, @size, @loss, @sort, @over, @overReport, @overAt, @first, @last, @run, @run, @onlyTogether, @occurred)
    ON CONFLICT (id) DO UPDATE SET active = 1, merged_into = NULL, canonical = excluded.canonical, size = excluded.size, loss = excluded.loss,
      sort_cents = excluded.sort_cents, over_threshold = excluded.over_threshold, over_report = excluded.over_report,
      over_at_ms = excluded.over_at_ms, first_ms = excluded.first_ms, last_ms = excluded.last_ms, updated_run = excluded.updated_run,
      only_together = excluded.only_together, occurred_reports = excluded.occurred_reports`);
}

/**
 * A series row's figures: size, losses, the threshold crossing, whether it was reached only
 * together, how many reports say when their fraud happened (the window counted those dates, and
 * report dates for the rest), first and last report.
 */
export function seriesFigures(
  id: string,
  rows: readonly LossRow[],
  rule: ThresholdRule,
  runId: number,
): Record<string, string | number | null> {
  let first = Infinity;
  let last = -Infinity;
  let canonical = (rows[0] as LossRow).id;
  let sort = 0;
  let occurred = 0;
  for (const r of rows) {
    if (r.reportedMs < first) first = r.reportedMs;
    if (r.reportedMs > last) last = r.reportedMs;
    if (r.id < canonical) canonical = r.id;
    if (r.currency === rule.currency) sort += r.lossCents;
    if (hasOccurrence(r)) occurred++;
  }
  const crossing = thresholdCrossing(rows, rule);
  return {
    id,
    canonical,
    size: rows.length,
    loss: JSON.stringify(lossByCurrency(rows)),
    sort,
    over: crossing ? 1 : 0,
    overReport: crossing?.report ?? null,
    overAt: crossing?.atMs ?? null,
    onlyTogether: onlyTogether(rows, rule, crossing) ? 1 : 0,
    occurred,
    first: Number.isFinite(first) ? first : null,
    last: Number.isFinite(last) ? last : null,
    run: runId,
  };
}

/** Text signatures, for incremental runs to find near-duplicates of new reports. */
export function writeSignatures(db: Db, c: Corpus, only: ReadonlySet<number> | undefined, tick?: Tick): void {
  const rows: number[] = [];
  for (let i = 0; i < c.n; i++) {
    if (c.hasText[i] !== 1) continue;
    if (only !== undefined && !only.has(c.rid[i] as number)) continue;
    if (!Number.isFinite(Math.floor((c.reportedMs[i] as number) / DAY))) continue;
    rows.push(i);
  }
  const bytes = Buffer.from(c.sig.buffer, c.sig.byteOffset, c.sig.byteLength);
  const size = SIGNATURE_BINS * 4;
  const fill = (k: number, out: unknown[], at: number): void => {
    const i = rows[k] as number;
    out[at] = c.rid[i];
    out[at + 1] = c.categories[c.category[i] as number];
    out[at + 2] = Math.floor((c.reportedMs[i] as number) / DAY);
    out[at + 3] = bytes.subarray(i * size, (i + 1) * size);
  };
  // A full run (rows in rid order, the corpus'): only the difference.
  if (only === undefined) writeDifference(db, TEXT_SIG, rows.length, fill, tick, 'writing signatures');
  else bulkInsert(db, TEXT_SIG.insert, 4, rows.length, fill, tick, 'writing signatures');
}

const TEXT_SIG: SortedTable = {
  select: 'SELECT rid, category, day, sig FROM text_sig ORDER BY rid',
  remove: 'DELETE FROM text_sig WHERE rid = ?',
  insert: 'INSERT OR REPLACE INTO text_sig (rid, category, day, sig)',
  keyWidth: 1,
  width: 4,
};

/** Report indexes by group (its label in `group`: the smallest index of the group), in index order. */
export function membersByGroup(group: Int32Array): Map<number, number[]> {
  const byGroup = new Map<number, number[]>();
  for (let i = 0; i < group.length; i++) {
    const g = group[i] as number;
    const list = byGroup.get(g);
    if (list) list.push(i);
    else byGroup.set(g, [i]);
  }
  return byGroup;
}

/** Records the run; the counts come from the index series_active_over (migration 006), not a scan. */
export function recordRun(
  db: Db,
  mode: 'full' | 'incremental',
  startedAt: string,
  watermark: string | null,
  reports: number,
  changed: number,
  elapsedMs: number,
  now: () => string,
): { series: number; over: number } {
  const counts = db.prepare('SELECT count(*) AS series, coalesce(sum(over_threshold), 0) AS over FROM series WHERE active = 1').get() as {
    series: number;
    over: number;
  };
  db.prepare(
    'INSERT INTO link_run (mode, started_at, finished_at, watermark, reports, changed, series, over_threshold, elapsed_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(mode, startedAt, now(), watermark, reports, changed, counts.series, counts.over, elapsedMs);
  return counts;
}

/** Whether some series still has the figures of a run from before migration 011 (index series_unfigured). */
export function hasUnfiguredSeries(db: Db): boolean {
  return (
    db.prepare('SELECT 1 FROM series INDEXED BY series_unfigured WHERE active = 1 AND occurred_reports IS NULL LIMIT 1').pluck().get() !==
    undefined
  );
}

export function nextRunId(db: Db): number {
  return ((db.prepare('SELECT coalesce(max(id), 0) FROM link_run').pluck().get() as number) ?? 0) + 1;
}
