// What an incremental run must relink: the reports that share a usable value, or a near-duplicate
// text, with the changed ones, read from the store's covering indexes; and what the last full run
// learnt about the whole store (hubs, values and text buckets too large to pair).
import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { Db } from '../store/db';
import { keyOf, type Corpus, type IdentifierRow } from './corpus';
import { domainCounts, identifierWeight, TEXT_SIMILARITY, TIME_WINDOW_DAYS } from './evidence';
import { capOf, isHubByCount } from './hubs';
import type { IgnoreList } from './ignore-list';
import type { IncrementalLimits } from './incremental';
import { BANDS, bandKeys } from './lsh';
import { SIGNATURE_BINS, similarity } from './minhash';
import type { Tick } from './progress';
import { categorySalt, saltBand } from './text-buckets';

const DAY = 86_400_000;
export interface Context {
  readonly db: Db;
  readonly ignore: IgnoreList;
  /** Reference sites: no evidence, so never read or counted as hubs. */
  readonly isReference: (key: string) => boolean;
  readonly tick: Tick;
  readonly every: number;
}

export interface Known {
  /** Hubs the last full run found by their counts (ignored values are the ignore list's to say). */
  readonly hubs: Set<string>;
  /** Values and text buckets the last full run found too large to pair. */
  readonly large: Set<string>;
  readonly blockedBands: Set<number>;
  /** The store's size at the last full run: hub shares are judged against it (counting is not free). */
  readonly total: number;
}

export function knownValues(db: Db): Known {
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
export function touchBySharedValues(
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
export function touchByValues(ctx: Context, keys: readonly [string, string][], known: Known, touched: Set<number>): boolean {
  const { db, ignore } = ctx;
  const limit = Math.floor(capOf(known.total)) + 1;
  const { value: holders, domain: domainHolders } = liveHolders(db);
  // A value that weighs nothing (an app name, a service number, a masked card) links nothing, however
  // many reports hold it: its holders need no relink. Its weight follows from one stored row.
  const facts = db
    .prepare<[string, string], [string | null, string | null]>(
      'SELECT subtype, domain FROM identifier WHERE kind = ? AND value = ? LIMIT 1',
    )
    .raw();
  for (const [kind, value] of keys) {
    const key = keyOf(kind, value);
    if (ignore.keys.has(key) || known.hubs.has(key) || ctx.isReference(key)) continue;
    if (kind !== 'domain') {
      const row = facts.get(kind, value);
      if (row === undefined || identifierWeight({ kind, value, subtype: row[0] }) <= 0) continue;
    }
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
export function touchByText(
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
