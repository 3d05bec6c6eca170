// An incremental link run. The reports updated since the last run (and those an ignore-list
// change marked) are relinked with what they can touch: reports sharing a value with them,
// near-duplicate texts of the same category nearby in time, and the whole of every series any of
// those is in (it may split: a changed report, a value that weighs less, or a bridge that new
// reports make, bridges.ts).
// Every read searches an index for what the change touches, never scans a table, so the cost
// follows the change and not the store; and writes are the difference from what is stored, since
// every dirty page is written twice (the WAL, then the checkpoint).
import type { Db } from '../store/db';
import { keyOf } from './corpus';
import { corpusOf, readReportRows } from './corpus-load';
import { runEngine, weakenedHolders, type EngineOptions } from './engine';
import type { IgnoreList } from './ignore-list';
import { DEFAULT_CHECK_EVERY, type Tick } from './progress';
import { engineOverrides, mergePartners, readOverrides } from './overrides';
import { knownValues, touchBySharedValues, touchByText, touchByValues, type Context } from './incremental-touch';
import { writeIncremental } from './incremental-write';
import { nextRunId } from './store-write';
import { dirtyValues, rejectedPairs, storedGroups, writeIncrementalModel } from './store-model';
import type { ThresholdRule } from './threshold';

export interface IncrementalLimits {
  /** Weak values held by more reports pair nothing (the engine's maxWeakPosting). */
  readonly maxWeakPosting: number;
  /** A text with more near-duplicates is a template judged common (the engine's maxTextBucket). */
  readonly maxTextBucket: number;
}

export interface IncrementalRun {
  /** Reports relinked, and of those the changed ones. */
  readonly reports: number;
  readonly changed: number;
  /** Suggestions found among the reports relinked. */
  readonly suggestions: number;
  /** Writes the results; the caller holds the transaction. */
  write(): void;
}

/**
 * The part of the store an incremental run must relink, linked (nothing written yet); null when a
 * full run is needed (a value has just become a hub: links through it elsewhere must go).
 */
