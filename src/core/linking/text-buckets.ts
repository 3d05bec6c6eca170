// Near-duplicate message texts: MinHash signatures banded (LSH) and salted with the category, so
// that candidates meet only within one category; buckets larger than a limit are templates judged
// common and pair nothing.
import type { Corpus } from './corpus';
import { TEXT_SIMILARITY } from './evidence';
import { pairKey } from './link-graph';
import { BANDS, bandKeys } from './lsh';
import { SIGNATURE_BINS, similarity } from './minhash';
import { DEFAULT_CHECK_EVERY } from './progress';
import type { UnionFind } from './union-find';

/** Every LSH bucket of message texts (bands salted with the category), as lists of report indexes. */
function forEachBucket(
  c: Corpus,
  blocked: ReadonlySet<number> | undefined,
  isolated: Uint8Array | undefined,
  visit: (members: number[], bucket: number) => void,
  tick?: (done: number, total: number) => void,
  every = DEFAULT_CHECK_EVERY,
): void {
  let m = 0;
  for (let i = 0; i < c.n; i++) if (c.hasText[i] === 1) m += 1;
  const keys = new Float64Array(m * BANDS);
  const bands = new Int32Array(BANDS);
  const salts = c.categories.map(categorySalt);
  let k = 0;
  for (let i = 0; i < c.n; i++) {
    if (c.hasText[i] !== 1 || isolated?.[i] === 1) continue;
    bandKeys(c.sig, i * SIGNATURE_BINS, bands);
    for (let b = 0; b < BANDS; b++) {
      const salted = saltBand(bands[b] as number, salts[c.category[i] as number] as number);
      if (blocked?.has(salted)) continue;
      keys[k++] = salted * 4194304 + i;
    }
  }
  const sorted = keys.subarray(0, k).sort();
  let x = 0;
  let checked = 0;
  const members: number[] = [];
  while (x < sorted.length) {
    if (tick && x >= checked) {
      tick(x, sorted.length);
      checked = x + every;
    }
    const bucket = Math.floor((sorted[x] as number) / 4194304);
    let y = x + 1;
    while (y < sorted.length && Math.floor((sorted[y] as number) / 4194304) === bucket) y++;
    members.length = 0;
    for (let q = x; q < y; q++) members.push((sorted[q] as number) % 4194304);
    visit(members, bucket);
    x = y;
  }
}

/** Near-duplicate texts between groups, with the distinct groups of the bucket they met in. */
export function textCandidates(
  c: Corpus,
  uf: UnionFind,
  maxBucket: number,
  blockedBands: ReadonlySet<number> | undefined,
  isolated: Uint8Array | undefined,
  tick: (stage: string, done: number, total: number | null) => void,
  every: number,
): { sim: Map<number, number>; groups: Map<number, number>; blocked: number[]; buckets: number; multi: number } {
  const sim = new Map<number, number>();
  const groups = new Map<number, number>();
  const blocked: number[] = [];
  let buckets = 0;
  let multi = 0;
  forEachBucket(
    c,
    blockedBands,
    isolated,
    (members, bucket) => {
      if (members.length > maxBucket) {
        blocked.push(bucket);
        return;
      }
      if (members.length < 2) return;
      const roots = new Set<number>();
      for (const r of members) roots.add(uf.find(r));
      buckets++;
      if (roots.size >= 3) multi++;
      if (roots.size < 2) return;
      for (let p = 0; p < members.length; p++) {
        const ra = members[p] as number;
        const root = uf.find(ra);
        for (let q = p + 1; q < members.length; q++) {
          const rb = members[q] as number;
          // Only near-duplicates between groups matter; a pair met in several bands keeps the
          // smallest bucket it met in (the least common template).
          if (uf.find(rb) === root) continue;
          const key = pairKey(ra, rb);
          const known = groups.get(key);
          if (known !== undefined) {
            if (roots.size < known) groups.set(key, roots.size);
            continue;
          }
          const s = similarity(c.sig, ra * SIGNATURE_BINS, c.sig, rb * SIGNATURE_BINS);
          if (s >= TEXT_SIMILARITY) {
            sim.set(key, s);
            groups.set(key, roots.size);
          }
        }
      }
    },
    (done, total) => tick('text buckets', done, total),
    every,
  );
  return { sim, groups, blocked, buckets, multi };
}

/** A stable per-category salt: text candidates meet only within one category. */
export function categorySalt(category: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < category.length; i++) h = Math.imul(h ^ category.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A band key salted with its category, as kept in the store's text_band table (31 bits). */
export function saltBand(band: number, salt: number): number {
  return (Math.imul(band ^ salt, 0x165667b1) >>> 1) >>> 0;
}
