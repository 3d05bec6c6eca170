// The engine's second stage: series links, carried by identifier evidence alone. A value that
// reaches SERIES_BITS for any two reports of one category ties them as a star (k−1 edges, never
// k² pairs); the pairs of small postings are weighed one by one, their values summed. The groups
// they form (with an incremental run's known groups) are the series.
import type { Corpus } from './corpus';
import { EdgeList, pairA, pairB, pairKey } from './link-graph';
import { categoryBits, identifierBits, SERIES_BITS, WEAK_CLASSES, type LinkModel } from './model';
import type { EngineOverrides } from './overrides';
import type { PairScorer } from './pair-score';
import type { Postings } from './postings';
import type { Tick } from './progress';
import { UnionFind } from './union-find';

/** What the series stage reads: the postings and their weights, and the corrections. */
export interface SeriesInput {
  readonly c: Corpus;
  readonly p: Postings;
  readonly dead: Uint8Array;
  /** Distinct groups carrying each value. */
  readonly groups: Int32Array;
  readonly model: LinkModel;
  readonly scorer: PairScorer;
  readonly cls: (v: number) => string;
  /** Postings larger than this are not weighed pair by pair. */
  readonly maxWeak: number;
  /** Values known to be larger than maxWeak in the whole store (incremental runs). */
  readonly largeValues?: ReadonlySet<string> | undefined;
  readonly knownGroups?: { readonly label: Int32Array; readonly hiddenMembers: Int32Array } | undefined;
  readonly overrides?: EngineOverrides | undefined;
  /** Whether report r takes no part (standing alone, or the value is marked wrong for it). */
  readonly skipped: (r: number, drop: ReadonlySet<number> | undefined) => boolean;
  readonly tick: Tick;
  readonly every: number;
}

export interface SeriesLinks {
  /** Series links, one edge per (pair, value term). */
  readonly strong: EdgeList;
  /** Candidate pairs of small postings with their terms (value id × 4 + origin), series or not. */
  readonly pairs: Map<number, number[]>;
  /** Values of postings too large to pair, found in this corpus. */
  readonly largeKeys: string[];
  /** The groups the series links form. */
  readonly uf: UnionFind;
}

export const isIdentifierClass = (cls: string): boolean => cls !== 'domain';
export const isStrongClass = (cls: string): boolean => isIdentifierClass(cls) && !WEAK_CLASSES.has(cls);

/** Stars and candidate pairs per value. */
function valueLinks(input: SeriesInput): Omit<SeriesLinks, 'uf'> {
  const { c, p, dead, groups, model, cls, maxWeak, tick, every, skipped } = input;
  const { nv, start, report, origin } = p;
  const ov = input.overrides;
  const strong = new EdgeList();
  const pairs = new Map<number, number[]>();
  const largeKeys: string[] = [];
  const sameBits = categoryBits(model, 'same');
  const anchors = new Map<number, number>();
  for (let v = 0; v < nv; v++) {
    if (v % every === 0) tick('strong', v, nv);
    if (dead[v] === 1) continue;
    const from = start[v] as number;
    const to = start[v + 1] as number;
    const size = to - from;
    let large = false;
    if (size > maxWeak) {
      large = true;
      largeKeys.push(c.valueKeys[v] as string);
    } else if (input.largeValues?.has(c.valueKeys[v] as string)) large = true;
    if (size < 2) continue;
    const drop = ov?.dropped.get(v);
    const forbid = ov?.forbidden.get(v);
    // Which origins tie any two same-category reports alone.
    const eligible = [false, false, false];
    if (isStrongClass(cls(v)))
      for (let o = 0; o < 3; o++)
        eligible[o] = identifierBits(model, cls(v), o as 0 | 1 | 2, groups[v] as number) + sameBits >= SERIES_BITS;
    let all = true;
    anchors.clear();
    for (let k = from; k < to; k++) {
      const r = report[k] as number;
      if (skipped(r, drop)) continue;
      if (!eligible[origin[k] as number]) {
        all = false;
        continue;
      }
      const cat = c.category[r] as number;
      const anchor = anchors.get(cat);
      if (anchor === undefined) anchors.set(cat, k);
      else if (forbid === undefined || !forbid.has(pairKey(report[anchor] as number, r)))
        strong.push(report[anchor] as number, r, v * 4 + Math.max(origin[anchor] as number, origin[k] as number));
      else all = false;
    }
    // Pairs weighed one by one: across categories, or where the star did not reach every report.
    if ((anchors.size > 1 || !all) && !large) {
      for (let x = from; x < to; x++) {
        const ra = report[x] as number;
        if (skipped(ra, drop)) continue;
        for (let y = x + 1; y < to; y++) {
          const rb = report[y] as number;
          if (skipped(rb, drop)) continue;
          if (c.category[ra] === c.category[rb] && eligible[origin[x] as number] && eligible[origin[y] as number]) continue;
          const key = pairKey(ra, rb);
          if (forbid?.has(key)) continue;
          const term = v * 4 + Math.max(origin[x] as number, origin[y] as number);
          const list = pairs.get(key);
          if (list) list.push(term);
          else pairs.set(key, [term]);
        }
      }
    }
  }
  return { strong, pairs, largeKeys };
}

/** Series links and the groups they form: the known groups of an incremental run, the stars, then the pairs that reach SERIES_BITS. */
export function seriesLinks(input: SeriesInput): SeriesLinks {
  const { c, scorer, cls, tick, every } = input;
  const links = valueLinks(input);
  const { strong, pairs } = links;
  const uf = new UnionFind(c.n);
  if (input.knownGroups) {
    const { label, hiddenMembers } = input.knownGroups;
    const first = new Map<number, number>();
    for (let i = 0; i < c.n; i++) {
      const l = label[i] as number;
      if (l < 0) continue;
      const f = first.get(l);
      if (f === undefined) first.set(l, i);
      else uf.union(f, i);
    }
    for (const [l, f] of first) uf.addHidden(f, hiddenMembers[l] as number);
  }
  for (let k = 0; k < strong.length; k++) uf.union(strong.a[k] as number, strong.b[k] as number);
  let judged = 0;
  for (const [key, terms] of pairs) {
    if (judged++ % every === 0) tick('weighing', judged, pairs.size);
    const a = pairA(key);
    const b = pairB(key);
    if (scorer.seriesBits(a, b, terms) < SERIES_BITS) continue;
    for (const t of terms) if (isIdentifierClass(cls(t >> 2))) strong.push(a, b, t);
    uf.union(a, b);
  }
  return { ...links, uf };
}
