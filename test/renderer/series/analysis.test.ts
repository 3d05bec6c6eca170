import { describe, expect, it } from 'vitest';
import type { SeriesGraph, SeriesReport } from '../../../src/common/api';
import { parseRoute, routeHref } from '../../../src/renderer/src/app/routes';
import { bucketEnd } from '../../../src/renderer/src/overview/buckets';
import { barAxis, centsToAmount, lossSeries } from '../../../src/renderer/src/series/cumulative';
import { graphElements, identifierSize, kindCounts, reportSize } from '../../../src/renderer/src/series/graph-model';
import {
  DEFAULT_SERIES_FILTERS,
  parseSeriesFilters,
  seriesFiltersToSearch,
  seriesQueryOf,
} from '../../../src/renderer/src/series/series-filters';

describe('analysis routes', () => {
  it('parse and build the overview, the series list with its filters, and a series', () => {
    expect(parseRoute('#/overview')).toEqual({ view: 'overview' });
    expect(parseRoute('#/series/S-12%2F3')).toEqual({ view: 'series-detail', id: 'S-12/3' });
    expect(routeHref({ view: 'series-detail', id: 'S-12/3' })).toBe('#/series/S-12%2F3');
    const route = parseRoute('#/series?over=1&cat=loan,bogus&status=filed&sort=reports&dir=asc&q=138&page=3');
    expect(route).toEqual({
      view: 'series',
      filters: {
        text: '138',
        overOnly: true,
        togetherOnly: false,
        categories: ['loan'],
        status: 'filed',
        sort: 'reports',
        desc: false,
        page: 3,
      },
    });
    expect(routeHref(route)).toBe('#/series?q=138&over=1&cat=loan&status=filed&sort=reports&dir=asc&page=3');
    // The overview's figure of series reached only together opens this list.
    const together = parseRoute('#/series?together=1');
    expect(together).toEqual({ view: 'series', filters: { ...DEFAULT_SERIES_FILTERS, togetherOnly: true } });
    expect(routeHref(together)).toBe('#/series?together=1');
    expect(seriesQueryOf({ ...DEFAULT_SERIES_FILTERS, togetherOnly: true })).toEqual({ onlyTogether: true, offset: 0, limit: 100 });
    expect(parseSeriesFilters(new URLSearchParams('together=yes')).togetherOnly).toBe(false);
    expect(routeHref({ view: 'series', filters: DEFAULT_SERIES_FILTERS })).toBe('#/series');
  });

  it('drop malformed filter values and leave the default order to the backend', () => {
    const filters = parseSeriesFilters(new URLSearchParams('sort=nonsense&status=maybe&page=-2'));
    expect(filters).toEqual(DEFAULT_SERIES_FILTERS);
    expect(seriesQueryOf(filters)).toEqual({ offset: 0, limit: 100 });
    expect(seriesFiltersToSearch({ ...DEFAULT_SERIES_FILTERS, sort: 'id', desc: false })).toBe('sort=id');
    expect(seriesQueryOf({ ...DEFAULT_SERIES_FILTERS, overOnly: true, page: 2 })).toEqual({ overThreshold: true, offset: 100, limit: 100 });
  });
});

describe('overview buckets', () => {
  it('end a day, a week and a month where they end', () => {
    expect(bucketEnd('2024-02-10', 'day')).toBe('2024-02-10');
    expect(bucketEnd('2024-02-26', 'week')).toBe('2024-03-03');
    expect(bucketEnd('2024-02-01', 'month')).toBe('2024-02-29');
  });
});

function report(
  id: string,
  reportedAt: string,
  amount: string | null,
  victimKey: string,
  currency = 'CNY',
  occurredAt: string | null = null,
): SeriesReport {
  return {
    id,
    reportedAt,
    occurredAt,
    category: 'loan',
    loss: amount === null ? null : { amount, currency },
    summary: '',
    victimKey,
    messages: 0,
  };
}

