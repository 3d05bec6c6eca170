// Disjoint sets over report indexes, in one Int32Array: path halving and union by size keep
// every operation near-constant, with no per-element objects even at millions of reports.
export class UnionFind {
  private readonly parent: Int32Array;
  private readonly size: Int32Array;

  constructor(n: number) {
    this.parent = new Int32Array(n);
    this.size = new Int32Array(n).fill(1);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }

  find(x: number): number {
    const p = this.parent;
    let i = x;
    while (p[i] !== i) {
      const gp = p[p[i] as number] as number;
      p[i] = gp;
      i = gp;
    }
    return i;
  }

  /** Joins the sets of a and b; returns false when they were already one set. */
  union(a: number, b: number): boolean {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return false;
    if ((this.size[ra] as number) < (this.size[rb] as number)) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    this.size[ra] = (this.size[ra] as number) + (this.size[rb] as number);
    return true;
  }

  /** Counts `extra` members outside the arrays (reports not loaded) in x's set. */
  addHidden(x: number, extra: number): void {
    const r = this.find(x);
    this.size[r] = (this.size[r] as number) + extra;
  }

  sizeOf(x: number): number {
    return this.size[this.find(x)] as number;
  }
}
