import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref, type Route } from '../../../src/renderer/src/app/routes';
import { NO_AUDIT_FILTERS, parseSeriesIds } from '../../../src/renderer/src/cases/case-routes';
import { formatBytes } from '../../../src/renderer/src/format/bytes';

describe('case-file and audit addresses', () => {
  it('parses the case views', () => {
    expect(parseRoute('#/cases')).toEqual({ view: 'cases', status: null });
    expect(parseRoute('#/cases?status=filed')).toEqual({ view: 'cases', status: 'filed' });
    expect(parseRoute('#/cases?status=bogus')).toEqual({ view: 'cases', status: null });
    expect(parseRoute('#/cases/new')).toEqual({ view: 'case-new', series: [] });
    expect(parseRoute('#/cases/new?series=S-0001')).toEqual({ view: 'case-new', series: ['S-0001'] });
    expect(parseRoute('#/cases/new?series=S-1,S-2&series=S-3')).toEqual({ view: 'case-new', series: ['S-1', 'S-2', 'S-3'] });
    expect(parseRoute('#/cases/C-7')).toEqual({ view: 'case', id: 'C-7' });
  });

  it('parses audit filters and drops malformed dates and pages', () => {
    expect(parseRoute('#/audit')).toEqual({ view: 'audit', filters: NO_AUDIT_FILTERS });
    expect(parseRoute('#/audit?action=reveal&actor=wang&q=RPT&from=2017-01-01&to=2017-1-2&page=0')).toEqual({
      view: 'audit',
      filters: { action: 'reveal', actor: 'wang', text: 'RPT', from: '2017-01-01', to: '', page: 1 },
    });
  });

  it('builds addresses that parse back to the same route', () => {
    const routes: Route[] = [
      { view: 'cases', status: null },
      { view: 'cases', status: 'under_review' },
      { view: 'case-new', series: [] },
      { view: 'case-new', series: ['S-1', 'S 2'] },
      { view: 'case', id: 'C/1 #2' },
      { view: 'audit', filters: NO_AUDIT_FILTERS },
      { view: 'audit', filters: { action: 'export', actor: '王警官', text: '系列 S-1', from: '2017-01-01', to: '2017-12-31', page: 4 } },
    ];
    for (const route of routes) expect(parseRoute(routeHref(route))).toEqual(route);
  });

  it('reads series ids typed in any common separator, once each', () => {
    expect(parseSeriesIds(' S-1, S-2，S-3、S-1\nS-4 ')).toEqual(['S-1', 'S-2', 'S-3', 'S-4']);
    expect(parseSeriesIds('  ')).toEqual([]);
  });
});

describe('file sizes', () => {
  it('uses the locale and a short unit', () => {
    expect(formatBytes(512, 'en')).toBe('512 byte');
    expect(formatBytes(1536, 'en')).toBe('1.5 kB');
    expect(formatBytes(5 * 1024 * 1024, 'zh-CN')).toMatch(/^5\s?MB$|^5兆字节$/);
  });
});

describe('typed days', () => {
  it('accepts the common ways of writing a day and refuses impossible ones', async () => {
    const { parseDay } = await import('../../../src/renderer/src/app/day-text');
    expect(parseDay('2017-06-03')).toBe('2017-06-03');
    expect(parseDay(' 2017/6/3 ')).toBe('2017-06-03');
    expect(parseDay('2017.6.3')).toBe('2017-06-03');
    expect(parseDay('2017年6月3日')).toBe('2017-06-03');
    expect(parseDay('2017-02-30')).toBeNull();
    expect(parseDay('06/03/2017')).toBeNull();
    expect(parseDay('')).toBeNull();
  });
});

describe('shipped ignore-list notes', () => {
  it('has a translation for every note the shipped list carries', async () => {
    const fs = await import('node:fs');
    const { isShippedNote } = await import('../../../src/renderer/src/settings/shipped-notes');
    const list = JSON.parse(fs.readFileSync(new URL('../../../resources/ignore-list.json', import.meta.url), 'utf8')) as {
      values: { note?: string }[];
    };
    for (const entry of list.values) if (entry.note) expect(isShippedNote(entry.note), entry.note).toBe(true);
  });
});

describe('fingerprints', () => {
  it('read the same whether grouped or not', async () => {
    const { showFingerprint } = await import('../../../src/renderer/src/bundles/fingerprint');
    expect(showFingerprint('AA84489DACA54A1B')).toBe('aa84 489d aca5 4a1b');
    expect(showFingerprint('aa84 489d:aca5-4a1b')).toBe('aa84 489d aca5 4a1b');
  });
});

describe('instants recorded here', () => {
  it('show in the local time zone, unlike report stamps', async () => {
    const { formatLocalDateTime } = await import('../../../src/renderer/src/format/dates');
    const stamp = '2026-11-24T19:28:00.000Z';
    const local = new Date(stamp);
    const hh = String(local.getHours()).padStart(2, '0');
    const mm = String(local.getMinutes()).padStart(2, '0');
    expect(formatLocalDateTime(stamp, 'en')).toContain(`${hh}:${mm}`);
    expect(formatLocalDateTime('not a time', 'en')).toBe('not a time');
  });
});
