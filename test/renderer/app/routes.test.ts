import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref, type Route } from '../../../src/renderer/src/app/routes';
import { DEFAULT_FILTERS, filtersToSearch, parseFilters, toReportQuery } from '../../../src/renderer/src/reports/report-filters';

describe('routes', () => {
  it('parses every view', () => {
    expect(parseRoute('')).toEqual({ view: 'root' });
    expect(parseRoute('#/')).toEqual({ view: 'root' });
    expect(parseRoute('#/welcome')).toEqual({ view: 'welcome' });
    expect(parseRoute('#/reports')).toEqual({ view: 'reports', filters: DEFAULT_FILTERS });
    expect(parseRoute('#/reports/RPT-2017-0000123')).toEqual({ view: 'report', id: 'RPT-2017-0000123' });
    expect(parseRoute('#/import')).toEqual({ view: 'import' });
    expect(parseRoute('#/import/quarantine?page=3')).toEqual({ view: 'quarantine', page: 3 });
    expect(parseRoute('#/settings')).toEqual({ view: 'settings' });
    expect(parseRoute('#/sources')).toEqual({ view: 'sources' });
    expect(parseRoute('#/nowhere')).toEqual({ view: 'not-found', path: '/nowhere' });
  });

  it('decodes report ids and rejects broken escapes', () => {
    expect(parseRoute('#/reports/a%2Fb%20c')).toEqual({ view: 'report', id: 'a/b c' });
    expect(parseRoute('#/reports/%E0%A4%A')).toEqual({ view: 'not-found', path: '/reports/%E0%A4%A' });
  });

  it('ignores a bad page number', () => {
    expect(parseRoute('#/import/quarantine?page=0')).toEqual({ view: 'quarantine', page: 1 });
    expect(parseRoute('#/import/quarantine?page=x')).toEqual({ view: 'quarantine', page: 1 });
  });

  it('builds addresses that parse back to the same route', () => {
    const routes: Route[] = [
      { view: 'root' },
      { view: 'welcome' },
      { view: 'reports', filters: DEFAULT_FILTERS },
      {
        view: 'reports',
        filters: {
          ...DEFAULT_FILTERS,
          text: '验证码 链接',
          categories: ['loan', 'fake_prize'],
          from: '2017-01-01',
          to: '2017-12-31',
          minLoss: '100',
          maxLoss: '5000.5',
          includeWithdrawn: true,
          sort: 'loss',
          desc: false,
        },
      },
      { view: 'report', id: 'RPT/1 #2' },
      { view: 'import' },
      { view: 'quarantine', page: 1 },
      { view: 'quarantine', page: 7 },
      { view: 'sources' },
      { view: 'settings' },
    ];
    for (const route of routes) expect(parseRoute(routeHref(route))).toEqual(route);
  });
});

describe('report filters in the address', () => {
  it('leaves defaults out', () => {
    expect(filtersToSearch(DEFAULT_FILTERS)).toBe('');
    expect(filtersToSearch({ ...DEFAULT_FILTERS, sort: 'id', desc: false })).toBe('sort=id');
    expect(filtersToSearch({ ...DEFAULT_FILTERS, sort: 'id', desc: true })).toBe('sort=id&dir=desc');
  });

  it('drops malformed values', () => {
    const f = parseFilters(new URLSearchParams('cat=loan,bogus&from=2017-13-01&to=2017-02-28&min=1.234&max=abc&sort=evil&withdrawn=yes'));
    expect(f.categories).toEqual(['loan']);
    expect(f.from).toBe('');
    expect(f.to).toBe('2017-02-28');
    expect(f.minLoss).toBe('');
    expect(f.maxLoss).toBe('');
    expect(f.sort).toBe('reported_at');
    expect(f.desc).toBe(true);
    expect(f.includeWithdrawn).toBe(false);
  });

  it('keeps categories in a canonical order', () => {
    expect(parseFilters(new URLSearchParams('cat=other,loan')).categories).toEqual(['loan', 'other']);
  });

  it('becomes a reports.query with only the filters set', () => {
    expect(toReportQuery(DEFAULT_FILTERS, 200, 200)).toEqual({ sort: 'reported_at', desc: true, offset: 200, limit: 200 });
    expect(toReportQuery({ ...DEFAULT_FILTERS, text: '刷单', categories: ['loan'], minLoss: '10', includeWithdrawn: true }, 0, 50)).toEqual(
      {
        text: '刷单',
        categories: ['loan'],
        minLoss: '10',
        includeWithdrawn: true,
        sort: 'reported_at',
        desc: true,
        offset: 0,
        limit: 50,
      },
    );
  });
});
