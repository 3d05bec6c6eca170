// The engine's third stage: suggestions. Every candidate pair between two groups — weaker
// identifier evidence from small postings, near-identical text — is scored with all its terms
// (time, brand and sender too); between two groups the best pair at SUGGESTION_BITS or more is a
// suggestion, unless an investigator rejected one between them. Suggestions never join anything.
import { pairA, pairB, pairKey, type Link } from './link-graph';
import { SUGGESTION_BITS } from './model';
import type { PairScorer } from './pair-score';
import type { Tick } from './progress';
import type { UnionFind } from './union-find';

export interface TextCandidates {
  /** Near-duplicate pairs (pair keys) and their similarity. */
  readonly sim: ReadonlyMap<number, number>;
  /** Per near-duplicate pair, the fewest groups of a bucket it met in. */
  readonly groups: ReadonlyMap<number, number>;
}

export function suggestions(
  uf: UnionFind,
  scorer: PairScorer,
  pairs: ReadonlyMap<number, readonly number[]>,
  text: TextCandidates,
  rejected: readonly (readonly [number, number])[],
  tick: Tick,
  every: number,
): Link[] {
  const best = new Map<number, Link>();
  const consider = (key: number, terms: readonly number[] | undefined): void => {
    const a = pairA(key);
    const b = pairB(key);
    const ga = uf.find(a);
    const gb = uf.find(b);
    if (ga === gb) return;
    const sim = text.sim.get(key);
    const scored = scorer.suggestion(
      a,
      b,
      terms ?? [],
      sim === undefined ? undefined : { similarity: sim, groups: text.groups.get(key) as number },
    );
    if (scored.weight < SUGGESTION_BITS) return;
    const gk = pairKey(ga, gb);
    const held = best.get(gk);
    if (
      held === undefined ||
      scored.weight > held.weight ||
      (scored.weight === held.weight && (a < held.a || (a === held.a && b < held.b)))
    )
      best.set(gk, scored);
  };
  let judged = 0;
  const candidates = pairs.size + text.sim.size;
  for (const [key, terms] of pairs) {
    if (judged++ % every === 0) tick('suggestions', judged, candidates);
    consider(key, terms);
  }
  for (const key of text.sim.keys()) {
    if (judged++ % every === 0) tick('suggestions', judged, candidates);
    if (!pairs.has(key)) consider(key, undefined);
  }
  const refused = new Set<number>();
  for (const [a, b] of rejected) refused.add(pairKey(uf.find(a), uf.find(b)));
  const out = [...best].filter(([gk]) => !refused.has(gk)).map(([, l]) => l);
  out.sort((x, y) => y.weight - x.weight || x.a - y.a || x.b - y.b);
  return out;
}
