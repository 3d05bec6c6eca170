// Evidence between pairs of reports. Shared strong values become star edges (every report
// sharing a value is tied to the first one of the same category: k-1 edges, never k² pairs);
// weak evidence is summed per candidate pair, candidates coming from small postings of weak
// values and from LSH buckets of message text.

/**
 * One term of the evidence on a link or a suggestion, as stored (JSON) and shown by `casegraph
 * explain`: `weight` is its contribution in bits (model.ts).
 */
export type Evidence =
  | {
      readonly type: 'identifier';
      readonly kind: string;
      readonly value: string;
      readonly weight: number;
      readonly origin?: 'reported' | 'message' | 'narrative';
      readonly groups?: number;
    }
  | { readonly type: 'domain'; readonly domain: string; readonly weight: number }
  | { readonly type: 'text'; readonly similarity: number; readonly weight: number; readonly groups?: number }
  | { readonly type: 'category_time'; readonly category: string; readonly days: number; readonly weight: number }
  | { readonly type: 'category'; readonly same: boolean; readonly category: string; readonly weight: number }
  | { readonly type: 'brand'; readonly brand: string; readonly weight: number; readonly groups?: number }
  | { readonly type: 'sender'; readonly pattern: string; readonly weight: number }
  | { readonly type: 'prior'; readonly groups: number; readonly weight: number }
  /**
   * The pair's identifier is the only tie between two groups that other evidence holds together
   * (bridges.ts): reports on each side, largest first. A lead, never a series link.
   */
  | { readonly type: 'bridge'; readonly sides: readonly number[]; readonly weight: number }
  /** An investigator's merge (link_override): joined whatever the evidence says. */
  | { readonly type: 'correction'; readonly correction: number; readonly weight: number };

export interface Link {
  /** Report indexes in the corpus, a < b. */
  readonly a: number;
  readonly b: number;
  /** Bits: the prior and every term, summed. */
  readonly weight: number;
  /** True when identifier evidence carries the link (a series link); false for a suggestion. */
  readonly strong: boolean;
  readonly evidence: readonly Evidence[];
}

/** Pairs of report indexes as one number (indexes below 2^22 = 4,194,304 reports). */
export const MAX_REPORTS = 1 << 22;
export const pairKey = (a: number, b: number): number => (a < b ? a * MAX_REPORTS + b : b * MAX_REPORTS + a);
export const pairA = (key: number): number => Math.floor(key / MAX_REPORTS);
export const pairB = (key: number): number => key % MAX_REPORTS;

/** Strong edges in three growable columns: (a, b, value id). */
export class EdgeList {
  a: Int32Array = new Int32Array(1024);
  b: Int32Array = new Int32Array(1024);
  v: Int32Array = new Int32Array(1024);
  length = 0;

  push(a: number, b: number, v: number): void {
    if (this.length === this.a.length) {
      const grow = (x: Int32Array): Int32Array => {
        const y = new Int32Array(x.length * 2);
        y.set(x);
        return y;
      };
      this.a = grow(this.a);
      this.b = grow(this.b);
      this.v = grow(this.v);
    }
    const k = this.length++;
    this.a[k] = a < b ? a : b;
    this.b[k] = a < b ? b : a;
    this.v[k] = v;
  }

  /** Edge indexes grouped by pair: sorted by (a, b) with a counting sort on a. */
  order(n: number): Int32Array {
    const count = new Int32Array(n + 1);
    for (let k = 0; k < this.length; k++) count[(this.a[k] as number) + 1]! += 1;
    for (let i = 0; i < n; i++) count[i + 1]! += count[i] as number;
    const out = new Int32Array(this.length);
    for (let k = 0; k < this.length; k++) out[count[this.a[k] as number]!++] = k;
    // Within one a, few edges: insertion sort by b.
    let start = 0;
    while (start < out.length) {
      const a = this.a[out[start] as number] as number;
      let end = start + 1;
      while (end < out.length && this.a[out[end] as number] === a) end++;
      for (let x = start + 1; x < end; x++) {
        const e = out[x] as number;
        const key = this.b[e] as number;
        let y = x - 1;
        while (y >= start && (this.b[out[y] as number] as number) > key) {
          out[y + 1] = out[y] as number;
          y--;
        }
        out[y + 1] = e;
      }
      start = end;
    }
    return out;
  }
}
