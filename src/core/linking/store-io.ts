// Reading the engine's input from the store and writing its results back. A full run reads the
// reports, every shared value (grouped by SQL over a covering index) and the message texts, and
// rewrites links, memberships, hubs and text signatures in one transaction. An incremental run
// takes the reports updated since the last run (and those an ignore-list change marked), gathers
// what they can touch — reports sharing a value with them, near-duplicate texts of the same
// category nearby in time, the whole of every series a changed report was in (it may split), and
// the touched part of any other series (it can only grow or merge) — and relinks only that.
import { decimalToCents } from '../../common/money';
import { readSettings } from '../backend/settings';
import type { Db } from '../store/db';
import { CorpusBuilder, keyOf, splitKey, type Corpus } from './corpus';
import { domainCounts, identifierWeight, TEXT_SIMILARITY, TIME_WINDOW_DAYS } from './evidence';
import { DEFAULT_HUB_RULES, isHubByCounts } from './hubs';
import { makeIgnoreList, shippedIgnoreEntries, type IgnoreEntry, type IgnoreList } from './ignore-list';
import { SIGNATURE_BINS, similarity } from './minhash';
import { runEngine, type EngineOptions, type EngineResult } from './engine';
import { assignSeriesIds, type Group } from './series-ids';
import { lossByCurrency, thresholdCrossing, type LossRow, type ThresholdRule } from './threshold';

export interface LinkRunOptions {
  readonly full?: boolean;
  readonly onProgress?: (stage: string, done: number, total: number) => void;
  readonly shouldStop?: () => boolean;
  readonly now?: () => string;
}

export interface LinkRunSummary {
  readonly mode: 'full' | 'incremental';
  readonly reports: number;
  readonly changed: number;
  readonly series: number;
  readonly overThreshold: number;
  readonly hubs: number;
  readonly elapsedMs: number;
}

const MAX_WEAK_POSTING = 50;
const MAX_TEXT_BUCKET = 60;
const DAY = 86_400_000;

export function readIgnoreList(db: Db): IgnoreList {
  const stored = db.prepare('SELECT kind, value FROM ignore_value').all() as IgnoreEntry[];
  return makeIgnoreList([...shippedIgnoreEntries(), ...stored]);
}

export function thresholdRule(db: Db): ThresholdRule {
  const s = readSettings(db);
  return { amountCents: decimalToCents(s.thresholdAmount) ?? 300000, currency: s.thresholdCurrency, lookbackDays: s.lookbackDays };
}

type Row = unknown[];

const CHUNK = 50_000;

/** Rows of a table, iterated (stepping rows one by one allocates far less than one big array). */
function* scan(db: Db, select: string, table: string, rids?: string): Generator<Row> {
  const where = rids === undefined ? '' : ' WHERE rid IN (SELECT value FROM json_each(?))';
  const stmt = db.prepare(`SELECT ${select} FROM ${table}${where}`).raw();
  yield* (rids === undefined ? stmt.iterate() : stmt.iterate(rids)) as IterableIterator<Row>;
}

/** One scan per table; `rids` (JSON array) restricts to those reports. */
export function loadCorpus(db: Db, rids?: string): Corpus {
  const b = new CorpusBuilder();
  for (const r of scan(db, 'rid, id, category, precinct, reported_ms, loss_cents, currency, withdrawn', rids === undefined ? 'report INDEXED BY report_link' : 'report', rids)) {
    if (r[7] !== 0) continue;
    b.addReport({
      rid: r[0] as number,
      id: r[1] as string,
      category: r[2] as string | null,
      precinct: r[3] as string | null,
      reportedMs: r[4] as number | null,
      lossCents: r[5] as number | null,
      currency: r[6] as string | null,
    });
  }
  if (rids === undefined) {
    // Only values held by two or more reports can link: SQL groups them in one pass over the
    // covering index identifier_link, and the rest never reach JavaScript.
    const shared = db
      .prepare(
        `SELECT kind, value, min(subtype), min(domain), group_concat(rid) FROM identifier INDEXED BY identifier_link
         GROUP BY kind, value HAVING count(*) > 1`,
      )
      .raw();
    for (const r of shared.iterate() as IterableIterator<Row>) {
      b.addPosting({ kind: r[0] as string, value: r[1] as string, subtype: r[2] as string | null, domain: r[3] as string | null }, r[4] as string);
    }
    const domains = db
      .prepare(
        `SELECT domain, group_concat(rid) FROM identifier WHERE domain IS NOT NULL AND kind = 'url' AND coalesce(subtype, '') NOT IN ('short_link', 'app_link')
         GROUP BY domain HAVING count(DISTINCT rid) > 1`,
      )
      .raw();
    for (const r of domains.iterate() as IterableIterator<Row>) b.addDomainPosting(r[0] as string, r[1] as string);
  } else {
    for (const r of scan(db, 'rid, kind, value, subtype, domain', 'identifier', rids)) {
      const i = b.indexOf(r[0] as number);
      if (i !== undefined) b.addIdentifier(i, { kind: r[1] as string, value: r[2] as string, subtype: r[3] as string | null, domain: r[4] as string | null });
    }
  }
  for (const r of scan(db, 'rid, sender, text', 'message', rids)) {
    const i = b.indexOf(r[0] as number);
    if (i !== undefined) b.addMessage(i, r[1] as string | null, r[2] as string);
  }
  return b.build();
}

