// Clustering quality against the truth: pairwise precision/recall/F1 (over pairs of reports put
// together) and B-cubed precision/recall/F1 (per report, averaged). Every report is in exactly one
// predicted cluster and one true cluster; singletons count as clusters of one.

export interface Scores {
  readonly pairwise: { readonly precision: number; readonly recall: number; readonly f1: number };
  readonly bcubed: { readonly precision: number; readonly recall: number; readonly f1: number };
}

const f1 = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
const pairs = (n: number): number => (n * (n - 1)) / 2;

export function score(predicted: readonly (string | number)[], truth: readonly (string | number)[]): Scores {
  const pSize = new Map<string | number, number>();
  const tSize = new Map<string | number, number>();
  const cell = new Map<string, number>();
  predicted.forEach((p, i) => {
    const t = truth[i] as string | number;
    pSize.set(p, (pSize.get(p) ?? 0) + 1);
    tSize.set(t, (tSize.get(t) ?? 0) + 1);
    const k = `${p}\u0000${t}`;
    cell.set(k, (cell.get(k) ?? 0) + 1);
  });
  let tp = 0;
  for (const n of cell.values()) tp += pairs(n);
  let predPairs = 0;
  for (const n of pSize.values()) predPairs += pairs(n);
  let truePairs = 0;
  for (const n of tSize.values()) truePairs += pairs(n);
  let bp = 0;
  let br = 0;
  predicted.forEach((p, i) => {
    const t = truth[i] as string | number;
    const both = cell.get(`${p}\u0000${t}`) as number;
    bp += both / (pSize.get(p) as number);
    br += both / (tSize.get(t) as number);
  });
  const n = predicted.length || 1;
  const pp = predPairs === 0 ? 1 : tp / predPairs;
  const pr = truePairs === 0 ? 1 : tp / truePairs;
  return {
    pairwise: { precision: pp, recall: pr, f1: f1(pp, pr) },
    bcubed: { precision: bp / n, recall: br / n, f1: f1(bp / n, br / n) },
  };
}
