// Every view has an address in the hash: #/reports, #/reports/<id>, #/import, … Parsing
// and building addresses are pure so they are tested without a browser.
//
// To add a view: add its member to `Route`, one entry to ROUTES (path pattern → route),
// a case to `routeHref`, and a case to the view switch in App.tsx (the compiler finds it).

import { parseFilters, filtersToSearch, type ReportFilters } from '../reports/report-filters';
import { parseSeriesFilters, seriesFiltersToSearch, type SeriesFilters } from '../series/series-filters';
import type { CaseStatus } from '../../../common/api';
import { auditToSearch, parseAudit, parseCaseStatus, type AuditFilters } from '../cases/case-routes';
import type { SuggestionStatus } from '../suggestions/messages';
import { parseSuggestionStatus, suggestionsSearch } from '../suggestions/suggestion-routes';

export type Route =
  | { readonly view: 'root' }
  | { readonly view: 'welcome' }
  | { readonly view: 'reports'; readonly filters: ReportFilters }
  | { readonly view: 'report'; readonly id: string }
  | { readonly view: 'import' }
  | { readonly view: 'quarantine'; readonly page: number }
  | { readonly view: 'sources' }
  | { readonly view: 'settings' }
  // Analysis views (overview, series list, series workspace).
  | { readonly view: 'overview' }
  | { readonly view: 'series'; readonly filters: SeriesFilters }
  | { readonly view: 'series-detail'; readonly id: string }
  // The review queue of the engine's suggestions.
  | { readonly view: 'suggestions'; readonly status: SuggestionStatus; readonly page: number }
  // Case files and the audit log (wt-ui2).
  | { readonly view: 'cases'; readonly status: CaseStatus | null }
  | { readonly view: 'case-new'; readonly series: readonly string[] }
  | { readonly view: 'case'; readonly id: string }
  | { readonly view: 'audit'; readonly filters: AuditFilters }
  | { readonly view: 'not-found'; readonly path: string };

export type View = Route['view'];

interface RouteEntry {
  /** Path segments; ':name' captures one (URL-decoded) segment. */
  readonly pattern: readonly string[];
  readonly build: (params: Readonly<Record<string, string>>, query: URLSearchParams) => Route;
}

function positiveInt(text: string | null, fallback: number): number {
  const n = Number(text);
  return text !== null && /^\d+$/.test(text) && Number.isSafeInteger(n) && n >= 1 ? n : fallback;
}

const ROUTES: readonly RouteEntry[] = [
  { pattern: [], build: () => ({ view: 'root' }) },
  { pattern: ['welcome'], build: () => ({ view: 'welcome' }) },
  { pattern: ['reports'], build: (_p, query) => ({ view: 'reports', filters: parseFilters(query) }) },
  { pattern: ['reports', ':id'], build: (p) => ({ view: 'report', id: p.id ?? '' }) },
  { pattern: ['import'], build: () => ({ view: 'import' }) },
  { pattern: ['import', 'quarantine'], build: (_p, query) => ({ view: 'quarantine', page: positiveInt(query.get('page'), 1) }) },
  { pattern: ['sources'], build: () => ({ view: 'sources' }) },
  { pattern: ['settings'], build: () => ({ view: 'settings' }) },
  // Analysis views.
  { pattern: ['overview'], build: () => ({ view: 'overview' }) },
  { pattern: ['series'], build: (_p, query) => ({ view: 'series', filters: parseSeriesFilters(query) }) },
  { pattern: ['series', ':id'], build: (p) => ({ view: 'series-detail', id: p.id ?? '' }) },
  {
    pattern: ['suggestions'],
    build: (_p, query) => ({
      view: 'suggestions',
      status: parseSuggestionStatus(query.get('status')),
      page: positiveInt(query.get('page'), 1),
    }),
  },
  // Case files and the audit log (wt-ui2).
  { pattern: ['cases'], build: (_p, query) => ({ view: 'cases', status: parseCaseStatus(query.get('status')) }) },
  {
    pattern: ['cases', 'new'],
    build: (_p, query) => ({
      view: 'case-new',
      series: query
        .getAll('series')
        .flatMap((s) => s.split(','))
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    }),
  },
  { pattern: ['cases', ':id'], build: (p) => ({ view: 'case', id: p.id ?? '' }) },
  { pattern: ['audit'], build: (_p, query) => ({ view: 'audit', filters: parseAudit(query) }) },
];

function match(pattern: readonly string[], segments: readonly string[]): Record<string, string> | null {
  if (pattern.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const want = pattern[i] ?? '';
    const got = segments[i] ?? '';
    if (want.startsWith(':')) {
      try {
        params[want.slice(1)] = decodeURIComponent(got);
      } catch {
        return null; // a malformed %-escape
      }
    } else if (want !== got) {
      return null;
    }
  }
  return params;
}

/** The route for a location hash ('#/reports?q=x', '#/', '' …). */
export function parseRoute(hash: string): Route {
  const text = hash.replace(/^#/, '');
  const q = text.indexOf('?');
  const path = q === -1 ? text : text.slice(0, q);
  const query = new URLSearchParams(q === -1 ? '' : text.slice(q + 1));
  const segments = path.split('/').filter((s) => s !== '');
  for (const entry of ROUTES) {
    const params = match(entry.pattern, segments);
    if (params) return entry.build(params, query);
  }
  return { view: 'not-found', path };
}

/** The href ('#/…') that opens a route. */
export function routeHref(route: Route): string {
  switch (route.view) {
    case 'root':
      return '#/';
    case 'welcome':
      return '#/welcome';
    case 'reports': {
      const search = filtersToSearch(route.filters);
      return search === '' ? '#/reports' : `#/reports?${search}`;
    }
    case 'report':
      return `#/reports/${encodeURIComponent(route.id)}`;
    case 'import':
      return '#/import';
    case 'quarantine':
      return route.page > 1 ? `#/import/quarantine?page=${route.page}` : '#/import/quarantine';
    case 'sources':
      return '#/sources';
    case 'settings':
      return '#/settings';
    // Analysis views.
    case 'overview':
      return '#/overview';
    case 'series': {
      const search = seriesFiltersToSearch(route.filters);
      return search === '' ? '#/series' : `#/series?${search}`;
    }
    case 'series-detail':
      return `#/series/${encodeURIComponent(route.id)}`;
    case 'suggestions': {
      const search = suggestionsSearch(route.status, route.page);
      return search === '' ? '#/suggestions' : `#/suggestions?${search}`;
    }
    // Case files and the audit log (wt-ui2).
    case 'cases':
      return route.status === null ? '#/cases' : `#/cases?status=${route.status}`;
    case 'case-new':
      return route.series.length === 0
        ? '#/cases/new'
        : `#/cases/new?${new URLSearchParams(route.series.map((s) => ['series', s])).toString()}`;
    case 'case':
      return `#/cases/${encodeURIComponent(route.id)}`;
    case 'audit': {
      const search = auditToSearch(route.filters);
      return search === '' ? '#/audit' : `#/audit?${search}`;
    }
    case 'not-found':
      return `#${route.path}`;
  }
}