/** Bulk insert through json_each: one statement per chunk of rows (each row a JSON text). */
function bulkJson(db: Db, sql: string, rows: readonly string[]): void {
  const stmt = db.prepare(sql);
  for (let k = 0; k < rows.length; k += CHUNK) stmt.run(`[${rows.slice(k, k + CHUNK).join(',')}]`);
}

/** A full run's results replace every link, membership and text signature. */
function writeFull(db: Db, c: Corpus, result: EngineResult, runId: number, rule: ThresholdRule): void {
  // Groups of two or more reports, by their smallest index.
  const byGroup = new Map<number, number[]>();
  for (let i = 0; i < c.n; i++) {
    const g = result.group[i] as number;
    const list = byGroup.get(g);
    if (list) list.push(i);
    else byGroup.set(g, [i]);
  }
  const groups: number[][] = [...byGroup.values()].filter((m) => m.length > 1);
  const priorRows = db.prepare('SELECT r.id, m.series_id FROM series_member m JOIN report r ON r.rid = m.rid').raw().all() as [string, string][];
  const priorOf = new Map(priorRows);
  const sizeOf = new Map<string, number>();
  for (const [, s] of priorRows) sizeOf.set(s, (sizeOf.get(s) ?? 0) + 1);
  const takenStmt = db.prepare<[string], { id: string }>('SELECT id FROM series WHERE id = ?');
  const ids = assignSeriesIds(
    groups.map((m): Group => ({ members: m.map((i) => c.ids[i] as string) })),
    { seriesOf: (r) => priorOf.get(r), sizeOf: (s) => sizeOf.get(s) ?? 0, taken: (s) => takenStmt.get(s) !== undefined },
  );

  db.prepare('DELETE FROM link').run();
  db.prepare('DELETE FROM series_member').run();
  db.prepare('DELETE FROM text_sig').run();
  // Rows are JSON text built directly: evidence of strong links is the same few fragments over
  // and over (one per shared value), so each is serialised once.
  const fragments = new Map<number, string>();
  const fragment = (v: number): string => {
    let f = fragments.get(v);
    if (f === undefined) {
      const { kind, value } = splitKey(c.valueKeys[v] as string);
      f = `{"type":"identifier","kind":${JSON.stringify(kind)},"value":${JSON.stringify(value)},"weight":${c.valueWeight[v] as number}}`;
      fragments.set(v, f);
    }
    return f;
  };
  const linkRows: string[] = [];
  const st = result.strong;
  for (let k = 0; k < st.count; k++) {
    const parts: string[] = [];
    for (let j = st.start[k] as number; j < (st.start[k + 1] as number); j++) parts.push(fragment(st.vals[j] as number));
    linkRows.push(`[${c.rid[st.a[k] as number] as number},${c.rid[st.b[k] as number] as number},${parts.length},1,[${parts.join(',')}]]`);
  }
  for (const l of result.weakLinks) {
    const x = c.rid[l.a] as number;
    const y = c.rid[l.b] as number;
    linkRows.push(`[${Math.min(x, y)},${Math.max(x, y)},${l.weight},0,${JSON.stringify(l.evidence)}]`);
  }
  bulkJson(db, 'INSERT OR REPLACE INTO link (a, b, weight, strong, evidence) SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value -> 4 FROM json_each(?)', linkRows);
  const memberRows: string[] = [];
  const upsertSeries = upsertSeriesStmt(db);
  const live = new Set<string>();
  groups.forEach((members, g) => {
    const id = ids[g] as string;
    live.add(id);
    const rows: LossRow[] = [];
    for (const i of members) {
      memberRows.push(`[${c.rid[i] as number},"${id}"]`);
      const cur = c.currency[i] as number;
      rows.push({ id: c.ids[i] as string, reportedMs: c.reportedMs[i] as number, lossCents: c.lossCents[i] as number, currency: cur === -1 ? null : (c.currencies[cur] as string) });
    }
    upsertSeries.run(seriesFigures(id, rows, rule, runId));
  });
  bulkJson(db, 'INSERT INTO series_member (rid, series_id) SELECT value ->> 0, value ->> 1 FROM json_each(?)', memberRows);
  // Series that lost every member are retired, never deleted: their notes still resolve.
  const retire = db.prepare('UPDATE series SET active = 0, size = 0, updated_run = ? WHERE id = ? AND active = 1');
  for (const s of db.prepare('SELECT id FROM series WHERE active = 1').pluck().all() as string[]) if (!live.has(s)) retire.run(runId, s);

  writeSignatures(db, c, undefined);
}

