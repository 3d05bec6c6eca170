// An incremental link run. The reports updated since the last run (and those an ignore-list
// change marked) are relinked with what they can touch: reports sharing a value with them,
// near-duplicate texts of the same category nearby in time, the whole of every series a changed
// report was in (it may split), and the touched part of any other series (it can only grow or
// merge; the engine is told its loaded reports are one group, and how many more it has).
// Every read searches an index for what the change touches, never scans a table, so the cost
// follows the change and not the store; and writes are the difference from what is stored, since
// every dirty page is written twice (the WAL, then the checkpoint).
import type { Db } from '../store/db';
import type { Statement } from 'better-sqlite3-multiple-ciphers';
import { keyOf, type Corpus, type IdentifierRow } from './corpus';
import { corpusOf, readReportRows } from './corpus-load';
import { categorySalt, runEngine, saltBand, weakenedHolders, type EngineOptions, type EngineResult } from './engine';
import { domainCounts, identifierWeight, TEXT_SIMILARITY, TIME_WINDOW_DAYS } from './evidence';
import { capOf, isHubByCount } from './hubs';
import type { IgnoreList } from './ignore-list';
import { BANDS, bandKeys } from './lsh';
import { SIGNATURE_BINS, similarity } from './minhash';
import { DEFAULT_CHECK_EVERY, type Tick } from './progress';
import { engineOverrides, mergePartners, readOverrides } from './overrides';
import { assignSeriesIds, type Group } from './series-ids';
import { bulkJson, INSERT_LINKS, nextRunId, seriesFigures, upsertSeriesStmt, writeSignatures } from './store-write';
import { dirtyValues, rejectedPairs, storedGroups, writeIncrementalModel } from './store-model';
import type { LossRow, ThresholdRule } from './threshold';

const DAY = 86_400_000;

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

