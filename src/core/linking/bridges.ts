// Bridges: one value that alone ties two groups of reports, each group held together by other
// evidence. A payee card rented to a second gang, or a phone a gang lent out, looks exactly like
// this: two well-tied groups that share that value and nothing else. Pair by pair the value is
// strong evidence, but it is one value against everything else the two groups hold apart, so it
// does not join them into one series: its links between the two sides become a suggestion for an
// investigator, who merges them with a reason or rejects them.
//
// In the graph of reports and values (a report joined to each value whose series links it holds;
// a pair linked by two or more values joined directly), a bridge is a value whose removal leaves
// two or more pieces of at least BRIDGE_PIECE reports each. Tarjan's articulation points in one
// depth-first pass find them, with the size of each piece a removal leaves.
import type { EdgeList } from './link-graph';

/** Each of at least two sides a bridge separates holds this many reports or more. */
export const BRIDGE_PIECE = 5;

export interface BridgeInput {
  /** Reports. */
  readonly n: number;
  /** Series links, one edge per (pair, value term = value id × 4 + origin). */
  readonly strong: EdgeList;
  /** Per report its category index (a single value ties a star within one category). */
  readonly category: ArrayLike<number>;
  /** Reports beyond each report that it stands for (an incremental run's hidden members); absent: none. */
  readonly weight?: ArrayLike<number>;
  /** Groups of reports known to be one whatever the links say (an incremental run's known groups): -1 none. */
  readonly label?: ArrayLike<number>;
  /** Smallest side, in reports, that a bridge separates (BRIDGE_PIECE). */
  readonly piece?: number;
}

export interface Bridge {
  /** Value id. */
  readonly value: number;
  /** Reports on each side the value separates, largest first. */
  readonly sides: readonly number[];
}

export interface Bridges {
  /** Per strong edge: 1 when its pair is tied only by a bridge value (the link is held back). */
  readonly held: Uint8Array;
  readonly bridges: readonly Bridge[];
}

/** The bridge values among the series links, and the edges they alone carry. */
export function findBridges(input: BridgeInput): Bridges {
  const { n, strong, category } = input;
  const piece = input.piece ?? BRIDGE_PIECE;
  const order = strong.order(n);
  // Nodes: reports 0..n-1, then one node per (value, category) tying a star.
  const valueNode = new Map<number, number>();
  const nodeValue: number[] = [];
  const from: number[] = [];
  const to: number[] = [];
  /** Per pair run in `order`: its value node, or -1 for a direct edge. */
  const runNode: number[] = [];
  const runStart: number[] = [];
  let x = 0;
  while (x < order.length) {
    const e = order[x] as number;
    const a = strong.a[e] as number;
    const b = strong.b[e] as number;
    const value = (strong.v[e] as number) >> 2;
    let single = true;
    runStart.push(x);
    while (x < order.length && strong.a[order[x] as number] === a && strong.b[order[x] as number] === b) {
      if ((strong.v[order[x] as number] as number) >> 2 !== value) single = false;
      x++;
    }
    if (single && category[a] === category[b]) {
      const key = value * 64 + ((category[a] as number) % 64);
      let node = valueNode.get(key);
      if (node === undefined) {
        node = n + nodeValue.length;
        valueNode.set(key, node);
        nodeValue.push(value);
      }
      from.push(a, b);
      to.push(node, node);
      runNode.push(node);
    } else {
      from.push(a);
      to.push(b);
      runNode.push(-1);
    }
  }
  runStart.push(order.length);
  // Known groups hold together: chain their members.
  if (input.label) {
    const last = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const l = input.label[i] as number;
      if (l < 0) continue;
      const prev = last.get(l);
      if (prev !== undefined) {
        from.push(prev);
        to.push(i);
      }
      last.set(l, i);
    }
  }
  const total = n + nodeValue.length;
  const adjacency = csr(total, from, to);
  const weightOf = (v: number): number => (v < n ? 1 + ((input.weight?.[v] as number | undefined) ?? 0) : 0);
  const cut = articulations(total, adjacency, weightOf, n, piece);
  const bridges: Bridge[] = [];
  const cutNodes = new Set<number>();
  for (const [node, sides] of cut) {
    cutNodes.add(node);
    bridges.push({ value: nodeValue[node - n] as number, sides });
  }
  const held = new Uint8Array(strong.length);
  if (cutNodes.size > 0)
    for (let r = 0; r < runNode.length; r++) {
      if (!cutNodes.has(runNode[r] as number)) continue;
      for (let k = runStart[r] as number; k < (runStart[r + 1] as number); k++) held[order[k] as number] = 1;
    }
  bridges.sort((p, q) => p.value - q.value);
  return { held, bridges };
}