function upsertSeriesStmt(db: Db): ReturnType<Db['prepare']> {
  return db.prepare(`
    INSERT INTO series (id, active, canonical, size, loss, sort_cents, over_threshold, over_report, over_at_ms, first_ms, last_ms, created_run, updated_run)
    VALUES (@id, 1, @canonical, @size, @loss, @sort, @over, @overReport, @overAt, @first, @last, @run, @run)
    ON CONFLICT (id) DO UPDATE SET active = 1, canonical = excluded.canonical, size = excluded.size, loss = excluded.loss,
      sort_cents = excluded.sort_cents, over_threshold = excluded.over_threshold, over_report = excluded.over_report,
      over_at_ms = excluded.over_at_ms, first_ms = excluded.first_ms, last_ms = excluded.last_ms, updated_run = excluded.updated_run`);
}

/** A series row's figures: size, losses, the threshold crossing, first and last report. */
function seriesFigures(id: string, rows: readonly LossRow[], rule: ThresholdRule, runId: number): Record<string, string | number | null> {
  let first = Infinity;
  let last = -Infinity;
  let canonical = (rows[0] as LossRow).id;
  let sort = 0;
  for (const r of rows) {
    if (r.reportedMs < first) first = r.reportedMs;
    if (r.reportedMs > last) last = r.reportedMs;
    if (r.id < canonical) canonical = r.id;
    if (r.currency === rule.currency) sort += r.lossCents;
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
    first: Number.isFinite(first) ? first : null,
    last: Number.isFinite(last) ? last : null,
    run: runId,
  };
}

/** Text signatures, for incremental runs to find near-duplicates of new reports. */
function writeSignatures(db: Db, c: Corpus, only: ReadonlySet<number> | undefined): void {
  const sigRows: string[] = [];
  const bytes = Buffer.from(c.sig.buffer, c.sig.byteOffset, c.sig.byteLength);
  for (let i = 0; i < c.n; i++) {
    if (c.hasText[i] !== 1) continue;
    if (only !== undefined && !only.has(c.rid[i] as number)) continue;
    const day = Math.floor((c.reportedMs[i] as number) / DAY);
    if (!Number.isFinite(day)) continue;
    const hex = bytes.toString('hex', i * SIGNATURE_BINS * 4, (i + 1) * SIGNATURE_BINS * 4);
    sigRows.push(`[${c.rid[i] as number},${JSON.stringify(c.categories[c.category[i] as number])},${day},"${hex}"]`);
  }
  bulkJson(db, 'INSERT OR REPLACE INTO text_sig (rid, category, day, sig) SELECT value ->> 0, value ->> 1, value ->> 2, unhex(value ->> 3) FROM json_each(?)', sigRows);
}

function recordRun(db: Db, mode: 'full' | 'incremental', startedAt: string, watermark: string | null, reports: number, changed: number, elapsedMs: number, now: () => string): { series: number; over: number } {
  const counts = db.prepare('SELECT count(*) AS series, coalesce(sum(over_threshold), 0) AS over FROM series WHERE active = 1').get() as { series: number; over: number };
  db.prepare('INSERT INTO link_run (mode, started_at, finished_at, watermark, reports, changed, series, over_threshold, elapsed_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
    mode, startedAt, now(), watermark, reports, changed, counts.series, counts.over, elapsedMs,
  );
  return counts;
}