describe('loss series', () => {
  const threshold = { amount: '5000.00', currency: 'CNY' };
  const reports = [
    report('R3', '2024-03-03T10:00:00+08:00', '2500.00', 'v1'),
    report('R1', '2024-03-01T10:00:00+08:00', '1999.99', 'v1'),
    report('R2', '2024-03-02T10:00:00+08:00', '0.01', 'v2'),
    report('R4', '2024-03-04T10:00:00+08:00', '100', 'v3', 'USD'),
    report('R5', '2024-03-05T10:00:00+08:00', null, 'v2'),
  ];

  it('sums in cents in time order and finds the report that crossed the threshold', () => {
    const s = lossSeries(reports, threshold, null);
    expect(s.points.map((p) => p.reportId)).toEqual(['R1', 'R2', 'R3', 'R4', 'R5']);
    expect(s.points.map((p) => centsToAmount(p.totalCents))).toEqual(['1999.99', '2000.00', '4500.00', '4500.00', '4500.00']);
    expect(s.crossing).toBeNull();
    expect(s.otherCurrency).toBe(1);
    const over = lossSeries([...reports, report('R6', '2024-03-06T09:00:00+08:00', '500.00', 'v4')], threshold, null);
    expect(over.crossing?.reportId).toBe('R6');
    expect(centsToAmount(over.crossing?.totalCents ?? 0)).toBe('5000.00');
  });

  it('runs on the threshold window’s time line: when each fraud happened, else when it was reported', () => {
    const s = lossSeries(
      [
        report('A', '2024-03-10T10:00:00+08:00', '1000.00', 'v1', 'CNY', '2024-03-01T10:00:00+08:00'),
        report('B', '2024-03-05T10:00:00+08:00', '1000.00', 'v2'),
        report('C', '2024-03-20T10:00:00+08:00', '3000.00', 'v3', 'CNY', '2024-02-01T10:00:00+08:00'),
      ],
      threshold,
      null,
    );
    expect(s.points.map((p) => [p.reportId, p.at])).toEqual([
      ['C', '2024-02-01T10:00:00+08:00'],
      ['A', '2024-03-01T10:00:00+08:00'],
      ['B', '2024-03-05T10:00:00+08:00'],
    ]);
    // In the order the frauds happened, B takes the total to the threshold (by report dates C would).
    expect(s.crossing).toMatchObject({ reportId: 'B', at: '2024-03-05T10:00:00+08:00', totalCents: 500000 });
  });

  it('takes the backend’s crossing report when it names one, and groups by victim and category', () => {
    const s = lossSeries(reports, threshold, 'R3');
    expect(s.crossing?.reportId).toBe('R3');
    expect(s.byVictim[0]).toEqual({ victimKey: 'v1', cents: 449999, reports: 2 });
    expect(s.byCategory).toEqual([{ category: 'loan', cents: 450000, reports: 5 }]);
  });
});

describe('graph elements', () => {
  const graph: SeriesGraph = {
    trimmed: false,
    nodes: [
      {
        id: 'r:A',
        type: 'report',
        reportId: 'A',
        category: 'loan',
        reportedAt: '2024-01-01',
        loss: { amount: '10000.00', currency: 'CNY' },
      },
      { id: 'r:B', type: 'report', reportId: 'B', category: 'loan', reportedAt: '2024-01-02', loss: null },
      { id: 'r:X', type: 'report', reportId: 'X', category: 'loan', reportedAt: '2024-01-03', loss: null },
      { id: 'i:phone:13800000000', type: 'identifier', kind: 'phone', value: '13800000000', storeReports: 3, hub: false, ignored: false },
      {
        id: 'i:url:http://a-very-long-domain-name.example/path',
        type: 'identifier',
        kind: 'url',
        value: 'http://a-very-long-domain-name.example/path',
        storeReports: 900,
        hub: true,
        ignored: false,
      },
    ],
    edges: [
      { id: 'h1', type: 'has', source: 'r:A', target: 'i:phone:13800000000', origin: 'reported', wrong: false },
      { id: 'h2', type: 'has', source: 'r:B', target: 'i:phone:13800000000', origin: 'message', wrong: true },
      { id: 'h3', type: 'has', source: 'r:X', target: 'i:phone:13800000000', origin: 'reported', wrong: false },
      {
        id: 'l1',
        type: 'link',
        source: 'r:A',
        target: 'r:B',
        weight: 4,
        strong: false,
        evidence: [{ type: 'identifier', kind: 'phone', value: '13800000000', weight: 4 }],
      },
    ],
  };
  const elements = graphElements({ graph, seriesReports: new Set(['A', 'B']), crossingReport: 'A', labels: { kind: (k) => `<${k}>` } });
  const byId = new Map(elements.map((e) => [e.data.id, e]));

  it('style nodes by kind with a kind label, and mark hubs, outside reports and the crossing report', () => {
    expect(byId.get('r:A')?.classes).toBe('report crossing');
    expect(byId.get('r:X')?.classes).toBe('report outside');
    expect(byId.get('i:phone:13800000000')?.classes).toBe('ident kind-phone');
    expect(byId.get('i:phone:13800000000')?.data['label']).toBe('<phone> 13800000000');
    const hub = byId.get('i:url:http://a-very-long-domain-name.example/path');
    expect(hub?.classes).toBe('ident kind-url hub');
    expect(String(hub?.data['label']).endsWith('…')).toBe(true);
    expect(byId.get('h2')?.classes).toBe('has wrong');
    expect(byId.get('l1')?.classes).toBe('link weak');
  });

  it('size reports by loss and identifiers by degree, and count kinds', () => {
    expect(byId.get('r:A')?.data['size']).toBe(reportSize('10000.00'));
    expect(reportSize('10000.00')).toBeGreaterThan(reportSize(null));
    expect(byId.get('i:phone:13800000000')?.data['size']).toBe(identifierSize(3));
    expect(identifierSize(10_000)).toBe(64);
    expect(kindCounts(graph)).toEqual([
      { kind: 'phone', count: 1 },
      { kind: 'url', count: 1 },
    ]);
  });
});

describe('bar chart value axis', () => {
  it('is linear from 0, or logarithmic from half the smallest loss, ignoring bars of no loss', () => {
    expect(barAxis([3000, 6_000_000], false)).toEqual({ scale: 'linear', domain: [0, 'auto'] });
    expect(barAxis([3000, 0, 6_000_000], true)).toEqual({ scale: 'log', domain: [1500, 'auto'] });
    expect(barAxis([0], true)).toEqual({ scale: 'log', domain: [1, 'auto'] });
  });
});
