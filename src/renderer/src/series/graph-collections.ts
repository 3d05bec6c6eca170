// Collection nodes: nodes of one kind that have exactly the same neighbours (forty reports naming
// only the same payee card, thirty cards paying into the same layer-1 account) fold into one node
// carrying their count and summed loss or amount; the investigator opens it into its members and
// folds it back. A collection's id comes from its kind and its neighbours, never from its members,
// so a collection keeps its id (and its open or folded state) when the graph is fetched again.
// Pure, for both the series network and the money flow graph; tested under Node.

/** A node or edge as cytoscape takes it (the fields folding reads). */
export interface FoldElement {
  readonly group: 'nodes' | 'edges';
  readonly data: Readonly<Record<string, unknown>> & { readonly id: string; readonly source?: string; readonly target?: string };
  readonly classes?: string;
  readonly position?: { readonly x: number; readonly y: number };
}

export interface Collection {
  /** Stable: from the kind and the neighbours (`col:` and 16 hex digits). */
  readonly id: string;
  /** The kind its members share (what `kindOf` answered). */
  readonly kind: string;
  /** Member node ids, sorted. */
  readonly members: readonly string[];
  /** The sum of the members' `weightOf` (integer: cents, for exact money). */
  readonly weight: number;
  /** The neighbours every member has (node ids of the unfolded graph), sorted. */
  readonly neighbours: readonly string[];
  /** Whether the investigator opened it (its members are drawn). */
  readonly open: boolean;
}

export interface FoldOptions<E extends FoldElement> {
  /** Off: nothing folds (collections are still found, all reported open). */
  readonly enabled: boolean;
  /** The fewest members a collection has (default 5). */
  readonly minSize?: number;
  /** Collection ids the investigator opened. */
  readonly open: ReadonlySet<string>;
  /** The node's kind: only nodes of one kind fold together; null: this node never folds. */
  readonly kindOf: (node: E) => string | null;
  /** What a member adds to its collection's sum (an integer, e.g. cents). */
  readonly weightOf: (node: E) => number;
  /** Whether an edge makes its ends neighbours (default: every edge). Other edges are merged but do not keep nodes apart. */
  readonly defines?: (edge: E) => boolean;
  /** The drawn collection node. */
  readonly collectionNode: (c: Collection, members: readonly E[]) => E;
  /** The one edge drawn for several between the same drawn ends (same `edgeKind`). */
  readonly mergedEdge: (id: string, source: string, target: string, edges: readonly E[]) => E;
  /** Edges of one kind between the same ends merge (default: all one kind). */
  readonly edgeKind?: (edge: E) => string;
}

export interface Folded<E extends FoldElement> {
  /** What to draw: unfolded nodes, collection nodes, edges (merged where an end is folded). */
  readonly elements: readonly E[];
  /** Every collection found (folded or opened), largest first. */
  readonly collections: readonly Collection[];
  /** The drawn node standing for each node id (itself, or its folded collection). */
  readonly drawnAs: ReadonlyMap<string, string>;
}

/** Two 32-bit FNV-1a variants over the text: 16 hex digits. */
function stableHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
    b = (b ^ (b >>> 15)) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

/** Same-neighbour groups: direction counts (paying into X is not being paid by X). */
export function findCollections<E extends FoldElement>(
  elements: readonly E[],
  options: Pick<FoldOptions<E>, 'minSize' | 'kindOf' | 'weightOf' | 'defines' | 'open' | 'enabled'>,
): Collection[] {
  const minSize = Math.max(2, options.minSize ?? 5);
  const outs = new Map<string, Set<string>>();
  const ins = new Map<string, Set<string>>();
  const nodes = new Map<string, E>();
  for (const el of elements) if (el.group === 'nodes') nodes.set(el.data.id, el);
  for (const el of elements) {
    if (el.group !== 'edges' || (options.defines && !options.defines(el))) continue;
    const { source, target } = el.data;
    if (source === undefined || target === undefined || source === target || !nodes.has(source) || !nodes.has(target)) continue;
    (outs.get(source) ?? outs.set(source, new Set()).get(source)!).add(target);
    (ins.get(target) ?? ins.set(target, new Set()).get(target)!).add(source);
  }
  const groups = new Map<string, { kind: string; members: string[]; neighbours: string[]; weight: number }>();
  for (const [id, node] of nodes) {
    const kind = options.kindOf(node);
    const out = [...(outs.get(id) ?? [])].sort();
    const into = [...(ins.get(id) ?? [])].sort();
    if (kind === null || out.length + into.length === 0) continue; // a node without neighbours stays itself
    const signature = `${kind}\u0000${out.join('\u0001')}\u0000${into.join('\u0001')}`;
    let g = groups.get(signature);
    if (!g) groups.set(signature, (g = { kind, members: [], neighbours: [...new Set([...out, ...into])].sort(), weight: 0 }));
    g.members.push(id);
    g.weight += options.weightOf(node);
  }
  const out: Collection[] = [];
  for (const [signature, g] of groups) {
    if (g.members.length < minSize) continue;
    const id = `col:${stableHash(signature)}`;
    out.push({
      id,
      kind: g.kind,
      members: g.members.sort(),
      weight: g.weight,
      neighbours: g.neighbours,
      open: !options.enabled || options.open.has(id),
    });
  }
  return out.sort((x, y) => y.members.length - x.members.length || (x.id < y.id ? -1 : 1));
}

/** The graph as drawn: folded collections in place of their members, their edges merged. */
export function foldElements<E extends FoldElement>(elements: readonly E[], options: FoldOptions<E>): Folded<E> {
  const collections = findCollections(elements, options);
  const drawnAs = new Map<string, string>();
  for (const el of elements) if (el.group === 'nodes') drawnAs.set(el.data.id, el.data.id);
  const folded = collections.filter((c) => !c.open);
  for (const c of folded) for (const m of c.members) drawnAs.set(m, c.id);
  if (folded.length === 0) return { elements, collections, drawnAs };
  const byId = new Map<string, E>();
  for (const el of elements) if (el.group === 'nodes') byId.set(el.data.id, el);
  const out: E[] = [];
  for (const el of elements) if (el.group === 'nodes' && drawnAs.get(el.data.id) === el.data.id) out.push(el);
  for (const c of folded)
    out.push(
      options.collectionNode(
        c,
        c.members.map((m) => byId.get(m) as E),
      ),
    );
  // Edges: kept where neither end folded; otherwise one per drawn ends and kind; inside a collection, none.
  const merged = new Map<string, { source: string; target: string; edges: E[] }>();
  for (const el of elements) {
    if (el.group !== 'edges') continue;
    const source = drawnAs.get(el.data.source ?? '');
    const target = drawnAs.get(el.data.target ?? '');
    if (source === undefined || target === undefined) continue;
    if (source === el.data.source && target === el.data.target) {
      out.push(el);
      continue;
    }
    if (source === target) continue;
    const key = `${source}\u0000${target}\u0000${options.edgeKind ? options.edgeKind(el) : ''}`;
    const m = merged.get(key);
    if (m) m.edges.push(el);
    else merged.set(key, { source, target, edges: [el] });
  }
  for (const [key, m] of merged) out.push(options.mergedEdge(`cole:${stableHash(key)}`, m.source, m.target, m.edges));
  return { elements: out, collections, drawnAs };
}

/** The members to show as selected for a drawn node (a collection's members, or the node itself). */
export function selectedMembers(collections: readonly Collection[], drawnId: string): readonly string[] {
  return collections.find((c) => c.id === drawnId)?.members ?? [drawnId];
}
