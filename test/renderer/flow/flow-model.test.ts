// The money flow's drawing model: exact cents, widths by amount, layers left to right with cash
// last, and a Sankey whose links carry the trace's figures per layer.
import { describe, expect, it } from 'vitest';
import type { SeriesFlow } from '../../../src/common/api';
import { CASH_NODE, cents, edgeWidth, flowElements, sankeyData, shortAccount } from '../../../src/renderer/src/flow/flow-model';

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
});
