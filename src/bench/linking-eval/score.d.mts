// Types of score.mjs, for the TypeScript tests that import it.
export class UnionFind {
  find(x: string): string;
  union(a: string, b: string): boolean;
}
export interface Scores {
  reports: number;
  groups: number;
  pairs: { system: number; truth: number; correct: number; false: number };
  pairwise: { p: number | null; r: number | null; f1: number | null };
  bcubed: { p: number | null; r: number | null; f1: number | null };
}
export function score(
  ids: readonly string[],
  truthOf: (id: string) => string | undefined,
  systemOf: (id: string) => string | undefined,
): Scores;
export function unionOnValues(ids: readonly string[], rows: readonly (readonly [string, string])[]): Map<string, string>;
export interface Suggestion {
  id: string;
  series?: readonly [string, string];
  reports: readonly [string, string];
}
export function oracleMerge(
  seriesOf: ReadonlyMap<string, string>,
  suggestions: readonly Suggestion[],
  truthOf: (id: string) => string | undefined,
): { clusters: Map<string, string>; accepted: number; rejected: number; decisions: { id: string; accept: boolean }[] };