function nextRunId(db: Db): number {
  return ((db.prepare('SELECT coalesce(max(id), 0) FROM link_run').pluck().get() as number) ?? 0) + 1;
}

/** Link the store: incremental when a previous run exists, unless `full`. */
export function linkStore(db: Db, options: LinkRunOptions = {}): LinkRunSummary {
  const now = options.now ?? ((): string => new Date().toISOString());
  const started = performance.now();
  const startedAt = now();
  const watermark = db.prepare('SELECT max(updated_at) FROM report').pluck().get() as string | null;
  const last = db.prepare('SELECT watermark FROM link_run ORDER BY id DESC LIMIT 1').pluck().get() as string | null | undefined;
  const ignore = readIgnoreList(db);
  const rule = thresholdRule(db);
  const base: Omit<EngineOptions, 'ignore'> = {
    maxWeakPosting: MAX_WEAK_POSTING,
    maxTextBucket: MAX_TEXT_BUCKET,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.shouldStop ? { shouldStop: options.shouldStop } : {}),
  };
  if (!options.full && last !== undefined) {
    const inc = incremental(db, last, ignore, rule, base);
    if (inc !== null) {
      const elapsed = Math.round(performance.now() - started);
      const counts = db.transaction(() => {
        inc.write();
        return recordRun(db, 'incremental', startedAt, watermark, inc.reports, inc.changed, elapsed, now);
      })();
      return { mode: 'incremental', reports: inc.reports, changed: inc.changed, series: counts.series, overThreshold: counts.over, hubs: 0, elapsedMs: elapsed };
    }
  }
  options.onProgress?.('reading', 0, 4);
  const c = loadCorpus(db);
  const result = runEngine(c, { ...base, ignore, detectHubs: true });
  const counts = db.transaction(() => {
    writeFull(db, c, result, nextRunId(db), rule);
    db.prepare('DELETE FROM link_hub').run();
    const hub = db.prepare('INSERT OR REPLACE INTO link_hub (kind, value, reports, categories, reason) VALUES (?, ?, ?, ?, ?)');
    for (const h of result.hubs) hub.run(h.kind, h.value, h.reports, h.categories, h.reason);
    // What an incremental run, seeing only part of the store, must know about the whole of it.
    for (const key of result.large) {
      const { kind, value } = splitKey(key);
      hub.run(kind, value, 0, 0, 'large');
    }
    for (const band of result.blockedBands) hub.run('text_band', String(band), 0, 0, 'large');
    db.prepare('DELETE FROM link_dirty').run();
    return recordRun(db, 'full', startedAt, watermark, c.n, c.n, Math.round(performance.now() - started), now);
  })();
  return { mode: 'full', reports: c.n, changed: c.n, series: counts.series, overThreshold: counts.over, hubs: result.hubs.length, elapsedMs: Math.round(performance.now() - started) };
}

/**
 * The part of the store an incremental run must relink, linked; null when a full run is needed
 * (a value has just become a hub: links through it elsewhere must go).
 */