interface Context {
  readonly db: Db;
  readonly ignore: IgnoreList;
  /** Reference sites: no evidence, so never read or counted as hubs. */
  readonly isReference: (key: string) => boolean;
  readonly tick: Tick;
  readonly every: number;
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
  // value that now weighs less: it is relinked whole.
  tick('reading series', 0, touched.size);
  const seriesOf = new Map(
    db
      .prepare('SELECT rid, series_id FROM series_member WHERE rid IN (SELECT value FROM json_each(?))')
      .raw()
      .all(JSON.stringify([...touched])) as [number, string][],
  );
  const heavySeries = new Set<string>();
  for (const r of [...changed, ...weakened]) {
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

interface Known {
  /** Hubs the last full run found by their counts (ignored values are the ignore list's to say). */
  readonly hubs: Set<string>;
  /** Values and text buckets the last full run found too large to pair. */
  readonly large: Set<string>;
  readonly blockedBands: Set<number>;
  /** The store's size at the last full run: hub shares are judged against it (counting is not free). */
  readonly total: number;
}

function knownValues(db: Db): Known {
  const total = db.prepare("SELECT reports FROM link_run WHERE mode = 'full' ORDER BY id DESC LIMIT 1").pluck().get() as number | undefined;
  const known: Known = { hubs: new Set(), large: new Set(), blockedBands: new Set(), total: total ?? 0 };
  for (const [kind, value, reason] of db.prepare('SELECT kind, value, reason FROM link_hub').raw().all() as [string, string, string][]) {
    // A value ignored at the last full run is not a hub for that: the ignore list in force decides.
    if (reason === 'ignored') continue;
    if (reason !== 'large') known.hubs.add(keyOf(kind, value));
    else if (kind === 'text_band') known.blockedBands.add(Number(value));
    else known.large.add(keyOf(kind, value));
  }
  return known;
}

/**
 * Adds the reports sharing a usable value with the changed ones; false when a value has become a
 * hub. Postings are read from covering indexes alone; only a value held by enough reports to be a
 * hub is read again with its reports' categories (and without withdrawn reports, which the
 * corpus skips anyway).
 */
function touchBySharedValues(
  ctx: Context,
  ids: readonly unknown[][],
  known: Known,
  limits: IncrementalLimits,
  touched: Set<number>,
): boolean {
  const { db, ignore, tick, every } = ctx;
  const cap = capOf(known.total);
  const limit = Math.floor(cap) + 1;
  const postingRids = db
    .prepare<[string, string, number], number>('SELECT rid FROM identifier WHERE kind = ? AND value = ? LIMIT ?')
    .pluck();
  const { value: livePosting, domain: domainPosting } = liveHolders(db);
  const domainRids = db
    .prepare<[string, number], number>(
      "SELECT DISTINCT rid FROM identifier WHERE domain = ? AND kind = 'url' AND coalesce(subtype, '') NOT IN ('short_link', 'app_link') LIMIT ?",
    )
    .pluck();
  const dead = (key: string): boolean => ignore.keys.has(key) || known.hubs.has(key) || ctx.isReference(key);
  const seen = new Set<string>();
  let k = 0;
  for (const row of ids) {
    if (k++ % every === 0) tick('shared values', k, ids.length);
    const id: IdentifierRow = {
      kind: row[1] as string,
      value: row[2] as string,
      subtype: row[3] as string | null,
      domain: row[4] as string | null,
    };
    const key = keyOf(id.kind, id.value);
    if (seen.has(key)) continue;
    seen.add(key);
    const w = identifierWeight(id);
    // A weak value known to be too common pairs nothing: no need to read its reports. Nor does
    // a URL on an ignored or hub domain (the engine sets it aside with its domain); a reference
    // domain is not carried over to its URLs (postings.ts deadValues).
    const dkey = domainCounts(id) ? keyOf('domain', id.domain as string) : null;
    const skip = (w < 1 && known.large.has(key)) || (dkey !== null && (ignore.keys.has(dkey) || known.hubs.has(dkey)));
    if (w > 0 && !skip && !dead(key)) {
      let rids: number[] = postingRids.all(id.kind, id.value, limit);
      if (rids.length >= limit) {
        rids = livePosting.all(id.kind, id.value, limit);
        // Past the cap: a value has just become a hub, and links through it elsewhere must go.
        if (isHubByCount(rids.length, known.total)) return false;
      }
      if (rids.length > limits.maxWeakPosting) {
        known.large.add(key);
        if (w < 1) continue;
      }
      for (const r of rids) touched.add(r);
    }
    if (dkey !== null) {
      if (seen.has(dkey) || dead(dkey) || known.large.has(dkey)) continue;
      seen.add(dkey);
      let rids = domainRids.all(id.domain as string, limit);
      if (rids.length >= limit) {
        rids = domainPosting.all(id.domain as string, limit);
        if (isHubByCount(rids.length, known.total)) return false;
      }
      if (rids.length > limits.maxWeakPosting) known.large.add(dkey);
      else for (const r of rids) touched.add(r);
    }
  }
  return true;
}

/** The live (not withdrawn) holders of a value, and of a URL domain (short and app links apart), up to a limit. */
function liveHolders(db: Db): { value: Statement<[string, string, number], number>; domain: Statement<[string, number], number> } {
  return {
    value: db
      .prepare<[string, string, number], number>(
        'SELECT DISTINCT i.rid FROM identifier i JOIN report r INDEXED BY report_link ON r.rid = i.rid WHERE i.kind = ? AND i.value = ? AND r.withdrawn = 0 LIMIT ?',
      )
      .pluck(),
    domain: db
      .prepare<[string, number], number>(
        "SELECT DISTINCT i.rid FROM identifier i JOIN report r INDEXED BY report_link ON r.rid = i.rid WHERE i.domain = ? AND i.kind = 'url' AND coalesce(i.subtype, '') NOT IN ('short_link', 'app_link') AND r.withdrawn = 0 LIMIT ?",
      )
      .pluck(),
  };
}

/** Adds every live holder of some values (whose holders changed); false when one is past the cap. */
function touchByValues(ctx: Context, keys: readonly [string, string][], known: Known, touched: Set<number>): boolean {
  const { db, ignore } = ctx;
  const limit = Math.floor(capOf(known.total)) + 1;
  const { value: holders, domain: domainHolders } = liveHolders(db);
  for (const [kind, value] of keys) {
    const key = keyOf(kind, value);
    if (ignore.keys.has(key) || known.hubs.has(key) || ctx.isReference(key)) continue;
    const rids = kind === 'domain' ? domainHolders.all(value, limit) : holders.all(kind, value, limit);
    if (isHubByCount(rids.length, known.total)) return false;
    for (const r of rids) touched.add(r);
  }
  return true;
}

/**
 * Adds the stored near-duplicates of the changed reports' texts. Near-duplicates count only in the
 * same category within TIME_WINDOW_DAYS (or with a shared weak value, found above), so stored
 * signatures are read by category and day; and only those sharing an LSH band (salted by category,
 * as in the engine) with a changed text are compared: the engine meets no other pair.
 */
function touchByText(
  ctx: Context,
  fresh: Corpus,
  blockedBands: ReadonlySet<number>,
  limits: IncrementalLimits,
  touched: Set<number>,
): void {
  const { db, tick, every } = ctx;
  const windowRows = db
    .prepare<[string, number, number], [number, Buffer]>('SELECT rid, sig FROM text_sig WHERE category = ? AND day BETWEEN ? AND ?')
    .raw();
  const byCategory = new Map<string, number[]>();
  for (let i = 0; i < fresh.n; i++) {
    if (fresh.hasText[i] !== 1 || !Number.isFinite(fresh.reportedMs[i] as number)) continue;
    const cat = fresh.categories[fresh.category[i] as number] as string;
    const list = byCategory.get(cat);
    if (list) list.push(i);
    else byCategory.set(cat, [i]);
  }
  const day = (i: number): number => Math.floor((fresh.reportedMs[i] as number) / DAY);
  const other = new Uint32Array(SIGNATURE_BINS);
  const otherBytes = new Uint8Array(other.buffer);
  const bands = new Int32Array(BANDS);
  const lastRow = new Int32Array(fresh.n).fill(-1);
  let row = 0;
  for (const [cat, list] of byCategory) {
    list.sort((x, y) => day(x) - day(y));
    const salt = categorySalt(cat);
    const near = new Map<number, number[]>();
    // Merged day intervals: overlapping windows are read once.
    let k = 0;
    while (k < list.length) {
      const from = day(list[k] as number) - TIME_WINDOW_DAYS;
      let to = from + 2 * TIME_WINDOW_DAYS;
      let j = k;
      while (j + 1 < list.length && day(list[j + 1] as number) - TIME_WINDOW_DAYS <= to) {
        j++;
        to = day(list[j] as number) + TIME_WINDOW_DAYS;
      }
      const byBand = new Map<number, number[]>();
      for (let x = k; x <= j; x++) {
        const i = list[x] as number;
        bandKeys(fresh.sig, i * SIGNATURE_BINS, bands);
        for (let b = 0; b < BANDS; b++) {
          const key = saltBand(bands[b] as number, salt);
          if (blockedBands.has(key)) continue;
          const found = byBand.get(key);
          if (found) found.push(i);
          else byBand.set(key, [i]);
        }
      }
      for (const [rid, sig] of windowRows.iterate(cat, from, to) as IterableIterator<[number, Buffer]>) {
        if (row++ % every === 0) tick('texts', row, null);
        otherBytes.set(sig);
        bandKeys(other, 0, bands);
        for (let b = 0; b < BANDS; b++) {
          for (const i of byBand.get(saltBand(bands[b] as number, salt)) ?? []) {
            if (lastRow[i] === row) continue;
            lastRow[i] = row;
            if (similarity(fresh.sig, i * SIGNATURE_BINS, other, 0) < TEXT_SIMILARITY) continue;
            const found = near.get(i);
            if (found) found.push(rid);
            else near.set(i, [rid]);
          }
        }
      }
      k = j + 1;
    }
    // A text with too many near-duplicates is a template judged common: no candidates from it.
    for (const rids of near.values()) if (rids.length <= limits.maxTextBucket) for (const r of rids) touched.add(r);
  }
}

interface IncrementalScope {
  /** Reports whose links and membership are rewritten: the changed ones and whole split-able series. */
  readonly replace: ReadonlySet<number>;
  readonly heavySeries: ReadonlySet<string>;
  /** Series loaded in part, by label; the corpus' label per report index. */
  readonly partial: readonly string[];
  readonly label: Int32Array;
  readonly hiddenMembers: Int32Array;
  readonly changed: ReadonlySet<number>;
  /** The series of each loaded report before this run, by rid. */
  readonly seriesOf: ReadonlyMap<number, string>;
}

function writeIncremental(
  ctx: Context,
  c: Corpus,
  result: EngineResult,
  scope: IncrementalScope,
  runId: number,
  rule: ThresholdRule,
): void {
  const { db, tick } = ctx;
  tick('writing', 0, c.n);
  const byGroup = new Map<number, number[]>();
  for (let i = 0; i < c.n; i++) {
    const g = result.group[i] as number;
    const list = byGroup.get(g);
    if (list) list.push(i);
    else byGroup.set(g, [i]);
  }
  const groups: { members: number[]; hidden: Map<string, number> }[] = [];
  for (const members of byGroup.values()) {
    const hidden = new Map<string, number>();
    for (const i of members) {
      const l = scope.label[i] as number;
      if (l >= 0) hidden.set(scope.partial[l] as string, scope.hiddenMembers[l] as number);
    }
    const total = members.length + [...hidden.values()].reduce((a, b) => a + b, 0);
    if (total > 1) groups.push({ members, hidden });
  }
  const priorOf = new Map<string, string>();
  for (let i = 0; i < c.n; i++) {
    const s = scope.seriesOf.get(c.rid[i] as number);
    if (s !== undefined) priorOf.set(c.ids[i] as string, s);
  }
  const sizeStmt = db.prepare<[string], number>('SELECT size FROM series WHERE id = ?').pluck();
  const takenStmt = db.prepare<[string], { id: string }>('SELECT id FROM series WHERE id = ?');
  const ids = assignSeriesIds(
    groups.map((g): Group => ({ members: g.members.map((i) => c.ids[i] as string), hidden: g.hidden })),
    { seriesOf: (r) => priorOf.get(r), sizeOf: (s) => sizeStmt.get(s) ?? 0, taken: (s) => takenStmt.get(s) !== undefined },
  );

  writeLinks(db, c, result, scope, tick);

  // Memberships: rows that changed only. Reports of a partly loaded series keep theirs.
  const fixed = (i: number): boolean => (scope.label[i] as number) >= 0 && !scope.replace.has(c.rid[i] as number);
  const member = new Map<number, string>();
  const relabel = db.prepare('UPDATE series_member SET series_id = ? WHERE series_id = ?');
  const live = new Set<string>();
  // Series whose membership or members changed: their figures are computed again.
  const grown = new Set<string>();
  groups.forEach((g, k) => {
    const id = ids[k] as string;
    live.add(id);
    let same = [...g.hidden.keys()].every((s) => s === id);
    for (const i of g.members) {
      const rid = c.rid[i] as number;
      if (scope.changed.has(rid) || scope.seriesOf.get(rid) !== id) same = false;
      if (!fixed(i)) member.set(rid, id);
    }
    for (const s of g.hidden.keys()) if (s !== id) relabel.run(id, s);
    // The same members as before, none of them changed: the stored figures stand.
    if (!same || g.members.length + (g.hidden.get(id) ?? 0) !== (sizeStmt.get(id) ?? 0)) grown.add(id);
  });
  const gone: number[] = [];
  for (const rid of scope.replace) if (!member.has(rid) && scope.seriesOf.has(rid)) gone.push(rid);
  db.prepare('DELETE FROM series_member WHERE rid IN (SELECT value FROM json_each(?))').run(JSON.stringify(gone));
  const rows: string[] = [];
  for (const [rid, id] of member) if (scope.seriesOf.get(rid) !== id) rows.push(`[${rid},"${id}"]`);
  bulkJson(
    db,
    'INSERT OR REPLACE INTO series_member (rid, series_id) SELECT value ->> 0, value ->> 1 FROM json_each(?)',
    rows,
    tick,
    'writing series',
  );

  // Figures of every series whose membership changed, from its whole membership.
  const members = new Map<string, LossRow[]>();
  const memberRows = db
    .prepare<[string], [string, string, number | null, number | null, string | null, number | null]>(
      'SELECT m.series_id, r.id, r.reported_ms, r.loss_cents, r.currency, r.occurred_ms FROM series_member m JOIN report r INDEXED BY report_link ON r.rid = m.rid WHERE m.series_id IN (SELECT value FROM json_each(?))',
    )
    .raw();
  for (const [s, id, ms, cents, currency, occurred] of memberRows.iterate(JSON.stringify([...grown])) as IterableIterator<
    [string, string, number | null, number | null, string | null, number | null]
  >) {
    const list = members.get(s);
    const row: LossRow = { id, reportedMs: ms ?? Number.NaN, occurredMs: occurred, lossCents: cents ?? 0, currency };
    if (list) list.push(row);
    else members.set(s, [row]);
  }
  const upsert = upsertSeriesStmt(db);
  for (const [id, list] of members) upsert.run(seriesFigures(id, list, rule, runId));
  const retire = db.prepare('UPDATE series SET active = 0, size = 0, updated_run = ?, merged_into = ? WHERE id = ? AND active = 1');
  // A retired series records the series holding most of its former reports (cases follow it).
  const successor = db
    .prepare<[string], string>(
      'SELECT series_id FROM series_member WHERE rid IN (SELECT value FROM json_each(?)) GROUP BY series_id ORDER BY count(*) DESC, series_id LIMIT 1',
    )
    .pluck();
  const former = new Map<string, number[]>();
  for (const [rid, s] of scope.seriesOf) {
    const list = former.get(s);
    if (list) list.push(rid);
    else former.set(s, [rid]);
  }
  for (const s of new Set([...scope.heavySeries, ...scope.partial])) {
    if (live.has(s)) continue;
    retire.run(runId, successor.get(JSON.stringify(former.get(s) ?? [])) ?? null, s);
  }
  writeSignatures(db, c, scope.changed, tick);
}

/**
 * Links: those stored for the replaced reports are read and compared with the new ones, so that
 * relinking to the same result writes nothing. Links between two reports of a partly loaded
 * series are stored already and not written again.
 */
function writeLinks(db: Db, c: Corpus, result: EngineResult, scope: IncrementalScope, tick: Tick): void {
  const fixed = (i: number): boolean => (scope.label[i] as number) >= 0 && !scope.replace.has(c.rid[i] as number);
  const computed = new Map<string, string>();
  const st = result.strong;
  for (let k = 0; k < st.count; k++) {
    const a = st.a[k] as number;
    const b = st.b[k] as number;
    if (fixed(a) && fixed(b)) continue;
    const row = result.scorer.seriesRow(a, b, st.vals.subarray(st.start[k] as number, st.start[k + 1] as number));
    // Reports are in rid order in the corpus, so a < b holds for rids too.
    computed.set(
      `${c.rid[a] as number},${c.rid[b] as number}`,
      `[${c.rid[a] as number},${c.rid[b] as number},${row.weight},1,${row.json}]`,
    );
  }
  for (const l of result.weakLinks) {
    if (fixed(l.a) && fixed(l.b)) continue;
    const x = Math.min(c.rid[l.a] as number, c.rid[l.b] as number);
    const y = Math.max(c.rid[l.a] as number, c.rid[l.b] as number);
    computed.set(`${x},${y}`, `[${x},${y},${l.weight},${l.strong ? 1 : 0},${JSON.stringify(l.evidence)}]`);
  }
  // Two statements: with OR, SQLite would scan the whole table instead of using both indexes.
  const replaceJson = JSON.stringify([...scope.replace]);
  const stored = db
    .prepare(
      'SELECT a, b, weight, strong, evidence FROM link WHERE a IN (SELECT value FROM json_each(?)) UNION ALL SELECT a, b, weight, strong, evidence FROM link WHERE b IN (SELECT value FROM json_each(?))',
    )
    .raw();
  const stale: string[] = [];
  const same = new Set<string>();
  for (const [a, b, weight, strong, evidence] of stored.iterate(replaceJson, replaceJson) as IterableIterator<
    [number, number, number, number, string]
  >) {
    const key = `${a},${b}`;
    const now = computed.get(key);
    if (now === undefined) stale.push(`[${a},${b}]`);
    else if (now === `[${a},${b},${weight},${strong},${evidence}]`) same.add(key);
  }
  bulkJson(db, 'DELETE FROM link WHERE (a, b) IN (SELECT value ->> 0, value ->> 1 FROM json_each(?))', stale, tick, 'writing links');
  bulkJson(
    db,
    INSERT_LINKS,
    [...computed].filter(([key]) => !same.has(key)).map(([, row]) => row),
    tick,
    'writing links',
  );
}
