// Collection nodes: nodes of one kind with exactly the same neighbours fold into one node with
// their count and exact sum; edges to a collection merge; ids stay the same when the graph is
// fetched again with more members; opened collections draw their members; off folds nothing.
import { describe, expect, it } from 'vitest';
import {
  findCollections,
  foldElements,
  selectedMembers,
  type FoldElement,
  type FoldOptions,
} from '../../../src/renderer/src/series/graph-collections';

const node = (id: string, kind: string, cents = 0): FoldElement => ({ group: 'nodes', data: { id, kind, cents } });
const edge = (source: string, target: string, type = 'has'): FoldElement => ({
  group: 'edges',
  data: { id: `${type}:${source}>${target}`, source, target, type },
});

function options(open: ReadonlySet<string> = new Set(), enabled = true): FoldOptions<FoldElement> {
  return {
    enabled,
    open,
    kindOf: (n) => (n.data['kind'] === 'never' ? null : String(n.data['kind'])),
    weightOf: (n) => Number(n.data['cents']),
    defines: (e) => e.data['type'] === 'has',
    edgeKind: (e) => String(e.data['type']),
    collectionNode: (c, members) => ({ group: 'nodes', data: { id: c.id, count: members.length, cents: c.weight } }),
    mergedEdge: (id, source, target, edges) => ({ group: 'edges', data: { id, source, target, count: edges.length } }),
  };
}

/** Six reports naming only card C (losses 1.01 … 6.06), two naming C and phone P, one linked to r1. */
function graph(extra = 0): FoldElement[] {
  const out: FoldElement[] = [node('C', 'card'), node('P', 'phone')];
  for (let i = 1; i <= 6 + extra; i++) out.push(node(`r${i}`, 'report', 101 * i), edge(`r${i}`, 'C'));
  out.push(node('x1', 'report', 5), node('x2', 'report', 7), edge('x1', 'C'), edge('x1', 'P'), edge('x2', 'C'), edge('x2', 'P'));
  out.push(node('o', 'report'), edge('o', 'P'), edge('r1', 'o', 'link'), edge('r2', 'o', 'link'), edge('r3', 'r4', 'link'));
  return out;
}

const drawnNodes = (els: readonly FoldElement[]) => els.filter((e) => e.group === 'nodes').map((e) => e.data.id);
const drawnEdges = (els: readonly FoldElement[]) => els.filter((e) => e.group === 'edges');

describe('collection nodes', () => {
  it('groups nodes of one kind with exactly the same neighbours, with exact counts and sums', () => {
    const found = findCollections(graph(), { ...options(), minSize: 5 });
    expect(found).toHaveLength(1);
    const c = found[0]!;
    expect(c.kind).toBe('report');
    expect(c.members).toEqual(['r1', 'r2', 'r3', 'r4', 'r5', 'r6']);
    expect(c.neighbours).toEqual(['C']);
    expect(c.weight).toBe(101 + 202 + 303 + 404 + 505 + 606);
    expect(c.open).toBe(false);
    // x1 and x2 share C and P, but two are fewer than five; with a lower threshold they fold too.
    const small = findCollections(graph(), { ...options(), minSize: 2 });
    expect(small.map((s) => s.members)).toEqual([
      ['r1', 'r2', 'r3', 'r4', 'r5', 'r6'],
      ['x1', 'x2'],
    ]);
  });

  it('never groups across kinds, nodes without neighbours or nodes that must stay themselves', () => {
    const els = [
      node('C', 'card'),
      ...['a', 'b', 'c', 'd', 'e'].flatMap((id, k) => [node(id, k < 3 ? 'report' : 'phone'), edge(id, 'C')]),
      ...['l1', 'l2', 'l3', 'l4', 'l5'].map((id) => node(id, 'report')),
      ...['n1', 'n2', 'n3', 'n4', 'n5'].flatMap((id) => [node(id, 'never'), edge(id, 'C')]),
    ];
    expect(findCollections(els, { ...options(), minSize: 2 }).map((c) => c.members)).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e'],
    ]);
  });

  it('tells paying into an account from being paid by it', () => {
    const els = [node('X', 'acct'), ...['a', 'b', 'c'].flatMap((id) => [node(id, 'acct'), edge(id, 'X')])];
    els.push(node('d', 'acct'), node('e', 'acct'), edge('X', 'd'), edge('X', 'e'));
    expect(findCollections(els, { ...options(), minSize: 2 }).map((c) => c.members)).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e'],
    ]);
  });

  it('draws a folded collection in place of its members, with its edges merged and internal ones gone', () => {
    const folded = foldElements(graph(), { ...options(), minSize: 5 });
    const c = folded.collections[0]!;
    const nodes = drawnNodes(folded.elements);
    expect(nodes).toEqual(['C', 'P', 'x1', 'x2', 'o', c.id]);
    const col = folded.elements.find((e) => e.data.id === c.id)!;
    expect(col.data['count']).toBe(6);
    expect(col.data['cents']).toBe(2121);
    const edges = drawnEdges(folded.elements);
    // Six 'has' edges to C become one; r1→o and r2→o become one link; r3→r4 is inside the collection.
    const toC = edges.filter((e) => e.data.source === c.id && e.data.target === 'C');
    expect(toC.map((e) => e.data['count'])).toEqual([6]);
    const toO = edges.filter((e) => e.data.source === c.id && e.data.target === 'o');
    expect(toO.map((e) => e.data['count'])).toEqual([2]);
    expect(edges.some((e) => e.data.source === c.id && e.data.target === c.id)).toBe(false);
    expect(edges).toHaveLength(1 + 1 + 4 + 1);
    expect(folded.drawnAs.get('r5')).toBe(c.id);
    expect(folded.drawnAs.get('x1')).toBe('x1');
    expect(selectedMembers(folded.collections, c.id)).toEqual(['r1', 'r2', 'r3', 'r4', 'r5', 'r6']);
    expect(selectedMembers(folded.collections, 'x1')).toEqual(['x1']);
  });

  it('keeps a collection’s id when it gains members, so an opened collection stays open', () => {
    const first = foldElements(graph(), { ...options(), minSize: 5 }).collections[0]!;
    const again = foldElements(graph(3), { ...options(new Set([first.id])), minSize: 5 });
    expect(again.collections[0]!.id).toBe(first.id);
    expect(again.collections[0]!.members).toHaveLength(9);
    expect(again.collections[0]!.open).toBe(true);
    expect(drawnNodes(again.elements)).toContain('r9');
    expect(drawnNodes(again.elements)).not.toContain(first.id);
    expect(again.elements).toHaveLength(graph(3).length);
    // Another neighbour set is another collection.
    const other = findCollections(
      [node('D', 'card'), ...['a', 'b', 'c', 'd', 'e'].flatMap((id) => [node(id, 'report'), edge(id, 'D')])],
      options(),
    );
    expect(other[0]!.id).not.toBe(first.id);
    expect(first.id).toMatch(/^col:[0-9a-f]{16}$/);
  });

  it('folds nothing when switched off', () => {
    const off = foldElements(graph(), { ...options(new Set(), false), minSize: 5 });
    expect(off.elements).toHaveLength(graph().length);
    expect(off.collections.every((c) => c.open)).toBe(true);
  });
});
