// The money flow's drawing model: exact cents, widths by amount, layers left to right with cash
// last, and a Sankey whose links carry the trace's figures per layer.
import { describe, expect, it } from 'vitest';
import type { SeriesFlow } from '../../../src/common/api';
import {
  CASH_NODE,
  cents,
  edgeWidth,
  flowElements,
  foldFlowElements,
  sankeyData,
  shortAccount,
  timelineData,
} from '../../../src/renderer/src/flow/flow-model';

const flow: SeriesFlow = {
  seriesId: 'S-1',
  cards: ['6222021234567890128'],
  accounts: [
    { account: '6222021234567890128', layer: 0, received: '5000.00', sent: '4900.00', cashOut: '0.00', holder: null, requested: true },
    { account: '6217000012345678907', layer: 1, received: '3000.00', sent: '0.00', cashOut: '3000.00', holder: null, requested: true },
    { account: '6228480012345678906', layer: 1, received: '1900.00', sent: '100.00', cashOut: '0.00', holder: null, requested: false },
  ],
  edges: [
    { from: '6222021234567890128', to: '6217000012345678907', amount: '3000.00', count: 1, first: '', last: '' },
    { from: '6222021234567890128', to: '6228480012345678906', amount: '1900.00', count: 2, first: '', last: '' },
    { from: '6228480012345678906', to: '6222021234567890128', amount: '100.00', count: 1, first: '', last: '' },
  ],
  totals: { entered: '5000.00', cashOut: '3000.00', retained: '2000.00', beyond: '0.00' },
  transactions: [],
  toRequest: [],
  shared: [],
};

describe('money flow drawing model', () => {
  it('reads decimal amounts exactly and scales widths by amount', () => {
    expect(cents('1234.5')).toBe(123450);
    expect(cents('-0.07')).toBe(-7);
    expect(cents('19999999.99')).toBe(1999999999);
    expect(edgeWidth(0, 100)).toBe(1.5);
    expect(edgeWidth(100, 100)).toBeCloseTo(14);
    expect(edgeWidth(10, 100)).toBeLessThan(edgeWidth(50, 100));
    expect(shortAccount('6222021234567890128')).toBe('6222…0128');
  });

  it('lays accounts out by layer, largest first, with cash in the last column', () => {
    const els = flowElements(flow, 'cash');
    const nodes = els.filter((e) => e.group === 'nodes');
    const x = (id: string): number => nodes.find((n) => n.data['id'] === id)?.position?.x ?? NaN;
    expect(x('6222021234567890128')).toBeLessThan(x('6217000012345678907'));
    expect(x('6217000012345678907')).toBe(x('6228480012345678906'));
    expect(x(CASH_NODE)).toBeGreaterThan(x('6217000012345678907'));
    const layer1 = nodes.filter((n) => n.data['layer'] === 1).map((n) => n.data['id']);
    expect(layer1).toEqual(['6217000012345678907', '6228480012345678906']);
    const edges = els.filter((e) => e.group === 'edges');
    expect(edges).toHaveLength(4);
    expect(edges.find((e) => e.data['cashOut'] === true)?.data['source']).toBe('6217000012345678907');
  });

  it('sums the Sankey per layer, forward only, to cash', () => {
    const s = sankeyData(flow, { payers: 'payers', layer: (l) => `L${l}`, cash: 'cash' });
    expect(s.nodes.map((n) => n.name)).toEqual(['payers', 'L0', 'L1', 'cash']);
    expect(s.links).toEqual([
      { source: 0, target: 1, value: 5000 },
      { source: 1, target: 2, value: 4900 },
      { source: 2, target: 3, value: 3000 },
    ]);
  });

  it('folds cards of one layer paying only into the same account into a collection with their summed receipts, stacked again', () => {
    // Six read cards of layer 0 each paying 100.01 … 600.06 into one layer-1 card, which cashes out.
    const hub = '6217000012345678907';
    const payers = Array.from({ length: 6 }, (_, k) => `62220212345678${String(90100 + k)}`);
    const big: SeriesFlow = {
      ...flow,
      cards: payers,
      accounts: [
        ...payers.map((a, k) => ({
          account: a,
          layer: 0,
          received: `${(k + 1) * 100}.0${k + 1}`,
          sent: '0.00',
          cashOut: '0.00',
          holder: null,
          requested: true,
        })),
        { account: hub, layer: 1, received: '2100.21', sent: '0.00', cashOut: '2100.21', holder: null, requested: true },
      ],
      edges: payers.map((a, k) => ({ from: a, to: hub, amount: `${(k + 1) * 100}.0${k + 1}`, count: 1, first: '', last: '' })),
    };
    const label = (count: number, received: string) => `${count} · ${received}`;
    const folded = foldFlowElements(big, 'cash', { enabled: true, open: new Set() }, label);
    const c = folded.collections[0]!;
    expect(c.members).toEqual([...payers].sort());
    const nodes = folded.elements.filter((e) => e.group === 'nodes');
    expect(nodes.map((n) => n.data.id).sort()).toEqual([c.id, CASH_NODE, hub].sort());
    const col = nodes.find((n) => n.data.id === c.id)!;
    expect(col.data['label']).toBe('6 · 2100.21');
    expect(col.position).toEqual({ x: 0, y: 0 });
    const into = folded.elements.filter((e) => e.group === 'edges' && e.data.target === hub);
    expect(into.map((e) => [e.data.source, e.data['amount'], e.data['count']])).toEqual([[c.id, '2100.21', 6]]);
    // Opened (the id is stable), every card is drawn again.
    const opened = foldFlowElements(big, 'cash', { enabled: true, open: new Set([c.id]) }, label);
    expect(opened.elements.filter((e) => e.group === 'nodes')).toHaveLength(8);
  });

  it('sums the transactions per day, the selected accounts’ part apart', () => {
    const txns = [
      { from: 'A', to: 'B', amount: '100.10', at: '2025-03-02T01:00:00Z', cash: false, summary: null },
      { from: 'B', to: null, amount: '50.05', at: '2025-03-01T09:00:00Z', cash: true, summary: null },
      { from: 'C', to: 'D', amount: '0.20', at: '2025-03-02T05:00:00Z', cash: false, summary: null },
    ];
    const day = (iso: string) => iso.slice(0, 10);
    expect(timelineData(txns, new Set(['B']), day)).toEqual([
      { day: '2025-03-01', amount: 50.05, selected: 50.05, count: 1 },
      { day: '2025-03-02', amount: 100.3, selected: 100.1, count: 2 },
    ]);
    expect(timelineData(txns, null, day).map((d) => d.selected)).toEqual([0, 0]);
  });
});
