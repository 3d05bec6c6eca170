// Scores a clustering of reports against a truth: pairwise and B-cubed precision, recall and
// F1, from the contingency of (truth cluster, system cluster) counts. Plus the union-find the
// baselines and the oracle investigator use.

export class UnionFind {
  #parent = new Map();
  find(x) {
    let p = this.#parent.get(x);
    if (p === undefined) {
      this.#parent.set(x, x);
      return x;
    }
    let root = x;
    while (p !== root) {
      root = p;
      p = this.#parent.get(root);
    }
    while (x !== root) {
      const next = this.#parent.get(x);
      this.#parent.set(x, root);
      x = next;
    }
    return root;
  }
  union(a, b) {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.#parent.set(rb, ra);
    return ra !== rb;
  }
}

const pairs = (n) => (n * (n - 1)) / 2;
const f1 = (p, r) => (p === null || r === null ? null : p + r === 0 ? 0 : (2 * p * r) / (p + r));

/**
 * ids: the reports scored; truthOf(id) and systemOf(id): their cluster keys (any strings).
 * Pairwise precision is null when the system puts no two reports together, recall null when the
 * truth has no two reports together.
 */
export function score(ids, truthOf, systemOf) {
  const t = new Map();
  const s = new Map();
  const ts = new Map();
  for (const id of ids) {
    const a = truthOf(id);
    const b = systemOf(id);
    if (a === undefined || b === undefined) throw new Error(`report ${id} has no cluster`);
    t.set(a, (t.get(a) ?? 0) + 1);
    s.set(b, (s.get(b) ?? 0) + 1);
    const k = `${a}\u0000${b}`;
    ts.set(k, (ts.get(k) ?? 0) + 1);
  }
  let tp = 0;
  let bp = 0;
  let br = 0;
  for (const [k, n] of ts) {
    tp += pairs(n);
    const [a, b] = k.split('\u0000');
    bp += (n * n) / s.get(b);
    br += (n * n) / t.get(a);
  }
  let sysPairs = 0;
  for (const n of s.values()) sysPairs += pairs(n);
  let truthPairs = 0;
  for (const n of t.values()) truthPairs += pairs(n);
  const N = ids.length;
  const pp = sysPairs === 0 ? null : tp / sysPairs;
  const pr = truthPairs === 0 ? null : tp / truthPairs;
  const bP = N === 0 ? null : bp / N;
  const bR = N === 0 ? null : br / N;
  let groups = 0;
  for (const n of s.values()) if (n > 1) groups++;
  return {
    reports: N,
    groups,
    pairs: { system: sysPairs, truth: truthPairs, correct: tp, false: sysPairs - tp },
    pairwise: { p: pp, r: pr, f1: f1(pp, pr) },
    bcubed: { p: bP, r: bR, f1: f1(bP, bR) },
  };
}

/** Union on shared values: rows of [reportId, key]; returns report id → cluster key. */
export function unionOnValues(ids, rows) {
  const uf = new UnionFind();
  const first = new Map();
  for (const [id, key] of rows) {
    const seen = first.get(key);
    if (seen === undefined) first.set(key, id);
    else uf.union(seen, id);
  }
  const out = new Map();
  for (const id of ids) out.set(id, uf.find(id));
  return out;
}

/**
 * The oracle investigator: starting from the engine's series (report id → series id), accepts
 * every suggestion whose two reports are one truth cluster and rejects the rest; an acceptance
 * makes the suggestion's two series one. Returns the new report → cluster map and the counts.
 */
export function oracleMerge(seriesOf, suggestions, truthOf) {
  const uf = new UnionFind();
  let accepted = 0;
  let rejected = 0;
  const decisions = [];
  for (const sg of suggestions) {
    const [a, b] = sg.reports;
    const ok = truthOf(a) !== undefined && truthOf(a) === truthOf(b);
    decisions.push({ id: sg.id, accept: ok });
    if (!ok) {
      rejected++;
      continue;
    }
    accepted++;
    const [sa, sb] = sg.series ?? [seriesOf.get(a), seriesOf.get(b)];
    uf.union(sa ?? seriesOf.get(a), sb ?? seriesOf.get(b));
  }
  const out = new Map();
  for (const [id, series] of seriesOf) out.set(id, uf.find(series));
  return { clusters: out, accepted, rejected, decisions };
}
