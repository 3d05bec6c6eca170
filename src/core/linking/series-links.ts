// The engine's second stage: series links, carried by identifier evidence alone. A value that
// reaches SERIES_BITS for any two reports of one category ties them as a star (k−1 edges, never
// k² pairs); the pairs of small postings are weighed one by one, their values summed. The groups
// they form (with an incremental run's known groups) are the series.
import { findBridges } from './bridges';
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
  /** Pairs (pair keys) whose series link a bridge value alone carried: held back as leads. */
  readonly bridged: ReadonlyMap<number, Bridged>;
}

/** A link held back: the bridge value and the reports on each side it separates. */
export interface Bridged {
  readonly value: number;
  readonly sides: readonly number[];
}

export const isIdentifierClass = (cls: string): boolean => cls !== 'domain';
export const isStrongClass = (cls: string): boolean => isIdentifierClass(cls) && !WEAK_CLASSES.has(cls);

/** Stars and candidate pairs per value. */
function valueLinks(input: SeriesInput): Omit<SeriesLinks, 'uf' | 'bridged'> {
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

/**
 * Series links and the groups they form: the stars and the pairs that reach SERIES_BITS, less the
 * links only a bridge value carries (bridges.ts: they become candidates for suggestions), joined
 * with the known groups of an incremental run.
 */
export function seriesLinks(input: SeriesInput): SeriesLinks {
  const { c, scorer, cls, tick, every } = input;
  const links = valueLinks(input);
  const { strong: found, pairs } = links;
  let judged = 0;
  for (const [key, terms] of pairs) {
    if (judged++ % every === 0) tick('weighing', judged, pairs.size);
    const a = pairA(key);
    const b = pairB(key);
    if (scorer.seriesBits(a, b, terms) < SERIES_BITS) continue;
    for (const t of terms) if (isIdentifierClass(cls(t >> 2))) found.push(a, b, t);
  }
  const hidden = input.knownGroups ? knownWeights(c.n, input.knownGroups) : undefined;
  const { held, bridges } = findBridges({
    n: c.n,
    strong: found,
    category: c.category,
    ...(input.knownGroups && hidden ? { label: input.knownGroups.label, weight: hidden } : {}),
  });
  const strong = bridges.length === 0 ? found : new EdgeList();
  const heldPairs = new Map<number, number[]>();
  if (bridges.length > 0)
    for (let k = 0; k < found.length; k++) {
      const a = found.a[k] as number;
      const b = found.b[k] as number;
      const t = found.v[k] as number;
      if (held[k] === 0) {
        strong.push(a, b, t);
        continue;
      }
      const key = pairKey(a, b);
      const list = heldPairs.get(key);
      if (list) list.push(t);
      else heldPairs.set(key, [t]);
    }
  // A held link is weighed again as a lead; a pair of a small posting already is one.
  for (const [key, terms] of heldPairs) if (!pairs.has(key)) pairs.set(key, terms);
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
  const sides = new Map<number, readonly number[]>();
  for (const br of bridges) if (!sides.has(br.value)) sides.set(br.value, br.sides);
  const bridged = new Map<number, Bridged>();
  for (const [key, terms] of heldPairs) {
    const value = (terms[0] as number) >> 2;
    bridged.set(key, { value, sides: sides.get(value) ?? [] });
  }
  return { ...links, strong, uf, bridged };
}

/** Per report the hidden members it stands for: a known group's first loaded report carries them. */
function knownWeights(n: number, known: { readonly label: Int32Array; readonly hiddenMembers: Int32Array }): Int32Array {
  const w = new Int32Array(n);
  const seen = new Set<number>();
  for (let i = 0; i < n; i++) {
    const l = known.label[i] as number;
    if (l < 0 || seen.has(l)) continue;
    seen.add(l);
    w[i] = known.hiddenMembers[l] as number;
  }
  return w;
}
