// The reports list's filters, and their form in the URL (#/reports?q=…&cat=…). Keeping them
// in the URL gives every filtered list an address and lets "back" restore it. Parsing drops
// anything malformed, so a hand-edited address can never send a bad query.

import type { ReportQuery, SortKey } from '../../../common/api';
import { CATEGORIES, type Category } from '../../../common/model';
import { isDecimalAmount } from '../../../common/money';
import { isIsoDate } from '../format/dates';

export interface ReportFilters {
  readonly text: string;
  readonly categories: readonly Category[];
  /** YYYY-MM-DD or ''. */
  readonly from: string;
  readonly to: string;
  /** Decimal strings or ''. */
  readonly minLoss: string;
  readonly maxLoss: string;
  readonly includeWithdrawn: boolean;
  readonly sort: SortKey;
  readonly desc: boolean;
}

export const DEFAULT_FILTERS: ReportFilters = {
  text: '',
  categories: [],
  from: '',
  to: '',
  minLoss: '',
  maxLoss: '',
  includeWithdrawn: false,
  sort: 'reported_at',
  desc: true,
};

const SORT_KEYS: readonly SortKey[] = ['reported_at', 'loss', 'id'];

/** The direction a column sorts in when first chosen: newest and largest first, ids A→Z. */
export function defaultDesc(sort: SortKey): boolean {
  return sort !== 'id';
}

function isCategory(value: string): value is Category {
  return (CATEGORIES as readonly string[]).includes(value);
}

function isSortKey(value: string): value is SortKey {
  return (SORT_KEYS as readonly string[]).includes(value);
}

export function parseFilters(params: URLSearchParams): ReportFilters {
  const sortParam = params.get('sort') ?? '';
  const sort = isSortKey(sortParam) ? sortParam : DEFAULT_FILTERS.sort;
  const dir = params.get('dir');
  const categories = (params.get('cat') ?? '').split(',').filter(isCategory);
  const date = (key: string): string => {
    const value = params.get(key) ?? '';
    return isIsoDate(value) ? value : '';
  };
  const amount = (key: string): string => {
    const value = params.get(key) ?? '';
    return isDecimalAmount(value) ? value : '';
  };
  return {
    text: (params.get('q') ?? '').trim(),
    // Canonical order, so the same selection always has the same address.
    categories: CATEGORIES.filter((c) => categories.includes(c)),
    from: date('from'),
    to: date('to'),
    minLoss: amount('min'),
    maxLoss: amount('max'),
    includeWithdrawn: params.get('withdrawn') === '1',
    sort,
    desc: dir === 'asc' ? false : dir === 'desc' ? true : defaultDesc(sort),
  };
}

/** The query string for filters ('' for the defaults); only what differs from the defaults. */
export function filtersToSearch(filters: Readonly<ReportFilters>): string {
  const params = new URLSearchParams();
  if (filters.text.trim() !== '') params.set('q', filters.text.trim());
  if (filters.categories.length > 0) params.set('cat', CATEGORIES.filter((c) => filters.categories.includes(c)).join(','));
  if (filters.from !== '') params.set('from', filters.from);
  if (filters.to !== '') params.set('to', filters.to);
  if (filters.minLoss !== '') params.set('min', filters.minLoss);
  if (filters.maxLoss !== '') params.set('max', filters.maxLoss);
  if (filters.includeWithdrawn) params.set('withdrawn', '1');
  if (filters.sort !== DEFAULT_FILTERS.sort) params.set('sort', filters.sort);
  if (filters.desc !== defaultDesc(filters.sort)) params.set('dir', filters.desc ? 'desc' : 'asc');
  return params.toString();
}

export function hasActiveFilters(filters: Readonly<ReportFilters>): boolean {
  return (
    filters.text !== '' ||
    filters.categories.length > 0 ||
    filters.from !== '' ||
    filters.to !== '' ||
    filters.minLoss !== '' ||
    filters.maxLoss !== '' ||
    filters.includeWithdrawn
  );
}

/** The `reports.query` argument for a page of the filtered list. */
export function toReportQuery(filters: Readonly<ReportFilters>, offset: number, limit: number): ReportQuery {
  return {
    ...(filters.text !== '' ? { text: filters.text } : {}),
    ...(filters.categories.length > 0 ? { categories: filters.categories } : {}),
    ...(filters.from !== '' ? { from: filters.from } : {}),
    ...(filters.to !== '' ? { to: filters.to } : {}),
    ...(filters.minLoss !== '' ? { minLoss: filters.minLoss } : {}),
    ...(filters.maxLoss !== '' ? { maxLoss: filters.maxLoss } : {}),
    ...(filters.includeWithdrawn ? { includeWithdrawn: true } : {}),
    sort: filters.sort,
    desc: filters.desc,
    offset,
    limit,
  };
}
