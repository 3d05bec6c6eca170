// The money flow drawn: graph elements laid out by layer (left to right, accounts of a layer
// stacked by what they received), arrow widths by amount, and the Sankey's nodes and links from
// the payers through the layers to cash. Pure: tested under Node.

import type { SeriesFlow } from '../../../common/api';
import { centsToDecimal } from '../../../common/money';
import { foldElements, type FoldElement, type Folded } from '../series/graph-collections';

export interface FlowNodeData {
  readonly id: string;
  readonly label: string;
  readonly layer: number;
  readonly requested: boolean;
  readonly cash: boolean;
}

export interface FlowElement {
  readonly group: 'nodes' | 'edges';
  readonly data: Readonly<Record<string, string | number | boolean>>;
  readonly position?: { readonly x: number; readonly y: number };
}

export const CASH_NODE = 'cash';
const COLUMN = 260;
const ROW = 70;
/** A layer of more accounts than this is stacked in several side-by-side columns of its band. */
const MAX_ROWS = 40;
const SUB_COLUMN = 90;

/** Where the k-th of n accounts of a layer goes, given where each layer's band starts. */
function slot(bandX: number, k: number, n: number): { x: number; y: number } {
  const rows = Math.min(n, MAX_ROWS);
  return { x: bandX + Math.floor(k / rows) * SUB_COLUMN, y: ((k % rows) - (rows - 1) / 2) * ROW };
}

/** The x at which each layer's band starts (0 … deepest + 1, cash last): wide layers push the next ones right. */
function bands(counts: ReadonlyMap<number, number>, deepest: number): number[] {
  const out: number[] = [];
  let x = 0;
  for (let l = 0; l <= deepest + 1; l++) {
    out.push(x);
    x += Math.max(0, Math.ceil((counts.get(l) ?? 0) / MAX_ROWS) - 1) * SUB_COLUMN + COLUMN;
  }
  return out;
}

/** Amount in cents from a decimal string (exact: no float arithmetic on money). */
export function cents(decimal: string): number {
  const negative = decimal.startsWith('-');
  const [whole = '0', frac = ''] = decimal.replace('-', '').split('.');
  const v = Number(whole) * 100 + Number(frac.padEnd(2, '0').slice(0, 2));
  return negative ? -v : v;
}

/** Arrow width between 1.5 and 14 px, on a log scale of the amount against the largest. */
export function edgeWidth(amount: number, largest: number): number {
  if (largest <= 0 || amount <= 0) return 1.5;
  return 1.5 + 12.5 * (Math.log1p(amount) / Math.log1p(largest));
}

/** A short account label: the first four and last four digits. */
export function shortAccount(account: string): string {
  return account.length > 10 ? `${account.slice(0, 4)}…${account.slice(-4)}` : account;
}

export function flowElements(flow: SeriesFlow, cashLabel: string): FlowElement[] {
  const byLayer = new Map<number, SeriesFlow['accounts'][number][]>();
  for (const a of flow.accounts) (byLayer.get(a.layer) ?? byLayer.set(a.layer, []).get(a.layer)!).push(a);
  const out: FlowElement[] = [];
  const deepest = Math.max(0, ...byLayer.keys());
  const bandX = bands(new Map([...byLayer].map(([l, list]) => [l, list.length])), deepest);
  for (const [layer, list] of byLayer) {
    list.sort((x, y) => cents(y.received) - cents(x.received));
    list.forEach((a, k) =>
      out.push({
        group: 'nodes',
        data: { id: a.account, label: shortAccount(a.account), layer, requested: a.requested, cash: false, received: a.received },
        position: slot(bandX[layer] ?? 0, k, list.length),
      }),
    );
  }
  const largest = Math.max(1, ...flow.edges.map((e) => cents(e.amount)), ...flow.accounts.map((a) => cents(a.cashOut)));
  flow.edges.forEach((e, k) =>
    out.push({
      group: 'edges',
      data: { id: `e${k}`, source: e.from, target: e.to, amount: e.amount, count: e.count, width: edgeWidth(cents(e.amount), largest) },
    }),
  );
  const cashOuts = flow.accounts.filter((a) => cents(a.cashOut) > 0);
  if (cashOuts.length > 0) {
    out.push({
      group: 'nodes',
      data: { id: CASH_NODE, label: cashLabel, layer: deepest + 1, requested: true, cash: true },
      position: { x: bandX[deepest + 1] ?? 0, y: 0 },
    });
    cashOuts.forEach((a, k) =>
      out.push({
        group: 'edges',
        data: {
          id: `c${k}`,
          source: a.account,
          target: CASH_NODE,
          amount: a.cashOut,
          count: 0,
          width: edgeWidth(cents(a.cashOut), largest),
          cashOut: true,
        },
      }),
    );
  }
  return out;
}

export interface SankeyData {
  readonly nodes: readonly { readonly name: string }[];
  readonly links: readonly { readonly source: number; readonly target: number; readonly value: number }[];
}

/**
 * Payers → payee cards → layer 1 … → cash, summed per layer (a Sankey of single accounts is
 * unreadable past a few dozen). Values in yuan (the chart's widths), figures elsewhere exact.
 */
