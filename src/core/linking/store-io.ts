// Linking a store: the entry point of a link run, incremental (incremental.ts) when a previous
// run exists, else full. A full run reads the reports, every shared value and the message texts
// (corpus-load.ts) and rewrites links, memberships, hubs and text signatures in one transaction.
// Nothing is written before the engine has finished, and all of it in one transaction: a run
// cancelled or failed at any point leaves the store as it was.
import { appendAudit } from '../store/audit';
import type { Db } from '../store/db';
import { splitKey, type Corpus } from './corpus';
import { loadCorpus } from './corpus-load';
import { runEngine, type EngineOptions, type EngineResult } from './engine';
import { readIgnoreList } from './ignore-store';
import { readReferenceDomains, referenceKeys } from './reference-domains';
import { planIncremental, type IncrementalLimits } from './incremental';
import { modelIsStale, readModel } from './model';
import { engineOverrides, readOverrides } from './overrides';
import { rejectedPairs, storedGroups, writeFullModel } from './store-model';
import { DEFAULT_CHECK_EVERY, ticker, type RunControl, type Tick } from './progress';
import { assignSeriesIds, type Group } from './series-ids';
import type { Link } from './link-graph';
import {
  writeDifference,
  type SortedTable,
  hasUnfiguredSeries,
  nextRunId,
  recordRun,
  seriesFigures,
  upsertSeriesStmt,
  writeSignatures,
  membersByGroup,
} from './store-write';
import { thresholdRule } from './threshold-setting';
import type { LossRow, ThresholdRule } from './threshold';

/** Cancellation: `signal` or `shouldStop` (the worker's shared flag), polled all through the run. */
export interface LinkRunOptions extends RunControl {
  readonly full?: boolean;
  /** Estimate the linking model again (a full run does by itself when the store changed by a fifth since). */
  readonly estimate?: boolean;
  readonly now?: () => string;
}

export interface LinkRunSummary {
  readonly mode: 'full' | 'incremental';
  readonly reports: number;
  readonly changed: number;
  readonly series: number;
  readonly overThreshold: number;
  readonly hubs: number;
  /** Open leads this run found (a full run: all of them). */
  readonly suggestions: number;
  /** Whether this run estimated the linking model from the store. */
  readonly estimated: boolean;
  readonly elapsedMs: number;
}

const LIMITS: IncrementalLimits = { maxWeakPosting: 50, maxTextBucket: 60 };