function incremental(db: Db, since: string | null, ignore: IgnoreList, rule: ThresholdRule, base: Omit<EngineOptions, 'ignore'>): { write: () => void; reports: number; changed: number } | null {
  // Inclusive: a report written in the same millisecond as the watermark is never missed, and
  // relinking one already linked changes nothing.
  const changed = [
    ...new Set([
      ...(db.prepare('SELECT rid FROM report WHERE updated_at >= ?').pluck().all(since ?? '') as number[]),
      ...(db.prepare('SELECT rid FROM link_dirty').pluck().all() as number[]),
    ]),
  ];
  const runId = nextRunId(db);
  if (changed.length === 0) return { write: () => undefined, reports: 0, changed: 0 };
  const changedJson = JSON.stringify(changed);
  const fresh = loadCorpus(db, changedJson);
  const hubKeys = new Set<string>();
  const largeKeys = new Set<string>();
  const blockedBands = new Set<number>();
  for (const [kind, value, reason] of db.prepare('SELECT kind, value, reason FROM link_hub').raw().all() as [string, string, string][]) {
    if (reason !== 'large') hubKeys.add(keyOf(kind, value));
    else if (kind === 'text_band') blockedBands.add(Number(value));
    else largeKeys.add(keyOf(kind, value));
  }
  // Hub shares are judged against the store's size at the last full run (counting is not free).
  const total = (db.prepare("SELECT reports FROM link_run WHERE mode = 'full' ORDER BY id DESC LIMIT 1").pluck().get() as number | undefined) ?? 0;
  const touched = new Set<number>(changed);
  const posting = db.prepare<[string, string, number], [number, string]>(
    'SELECT i.rid, r.category FROM identifier i JOIN report r ON r.rid = i.rid WHERE i.kind = ? AND i.value = ? AND r.withdrawn = 0 LIMIT ?',
  ).raw();
  const domainPosting = db.prepare<[string, number], number>(
    "SELECT DISTINCT i.rid FROM identifier i JOIN report r ON r.rid = i.rid WHERE i.domain = ? AND i.kind = 'url' AND coalesce(i.subtype, '') NOT IN ('short_link', 'app_link') AND r.withdrawn = 0 LIMIT ?",
  ).pluck();
  const freshIds = db.prepare(`SELECT kind, value, subtype, domain FROM identifier WHERE rid IN (SELECT value FROM json_each(?))`).all(changedJson) as { kind: string; value: string; subtype: string | null; domain: string | null }[];
  const limit = DEFAULT_HUB_RULES.floorReports + 1;
  const seen = new Set<string>();
  for (const id of freshIds) {
    const key = keyOf(id.kind, id.value);
    if (seen.has(key)) continue;
    seen.add(key);
    const w = identifierWeight(id);
    // A weak value known to be too common pairs nothing: no need to read its reports.
    const skip = w < 1 && largeKeys.has(key);
    if (w > 0 && !skip && !ignore.keys.has(key) && !hubKeys.has(key)) {
      const rows = posting.all(id.kind, id.value, limit);
      const cats = new Set(rows.map((r) => r[1]));
      const rids = new Set(rows.map((r) => r[0]));
      if (isHubByCounts({ reports: rids.size, categories: cats.size, precincts: 0 }, total)) return null;
      if (rids.size > MAX_WEAK_POSTING) largeKeys.add(key);
      if (w < 1 && rids.size > MAX_WEAK_POSTING) continue;
      for (const r of rids) touched.add(r);
    }
    if (domainCounts(id)) {
      const dkey = keyOf('domain', id.domain as string);
      if (seen.has(dkey) || ignore.keys.has(dkey) || hubKeys.has(dkey) || largeKeys.has(dkey)) continue;
      seen.add(dkey);
      const rids = domainPosting.all(id.domain as string, limit);
      if (rids.length >= DEFAULT_HUB_RULES.minReports) {
        const cats = db.prepare(`SELECT count(DISTINCT category) FROM report WHERE rid IN (SELECT value FROM json_each(?))`).pluck().get(JSON.stringify(rids)) as number;
        if (isHubByCounts({ reports: rids.length, categories: cats, precincts: 0 }, total)) return null;
      }
      if (rids.length > MAX_WEAK_POSTING) largeKeys.add(dkey);
      else for (const r of rids) touched.add(r);
    }
  }
  // Text candidates: near-duplicates need the same category and TIME_WINDOW_DAYS to count (or a
  // shared weak value, found above), so stored signatures are read by category and day only.
  const windowRows = db.prepare<[string, number, number], [number, Buffer]>('SELECT rid, sig FROM text_sig WHERE category = ? AND day BETWEEN ? AND ?').raw();
  const byCategory = new Map<string, number[]>();
  for (let i = 0; i < fresh.n; i++) {
    if (fresh.hasText[i] !== 1 || !Number.isFinite(fresh.reportedMs[i] as number)) continue;
    const cat = fresh.categories[fresh.category[i] as number] as string;
    const list = byCategory.get(cat);
    if (list) list.push(i);
    else byCategory.set(cat, [i]);
  }
  const other = new Uint32Array(SIGNATURE_BINS);
  for (const [cat, list] of byCategory) {
    list.sort((x, y) => (fresh.reportedMs[x] as number) - (fresh.reportedMs[y] as number));
    const near = new Map<number, number[]>();
    // Merged day intervals: overlapping windows are read once.
    let k = 0;
    while (k < list.length) {
      const from = Math.floor((fresh.reportedMs[list[k] as number] as number) / DAY) - TIME_WINDOW_DAYS;
      let to = from + 2 * TIME_WINDOW_DAYS;
      let j = k;
      while (j + 1 < list.length && Math.floor((fresh.reportedMs[list[j + 1] as number] as number) / DAY) - TIME_WINDOW_DAYS <= to) {
        j++;
        to = Math.floor((fresh.reportedMs[list[j] as number] as number) / DAY) + TIME_WINDOW_DAYS;
      }
      for (const [rid, sig] of windowRows.all(cat, from, to)) {
        other.set(new Uint32Array(sig.buffer.slice(sig.byteOffset, sig.byteOffset + sig.byteLength)));
        for (let x = k; x <= j; x++) {
          const i = list[x] as number;
          if (similarity(fresh.sig, i * SIGNATURE_BINS, other, 0) < TEXT_SIMILARITY) continue;
          const found = near.get(i);
          if (found) found.push(rid);
          else near.set(i, [rid]);
        }
      }
      k = j + 1;
    }
    // A text with too many near-duplicates is a template judged common: no candidates from it.
    for (const rids of near.values()) if (rids.length <= MAX_TEXT_BUCKET) for (const r of rids) touched.add(r);
  }
  // A series holding a changed (updated or withdrawn) report may split: it is relinked whole.
  // Any other series a change touches can only grow or merge, so only its touched reports are
  // loaded; the engine is told they are already one group, and how many more reports it has.
  const memberOf = db.prepare<[string], [number, string]>('SELECT rid, series_id FROM series_member WHERE rid IN (SELECT value FROM json_each(?))').raw();
  const seriesOfTouched = new Map(memberOf.all(JSON.stringify([...touched])));
  const heavySeries = new Set<string>();
  for (const r of changed) {
    const s = seriesOfTouched.get(r);
    if (s !== undefined) heavySeries.add(s);
  }
  const heavyMembers = db.prepare('SELECT rid FROM series_member WHERE series_id IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify([...heavySeries])) as number[];
  const replace = new Set<number>([...changed, ...heavyMembers]);
  for (const r of heavyMembers) touched.add(r);
  const c = loadCorpus(db, JSON.stringify([...touched]));
  const partial: string[] = [];
  const partialIndex = new Map<string, number>();
  const label = new Int32Array(c.n).fill(-1);
  for (let i = 0; i < c.n; i++) {
    const s = seriesOfTouched.get(c.rid[i] as number);
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
  const result = runEngine(c, {
    ...base,
    ignore,
    detectHubs: false,
    knownHubs: hubKeys,
    largeValues: largeKeys,
    blockedBands,
    totalReports: total,
    knownGroups: { label, hiddenMembers },
  });
  return {
    reports: c.n,
    changed: changed.length,
    write: () => {
      writeIncremental(db, c, result, { replace, heavySeries, partial, label, hiddenMembers, changed: new Set(changed) }, runId, rule);
      db.prepare('DELETE FROM link_dirty').run();
    },
  };
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
}

function writeIncremental(db: Db, c: Corpus, result: EngineResult, scope: IncrementalScope, runId: number, rule: ThresholdRule): void {
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
  const replaceJson = JSON.stringify([...scope.replace]);
  const priorRows = db.prepare('SELECT r.id, m.series_id FROM series_member m JOIN report r ON r.rid = m.rid WHERE m.rid IN (SELECT value FROM json_each(?))').raw().all(JSON.stringify([...c.rid])) as [string, string][];
  const priorOf = new Map(priorRows);
  const sizeStmt = db.prepare<[string], number>('SELECT size FROM series WHERE id = ?').pluck();
  const takenStmt = db.prepare<[string], { id: string }>('SELECT id FROM series WHERE id = ?');
  const ids = assignSeriesIds(
    groups.map((g): Group => ({ members: g.members.map((i) => c.ids[i] as string), hidden: g.hidden })),
    { seriesOf: (r) => priorOf.get(r), sizeOf: (s) => sizeStmt.get(s) ?? 0, taken: (s) => takenStmt.get(s) !== undefined },
  );

  // Two statements: with OR, SQLite would scan the whole table instead of using both indexes.
  db.prepare('DELETE FROM link WHERE a IN (SELECT value FROM json_each(?))').run(replaceJson);
  db.prepare('DELETE FROM link WHERE b IN (SELECT value FROM json_each(?))').run(replaceJson);
  db.prepare('DELETE FROM series_member WHERE rid IN (SELECT value FROM json_each(?))').run(replaceJson);
  // Reports of a partly loaded series keep their rows; links between two of them are stored already.
  const fixed = (i: number): boolean => (scope.label[i] as number) >= 0 && !scope.replace.has(c.rid[i] as number);
  const rows: string[] = [];
  const keep = (a: number, b: number): boolean => !fixed(a) || !fixed(b);
  const st = result.strong;
  for (let k = 0; k < st.count; k++) {
    if (!keep(st.a[k] as number, st.b[k] as number)) continue;
    const parts: string[] = [];
    for (let j = st.start[k] as number; j < (st.start[k + 1] as number); j++) {
      const v = st.vals[j] as number;
      const { kind, value } = splitKey(c.valueKeys[v] as string);
      parts.push(JSON.stringify({ type: 'identifier', kind, value, weight: c.valueWeight[v] }));
    }
    rows.push(`[${c.rid[st.a[k] as number] as number},${c.rid[st.b[k] as number] as number},${parts.length},1,[${parts.join(',')}]]`);
  }
  for (const l of result.weakLinks) {
    if (!keep(l.a, l.b)) continue;
    const x = c.rid[l.a] as number;
    const y = c.rid[l.b] as number;
    rows.push(`[${Math.min(x, y)},${Math.max(x, y)},${l.weight},0,${JSON.stringify(l.evidence)}]`);
  }
  bulkJson(db, 'INSERT OR REPLACE INTO link (a, b, weight, strong, evidence) SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value -> 4 FROM json_each(?)', rows);

  const members: string[] = [];
  const relabel = db.prepare('UPDATE series_member SET series_id = ? WHERE series_id = ?');
  const live = new Set<string>();
  groups.forEach((g, k) => {
    const id = ids[k] as string;
    live.add(id);
    for (const i of g.members) if (!fixed(i)) members.push(`[${c.rid[i] as number},"${id}"]`);
    for (const s of g.hidden.keys()) if (s !== id) relabel.run(id, s);
  });
  bulkJson(db, 'INSERT INTO series_member (rid, series_id) SELECT value ->> 0, value ->> 1 FROM json_each(?)', members);

  // Figures of every series this run touched, from its whole membership.
  const memberRows = db.prepare<[string], [string, number | null, number | null, string | null]>(
    'SELECT r.id, r.reported_ms, r.loss_cents, r.currency FROM series_member m JOIN report r ON r.rid = m.rid WHERE m.series_id = ?',
  ).raw();
  const upsert = upsertSeriesStmt(db);
  for (const id of live) {
    const rows = memberRows.all(id).map(([rid, ms, cents, currency]): LossRow => ({ id: rid, reportedMs: ms ?? Number.NaN, lossCents: cents ?? 0, currency }));
    upsert.run(seriesFigures(id, rows, rule, runId));
  }
  const retire = db.prepare('UPDATE series SET active = 0, size = 0, updated_run = ? WHERE id = ? AND active = 1');
  for (const s of [...scope.heavySeries, ...scope.partial]) if (!live.has(s)) retire.run(runId, s);
  writeSignatures(db, c, scope.changed);
}

/** Add or remove an investigator's ignore-list entry; the reports it touches relink at the next run. */
export function setIgnored(db: Db, entry: IgnoreEntry, ignored: boolean, now: () => string = () => new Date().toISOString()): void {
  db.transaction(() => {
    if (ignored) db.prepare('INSERT OR REPLACE INTO ignore_value (kind, value, note, added_at) VALUES (?, ?, ?, ?)').run(entry.kind, entry.value, entry.note ?? null, now());
    else db.prepare('DELETE FROM ignore_value WHERE kind = ? AND value = ?').run(entry.kind, entry.value);
    const sql =
      entry.kind === 'domain'
        ? 'INSERT OR IGNORE INTO link_dirty (rid) SELECT rid FROM identifier WHERE domain = ?'
        : 'INSERT OR IGNORE INTO link_dirty (rid) SELECT rid FROM identifier WHERE kind = ? AND value = ?';
    if (entry.kind === 'domain') db.prepare(sql).run(entry.value);
    else db.prepare(sql).run(entry.kind, entry.value);
  })();
}