export function sankeyData(
  flow: SeriesFlow,
  names: { readonly payers: string; readonly layer: (l: number) => string; readonly cash: string },
): SankeyData {
  const layerOf = new Map(flow.accounts.map((a) => [a.account, a.layer]));
  const deepest = Math.max(0, ...flow.accounts.map((a) => a.layer));
  const nodes = [
    { name: names.payers },
    ...Array.from({ length: deepest + 1 }, (_, l) => ({ name: names.layer(l) })),
    { name: names.cash },
  ];
  const cashIndex = nodes.length - 1;
  const sums = new Map<string, number>();
  const add = (s: number, t: number, v: number): void => {
    if (v <= 0 || s === t) return;
    const key = `${s}>${t}`;
    sums.set(key, (sums.get(key) ?? 0) + v);
  };
  add(0, 1, cents(flow.totals.entered));
  for (const e of flow.edges) {
    const from = layerOf.get(e.from);
    const to = layerOf.get(e.to);
    // Only money moving on to a deeper layer: a Sankey has no loops.
    if (from === undefined || to === undefined || to <= from) continue;
    add(from + 1, to + 1, cents(e.amount));
  }
  for (const a of flow.accounts) add(a.layer + 1, cashIndex, cents(a.cashOut));
  const links = [...sums].map(([key, v]) => {
    const [s, t] = key.split('>').map(Number) as [number, number];
    return { source: s, target: t, value: v / 100 };
  });
  return { nodes, links };
}

/** Accounts of one layer with exactly the same counterparts fold when at least this many. */
export const FLOW_FOLD_MIN = 5;

export interface FlowFold {
  readonly enabled: boolean;
  readonly open: ReadonlySet<string>;
}

/**
 * The flow graph with its collections folded: accounts of one layer that pay into and are paid by
 * exactly the same accounts (thirty cards paying only into one layer-1 card) become one node with
 * their count and summed receipts; arrows into and out of it carry the summed amounts. Each
 * layer's column is stacked again afterwards, largest first.
 */
export function foldFlowElements(
  flow: SeriesFlow,
  cashLabel: string,
  fold: FlowFold,
  collectionLabel: (count: number, received: string) => string,
): Folded<FoldElement> {
  const elements = flowElements(flow, cashLabel) as unknown as FoldElement[];
  const largest = Math.max(1, ...flow.edges.map((e) => cents(e.amount)), ...flow.accounts.map((a) => cents(a.cashOut)));
  const folded = foldElements(elements, {
    enabled: fold.enabled,
    open: fold.open,
    minSize: FLOW_FOLD_MIN,
    kindOf: (n) =>
      n.data['cash'] === true ? null : `layer:${String(n.data['layer'])}:${n.data['requested'] === true ? 'read' : 'unread'}`,
    weightOf: (n) => cents(String(n.data['received'] ?? '0')),
    collectionNode: (c, members) => {
      const first = members[0] as FoldElement;
      return {
        group: 'nodes',
        data: {
          id: c.id,
          label: collectionLabel(c.members.length, centsToDecimal(c.weight)),
          layer: Number(first.data['layer']),
          requested: first.data['requested'] === true,
          cash: false,
          collection: true,
          count: c.members.length,
          received: centsToDecimal(c.weight),
        },
        classes: 'collection',
        ...(first.position ? { position: first.position } : {}),
      };
    },
    mergedEdge: (id, source, target, edges) => {
      const amount = edges.reduce((t, e) => t + cents(String(e.data['amount'])), 0);
      const count = edges.reduce((t, e) => t + Number(e.data['count'] ?? 0), 0);
      const cashOut = edges.some((e) => e.data['cashOut'] === true);
      return {
        group: 'edges',
        data: {
          id,
          source,
          target,
          amount: centsToDecimal(amount),
          count,
          width: edgeWidth(amount, largest),
          merged: edges.length,
          ...(cashOut ? { cashOut } : {}),
        },
      };
    },
  });
  if (folded.elements === elements) return folded;
  // Stack each layer's column again: folded members left gaps.
  const columns = new Map<number, FoldElement[]>();
  for (const el of folded.elements)
    if (el.group === 'nodes' && el.data['cash'] !== true) {
      const layer = Number(el.data['layer']);
      (columns.get(layer) ?? columns.set(layer, []).get(layer)!).push(el);
    }
  const placed = new Map<string, { x: number; y: number }>();
  const deepest = Math.max(0, ...columns.keys());
  const bandX = bands(new Map([...columns].map(([l, list]) => [l, list.length])), deepest);
  for (const [layer, list] of columns) {
    list.sort((a, b) => cents(String(b.data['received'] ?? '0')) - cents(String(a.data['received'] ?? '0')));
    list.forEach((el, k) => placed.set(el.data.id, slot(bandX[layer] ?? 0, k, list.length)));
  }
  for (const el of folded.elements) if (el.data['cash'] === true) placed.set(el.data.id, { x: bandX[deepest + 1] ?? 0, y: 0 });
  return {
    ...folded,
    elements: folded.elements.map((el) => {
      const at = placed.get(el.data.id);
      return at ? { ...el, position: at } : el;
    }),
  };
}

export interface TimelineDay {
  readonly day: string;
  /** Yuan moved that day (the chart's heights; figures elsewhere are exact). */
  readonly amount: number;
  /** Of which by or to the selected accounts. */
  readonly selected: number;
  readonly count: number;
}

/** The traced transactions per day, those touching the selected accounts apart; days in order. */
export function timelineData(
  transactions: SeriesFlow['transactions'],
  selected: ReadonlySet<string> | null,
  dayOf: (iso: string) => string,
): TimelineDay[] {
  const days = new Map<string, { all: number; sel: number; count: number }>();
  for (const t of transactions) {
    const day = dayOf(t.at);
    const d = days.get(day) ?? days.set(day, { all: 0, sel: 0, count: 0 }).get(day)!;
    const c = cents(t.amount);
    d.all += c;
    d.count += 1;
    if (selected && ((t.from !== null && selected.has(t.from)) || (t.to !== null && selected.has(t.to)))) d.sel += c;
  }
  return [...days]
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([day, d]) => ({ day, amount: d.all / 100, selected: d.sel / 100, count: d.count }));
}

/** The investigator's local day of an instant, YYYY-MM-DD. */
export function localDay(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