/** Link the store: incremental when a previous run exists, unless `full`. */
export function linkStore(db: Db, options: LinkRunOptions = {}): LinkRunSummary {
  const now = options.now ?? ((): string => new Date().toISOString());
  const started = performance.now();
  const startedAt = now();
  const tick = ticker(options);
  const every = options.checkEvery ?? DEFAULT_CHECK_EVERY;
  const watermark = db.prepare('SELECT max(updated_at) FROM report').pluck().get() as string | null;
  const last = db.prepare('SELECT watermark FROM link_run ORDER BY id DESC LIMIT 1').pluck().get() as string | null | undefined;
  const ignore = readIgnoreList(db);
  const isReference = referenceKeys(readReferenceDomains(db));
  const rule = thresholdRule(db);
  const base: Omit<EngineOptions, 'ignore'> = {
    isReference,
    maxWeakPosting: LIMITS.maxWeakPosting,
    maxTextBucket: LIMITS.maxTextBucket,
    checkEvery: every,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.shouldStop ? { shouldStop: options.shouldStop } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  };
  const stored = readModel(db);
  // Without a model, or with series figured before the window counted occurrence dates
  // (migration 011), a full run is needed.
  if (!options.full && !options.estimate && last !== undefined && stored !== null && !hasUnfiguredSeries(db)) {
    const inc = planIncremental(db, last, ignore, rule, { ...base, model: stored.model }, LIMITS, tick);
    if (inc !== null) {
      const counts = db
        .transaction(() => {
          inc.write();
          const run = recordRun(
            db,
            'incremental',
            startedAt,
            watermark,
            inc.reports,
            inc.changed,
            Math.round(performance.now() - started),
            now,
          );
          // A run that had nothing to relink changed nothing worth a line in the log.
          if (inc.changed > 0) auditRun(db, 'incremental', inc.reports, inc.changed, run);
          return run;
        })
        .immediate();
      return {
        mode: 'incremental',
        reports: inc.reports,
        changed: inc.changed,
        series: counts.series,
        overThreshold: counts.over,
        hubs: 0,
        suggestions: inc.suggestions,
        estimated: false,
        elapsedMs: Math.round(performance.now() - started),
      };
    }
  }
  // Marks read now are the ones this run clears (a correction made meanwhile keeps its mark).
  const dirty = db.prepare('SELECT rid FROM link_dirty').pluck().all() as number[];
  const overrides = readOverrides(db);
  const c = loadCorpus(db, tick, every);
  const corrections = engineOverrides(c, overrides);
  const keep = !options.estimate && stored !== null && !modelIsStale(stored.model, c.n);
  // Kept, the model comes with its group counts, carried on (groups.ts) as an incremental run does.
  const result = runEngine(c, {
    ...base,
    ignore,
    detectHubs: true,
    rejected: rejectedPairs(db, c),
    ...(keep ? { model: stored.model, valueGroups: { fresh: () => true, stored: storedGroups(db, c.valueKeys) } } : {}),
    ...(corrections ? { overrides: corrections } : {}),
  });
  // Immediate: the write lock is taken (waiting for another writer, as busy_timeout allows) before
  // the stored rows are read to compare with, never upgraded from a read later: in WAL mode that
  // upgrade fails at once when another connection wrote meanwhile.
  const counts = db
    .transaction(() => {
      const runId = nextRunId(db);
      writeFull(db, c, result, runId, rule, tick);
      writeFullModel(db, c, result, runId, startedAt, tick);
      db.prepare('DELETE FROM link_hub').run();
      const hub = db.prepare('INSERT OR REPLACE INTO link_hub (kind, value, reports, categories, reason) VALUES (?, ?, ?, ?, ?)');
      for (const h of result.hubs) hub.run(h.kind, h.value, h.reports, h.categories, h.reason);
      // What an incremental run, seeing only part of the store, must know about the whole of it.
      for (const key of result.large) {
        const { kind, value } = splitKey(key);
        hub.run(kind, value, 0, 0, 'large');
      }
      for (const band of result.blockedBands) hub.run('text_band', String(band), 0, 0, 'large');
      db.prepare('DELETE FROM link_dirty WHERE rid IN (SELECT value FROM json_each(?))').run(JSON.stringify(dirty));
      tick('writing', c.n, c.n);
      const run = recordRun(db, 'full', startedAt, watermark, c.n, c.n, Math.round(performance.now() - started), now);
      auditRun(db, 'full', c.n, c.n, run);
      return run;
    })
    .immediate();
  return {
    mode: 'full',
    reports: c.n,
    changed: c.n,
    series: counts.series,
    overThreshold: counts.over,
    hubs: result.hubs.length,
    suggestions: result.suggestions.length,
    estimated: result.estimated,
    elapsedMs: Math.round(performance.now() - started),
  };
}

/** Relinks are in the audit log (who ran it: the user the run works as). */
function auditRun(db: Db, mode: 'full' | 'incremental', reports: number, changed: number, counts: { series: number; over: number }): void {
  appendAudit(db, { action: 'link', subject: mode, detail: { reports, changed, series: counts.series, overThreshold: counts.over } });
}

const LINK_TABLE: SortedTable = {
  select: 'SELECT a, b, weight, strong, evidence FROM link ORDER BY a, b',
  remove: 'DELETE FROM link WHERE a = ? AND b = ?',
  insert: 'INSERT OR REPLACE INTO link (a, b, weight, strong, evidence)',
  keyWidth: 2,
  width: 5,
};

const MEMBER_TABLE: SortedTable = {
  select: 'SELECT rid, series_id FROM series_member ORDER BY rid',
  remove: 'DELETE FROM series_member WHERE rid = ?',
  insert: 'INSERT OR REPLACE INTO series_member (rid, series_id)',
  keyWidth: 1,
  width: 2,
};