export function planIncremental(
  db: Db,
  since: string | null,
  ignore: IgnoreList,
  rule: ThresholdRule,
  base: Omit<EngineOptions, 'ignore'>,
  limits: IncrementalLimits,
  tick: Tick,
): IncrementalRun | null {
  const ctx: Context = {
    db,
    ignore,
    isReference: base.isReference ?? ((): boolean => false),
    tick,
    every: base.checkEvery ?? DEFAULT_CHECK_EVERY,
  };
  // Inclusive: a report written in the same millisecond as the watermark is never missed, and
  // relinking one already linked changes nothing.
  // Only the marks read here are cleared when the run is written: a correction made meanwhile
  // keeps its mark for the next run.
  const dirty = db.prepare('SELECT rid FROM link_dirty').pluck().all() as number[];
  const changed = [
    ...new Set([
      ...(db
        .prepare('SELECT rid FROM report WHERE updated_at >= ?')
        .pluck()
        .all(since ?? '') as number[]),
      ...dirty,
    ]),
  ];
  const dirtyKeys = dirtyValues(db);
  if (changed.length === 0 && dirtyKeys.length === 0) return { reports: 0, changed: 0, suggestions: 0, write: () => undefined };
  const runId = nextRunId(db);
  tick('reading changes', 0, changed.length);
  const freshRows = readReportRows(db, changed);
  const fresh = corpusOf([freshRows]);

  const known = knownValues(db);
  const touched = new Set<number>(changed);
  if (!touchBySharedValues(ctx, freshRows.identifiers, known, limits, touched)) return null;
  // Values a revision or withdrawal took from a report: their holders are counted again.
  if (!touchByValues(ctx, dirtyKeys, known, touched)) return null;
  // The values whose group counts this run computes: the changed reports' and those.
  const recount = new Set<string>(dirtyKeys.map(([kind, value]) => keyOf(kind, value)));
  for (const row of freshRows.identifiers) {
    recount.add(keyOf(row[1] as string, row[2] as string));
    if (row[4] !== null) recount.add(keyOf('domain', row[4] as string));
  }
  touchByText(ctx, fresh, known.blockedBands, limits, touched);
  // Both ends of an investigator's merge are linked together, or the merge could not hold.
  const overrides = readOverrides(db);
  mergePartners(overrides, touched);

  // What the change touches, read once; the whole of some series is added below.
  tick('reading reports', 0, touched.size);
  const changedSet = new Set(changed);
  const firstRead = new Set(touched);
  const touchedRows = readReportRows(
    db,
    [...touched].filter((r) => !changedSet.has(r)),
  );
  const stored = storedGroups(db, [...recount]);
  const groupsOf = { fresh: (key: string) => recount.has(key), stored };
  // Values that more groups carry now weigh less: links through them elsewhere may go.
  const weakened = weakenedHolders(corpusOf([freshRows, touchedRows]), {
    ...base,
    ignore,
    detectHubs: false,
    knownHubs: known.hubs,
    totalReports: known.total,
    valueGroups: groupsOf,
  });

  // A series holding a changed (updated or withdrawn) report may split, and so may one holding a
  // value that now weighs less, or one that new reports reach: a value that tied a few of its
  // reports to the rest may now be a bridge between two sides of five or more (bridges.ts). Every
  // series the change touches is relinked whole.
  tick('reading series', 0, touched.size);
  const seriesOf = new Map(
    db
      .prepare('SELECT rid, series_id FROM series_member WHERE rid IN (SELECT value FROM json_each(?))')
      .raw()
      .all(JSON.stringify([...touched])) as [number, string][],
  );
  const heavySeries = new Set<string>();
  for (const r of [...touched, ...weakened]) {
    const s = seriesOf.get(r);
    if (s !== undefined) heavySeries.add(s);
  }
  const heavyRows = db
    .prepare('SELECT rid, series_id FROM series_member WHERE series_id IN (SELECT value FROM json_each(?))')
    .raw()
    .all(JSON.stringify([...heavySeries])) as [number, string][];
  const replace = new Set<number>(changed);
  for (const [r, s] of heavyRows) {
    replace.add(r);
    seriesOf.set(r, s);
    touched.add(r);
  }
  // The rows of the changed and touched reports are read already.
  const extra = [...touched].filter((r) => !firstRead.has(r));
  const c = corpusOf(extra.length > 0 ? [freshRows, touchedRows, readReportRows(db, extra)] : [freshRows, touchedRows]);

  // Loaded reports of series that were not split-able, labelled by series.
  const partial: string[] = [];
  const partialIndex = new Map<string, number>();
  const label = new Int32Array(c.n).fill(-1);
  for (let i = 0; i < c.n; i++) {
    const s = seriesOf.get(c.rid[i] as number);
    if (s === undefined || heavySeries.has(s)) continue;
    let l = partialIndex.get(s);
    if (l === undefined) {
      l = partial.length;
      partialIndex.set(s, l);
      partial.push(s);
    }
    label[i] = l;
  }
  const sizeOf = db.prepare<[string], number>('SELECT size FROM series WHERE id = ?').pluck();
  const hiddenMembers = new Int32Array(partial.length);
  const loaded = new Int32Array(partial.length);
  for (let i = 0; i < c.n; i++) if ((label[i] as number) >= 0) loaded[label[i] as number]! += 1;
  partial.forEach((s, l) => {
    hiddenMembers[l] = Math.max(0, (sizeOf.get(s) ?? 0) - (loaded[l] as number));
  });
  const corrections = overrides.length > 0 ? engineOverrides(c, overrides) : undefined;
  const result = runEngine(c, {
    ...base,
    ignore,
    detectHubs: false,
    knownHubs: known.hubs,
    largeValues: known.large,
    blockedBands: known.blockedBands,
    totalReports: known.total,
    knownGroups: { label, hiddenMembers },
    valueGroups: { fresh: groupsOf.fresh, stored: storedGroups(db, c.valueKeys) },
    rejected: rejectedPairs(db, c),
    ...(corrections ? { overrides: corrections } : {}),
  });
  return {
    reports: c.n,
    changed: changed.length,
    suggestions: result.suggestions.length,
    write: () => {
      writeIncremental(ctx, c, result, { replace, heavySeries, partial, label, hiddenMembers, changed: changedSet, seriesOf }, runId, rule);
      writeIncrementalModel(db, c, result, changedSet, dirtyKeys, runId, tick);
      db.prepare('DELETE FROM link_dirty WHERE rid IN (SELECT value FROM json_each(?))').run(JSON.stringify(dirty));
    },
  };
}