interface Csr {
  readonly start: Int32Array;
  readonly next: Int32Array;
}

function csr(total: number, from: readonly number[], to: readonly number[]): Csr {
  const start = new Int32Array(total + 1);
  for (let k = 0; k < from.length; k++) {
    start[(from[k] as number) + 1]! += 1;
    start[(to[k] as number) + 1]! += 1;
  }
  for (let i = 0; i < total; i++) start[i + 1]! += start[i] as number;
  const fill = start.slice(0, total);
  const next = new Int32Array(from.length * 2);
  for (let k = 0; k < from.length; k++) {
    const a = from[k] as number;
    const b = to[k] as number;
    next[fill[a]!++] = b;
    next[fill[b]!++] = a;
  }
  return { start, next };
}

/**
 * Value nodes (index ≥ firstValue) whose removal leaves two or more pieces of at least `piece`
 * weight, with the pieces' weights (largest first). Iterative DFS: no recursion limit.
 */
function articulations(total: number, g: Csr, weightOf: (v: number) => number, firstValue: number, piece: number): Map<number, number[]> {
  const disc = new Int32Array(total).fill(-1);
  const low = new Int32Array(total);
  const sub = new Float64Array(total);
  const parent = new Int32Array(total).fill(-1);
  const cursor = new Int32Array(total);
  /** Per value node: the weights of the child subtrees its removal cuts off. */
  const cutOff = new Map<number, number[]>();
  const out = new Map<number, number[]>();
  let time = 0;
  const stack: number[] = [];
  for (let root = 0; root < total; root++) {
    if (disc[root] !== -1 || g.start[root] === g.start[root + 1]) continue;
    const candidates = new Set<number>();
    disc[root] = low[root] = time++;
    sub[root] = weightOf(root);
    cursor[root] = g.start[root] as number;
    stack.push(root);
    while (stack.length > 0) {
      const u = stack[stack.length - 1] as number;
      if ((cursor[u] as number) < (g.start[u + 1] as number)) {
        const w = g.next[cursor[u]!++] as number;
        if (disc[w] === -1) {
          parent[w] = u;
          disc[w] = low[w] = time++;
          sub[w] = weightOf(w);
          cursor[w] = g.start[w] as number;
          stack.push(w);
        } else if (w !== parent[u] && (disc[w] as number) < (low[u] as number)) low[u] = disc[w] as number;
        continue;
      }
      stack.pop();
      const p = parent[u] as number;
      if (p === -1) continue;
      if ((low[u] as number) < (low[p] as number)) low[p] = low[u] as number;
      sub[p] = (sub[p] as number) + (sub[u] as number);
      if (p >= firstValue && (low[u] as number) >= (disc[p] as number)) {
        let list = cutOff.get(p);
        if (list === undefined) {
          list = [];
          cutOff.set(p, list);
          candidates.add(p);
        }
        list.push(sub[u] as number);
      }
    }
    const whole = sub[root] as number;
    for (const node of candidates) {
      const pieces = cutOff.get(node) as number[];
      // The root's children are all pieces of their own; any other node also leaves the rest.
      const sides = node === root ? [...pieces] : [...pieces, whole - pieces.reduce((s, w) => s + w, 0)];
      if (sides.filter((w) => w >= piece).length >= 2)
        out.set(
          node,
          sides.sort((a, b) => b - a),
        );
    }
  }
  return out;
}
