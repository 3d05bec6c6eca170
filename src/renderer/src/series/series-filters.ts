// The series list's filters in the URL (#/series?over=1&together=1&cat=loan&status=new&q=…&sort=loss&dir=desc).
// Parsing drops anything malformed, so a hand-edited address never sends a bad query. With no
// sort the backend's default applies: over-threshold first, then loss, descending.

import type { CaseStatus, SeriesQuery, SeriesSort } from '../../../common/api';
import { CASE_STATUSES } from '../../../common/model';
import { CATEGORIES, type Category } from '../../../common/model';

export type StatusFilter = CaseStatus | 'none' | '';

export interface SeriesFilters {
  readonly text: string;
  readonly overOnly: boolean;
  /** Only series over the threshold none of whose reports reaches it alone. */
  readonly togetherOnly: boolean;
  readonly categories: readonly Category[];
  readonly status: StatusFilter;
  /** null: the default order (over-threshold first, then loss). */
  readonly sort: SeriesSort | null;
  readonly desc: boolean;
  readonly page: number;
}

export const DEFAULT_SERIES_FILTERS: SeriesFilters = {
  text: '',
  overOnly: false,
  togetherOnly: false,
  categories: [],
  status: '',
  sort: null,
  desc: true,
  page: 1,
};

export const SERIES_SORTS: readonly SeriesSort[] = ['id', 'reports', 'victims', 'loss', 'first', 'last'];
export { CASE_STATUSES };

export const SERIES_PAGE_SIZE = 100;

function isCategory(value: string): value is Category {
  return (CATEGORIES as readonly string[]).includes(value);
}

/** The direction a column sorts in when first chosen: ids A→Z, everything else largest or newest first. */
export function defaultSeriesDesc(sort: SeriesSort): boolean {
  return sort !== 'id';
}

export function parseSeriesFilters(params: URLSearchParams): SeriesFilters {
  const sortParam = params.get('sort') ?? '';
  const sort = (SERIES_SORTS as readonly string[]).includes(sortParam) ? (sortParam as SeriesSort) : null;
  const dir = params.get('dir');
  const statusParam = params.get('status') ?? '';
  const status: StatusFilter =
    statusParam === 'none' || (CASE_STATUSES as readonly string[]).includes(statusParam) ? (statusParam as StatusFilter) : '';
  const pageText = params.get('page') ?? '';
  const page = /^\d{1,6}$/.test(pageText) && Number(pageText) >= 1 ? Number(pageText) : 1;
  return {
    text: (params.get('q') ?? '').trim().slice(0, 200),
    overOnly: params.get('over') === '1',
    togetherOnly: params.get('together') === '1',
    categories: (params.get('cat') ?? '').split(',').filter(isCategory),
    status,
    sort,
    desc: sort === null ? true : dir === 'asc' ? false : dir === 'desc' ? true : defaultSeriesDesc(sort),
    page,
  };
}

export function seriesFiltersToSearch(filters: Readonly<SeriesFilters>): string {
  const params = new URLSearchParams();
  if (filters.text.trim() !== '') params.set('q', filters.text.trim());
  if (filters.overOnly) params.set('over', '1');
  if (filters.togetherOnly) params.set('together', '1');
  if (filters.categories.length > 0) params.set('cat', CATEGORIES.filter((c) => filters.categories.includes(c)).join(','));
  if (filters.status !== '') params.set('status', filters.status);
  if (filters.sort !== null) {
    params.set('sort', filters.sort);
    if (filters.desc !== defaultSeriesDesc(filters.sort)) params.set('dir', filters.desc ? 'desc' : 'asc');
  }
  if (filters.page > 1) params.set('page', String(filters.page));
  return params.toString();
}

export function seriesQueryOf(filters: Readonly<SeriesFilters>): SeriesQuery {
  return {
    ...(filters.text.trim() !== '' ? { text: filters.text.trim() } : {}),
    ...(filters.overOnly ? { overThreshold: true } : {}),
    ...(filters.togetherOnly ? { onlyTogether: true } : {}),
    ...(filters.categories.length > 0 ? { categories: filters.categories } : {}),
    ...(filters.status !== '' ? { status: filters.status } : {}),
    ...(filters.sort !== null ? { sort: filters.sort, desc: filters.desc } : {}),
    offset: (filters.page - 1) * SERIES_PAGE_SIZE,
    limit: SERIES_PAGE_SIZE,
  };
}