/** A full run's results replace every link, membership and text signature (only the rows that differ are written). */
function writeFull(db: Db, c: Corpus, result: EngineResult, runId: number, rule: ThresholdRule, tick: Tick): void {
  tick('writing', 0, c.n);
  // Groups of two or more reports, by their smallest index.
  const byGroup = membersByGroup(result.group);
  const groups: number[][] = [...byGroup.values()].filter((m) => m.length > 1);
  const priorRows = db.prepare('SELECT r.id, m.series_id FROM series_member m JOIN report r ON r.rid = m.rid').raw().all() as [
    string,
    string,
  ][];
  const priorOf = new Map(priorRows);
  const sizeOf = new Map<string, number>();
  for (const [, s] of priorRows) sizeOf.set(s, (sizeOf.get(s) ?? 0) + 1);
  const takenStmt = db.prepare<[string], { id: string }>('SELECT id FROM series WHERE id = ?');
  const ids = assignSeriesIds(
    groups.map((m): Group => ({ members: m.map((i) => c.ids[i] as string) })),
    { seriesOf: (r) => priorOf.get(r), sizeOf: (s) => sizeOf.get(s) ?? 0, taken: (s) => takenStmt.get(s) !== undefined },
  );

  // Rows are JSON text built from cached fragments (pair-score.ts): millions of links repeat the
  // same few terms.
  // Rows go in in key order (a, b): the link table is a b-tree without rowid, and appending to it
  // is several times faster than inserting at random places.
  const st = result.strong;
  const total = st.count + result.weakLinks.length;
  const keyA = new Int32Array(total);
  const keyB = new Int32Array(total);
  for (let k = 0; k < st.count; k++) {
    keyA[k] = c.rid[st.a[k] as number] as number;
    keyB[k] = c.rid[st.b[k] as number] as number;
  }
  result.weakLinks.forEach((l, w) => {
    const x = c.rid[l.a] as number;
    const y = c.rid[l.b] as number;
    keyA[st.count + w] = Math.min(x, y);
    keyB[st.count + w] = Math.max(x, y);
  });
  const order = Int32Array.from({ length: total }, (_, k) => k).sort(
    (x, y) => (keyA[x] as number) - (keyA[y] as number) || (keyB[x] as number) - (keyB[y] as number),
  );
  writeDifference(
    db,
    LINK_TABLE,
    total,
    (o, out, at) => {
      const k = order[o] as number;
      out[at] = keyA[k];
      out[at + 1] = keyB[k];
      if (k < st.count) {
        const row = result.scorer.seriesRow(
          st.a[k] as number,
          st.b[k] as number,
          st.vals.subarray(st.start[k] as number, st.start[k + 1] as number),
        );
        out[at + 2] = row.weight;
        out[at + 3] = 1;
        out[at + 4] = row.json;
      } else {
        const l = result.weakLinks[k - st.count] as Link;
        out[at + 2] = l.weight;
        out[at + 3] = l.strong ? 1 : 0;
        out[at + 4] = JSON.stringify(l.evidence);
      }
    },
    tick,
    'writing links',
  );
  const seriesOfRoot = new Map<number, string>();
  const upsertSeries = upsertSeriesStmt(db);
  const live = new Set<string>();
  groups.forEach((members, g) => {
    if (g % 8192 === 0) tick('writing series', g, groups.length);
    const id = ids[g] as string;
    live.add(id);
    const rows: LossRow[] = [];
    seriesOfRoot.set(result.group[members[0] as number] as number, id);
    for (const i of members) {
      const cur = c.currency[i] as number;
      rows.push({
        id: c.ids[i] as string,
        reportedMs: c.reportedMs[i] as number,
        occurredMs: c.occurredMs[i] as number,
        lossCents: c.lossCents[i] as number,
        currency: cur === -1 ? null : (c.currencies[cur] as string),
      });
    }
    upsertSeries.run(seriesFigures(id, rows, rule, runId));
  });
  // In rid order (the corpus'): appended to the table's b-tree.
  const memberIndex: number[] = [];
  for (let i = 0; i < c.n; i++) if (seriesOfRoot.has(result.group[i] as number)) memberIndex.push(i);
  writeDifference(
    db,
    MEMBER_TABLE,
    memberIndex.length,
    (k, out, at) => {
      const i = memberIndex[k] as number;
      out[at] = c.rid[i];
      out[at + 1] = seriesOfRoot.get(result.group[i] as number);
    },
    tick,
    'writing series',
  );
  // Series that lost every member are retired, never deleted: their notes still resolve, and
  // each records the series holding most of its former reports (cases follow it there).
  const newOf = new Map<string, string>();
  groups.forEach((members, g) => {
    for (const i of members) newOf.set(c.ids[i] as string, ids[g] as string);
  });
  const tally = new Map<string, Map<string, number>>();
  for (const [reportId, old] of priorRows) {
    if (live.has(old)) continue;
    const now = newOf.get(reportId);
    if (now === undefined) continue;
    let t = tally.get(old);
    if (!t) tally.set(old, (t = new Map()));
    t.set(now, (t.get(now) ?? 0) + 1);
  }
  const retire = db.prepare('UPDATE series SET active = 0, size = 0, updated_run = ?, merged_into = ? WHERE id = ? AND active = 1');
  for (const s of db.prepare('SELECT id FROM series WHERE active = 1').pluck().all() as string[]) {
    if (live.has(s)) continue;
    let best: string | null = null;
    let most = 0;
    for (const [now, n] of tally.get(s) ?? []) if (n > most || (n === most && best !== null && now < best)) [best, most] = [now, n];
    retire.run(runId, best, s);
  }

  writeSignatures(db, c, undefined, tick);
}
