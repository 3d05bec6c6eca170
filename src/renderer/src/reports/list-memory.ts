// Where the investigator was in the reports list, so coming back from a report restores the
// same filters (the address of the last list) and the same scroll position and row.

import { filtersToSearch, type ReportFilters } from './report-filters';

interface Place {
  readonly scrollTop: number;
  readonly active: number;
}

const places = new Map<string, Place>();
let lastListHref = '#/reports';

export function placeKey(filters: Readonly<ReportFilters>): string {
  return filtersToSearch(filters);
}

export function rememberPlace(key: string, place: Place): void {
  places.delete(key);
  places.set(key, place);
  // A handful of recent lists is plenty.
  if (places.size > 20) {
    const oldest = places.keys().next().value;
    if (oldest !== undefined) places.delete(oldest);
  }
}

export function recallPlace(key: string): Place | undefined {
  return places.get(key);
}

export function rememberListHref(href: string): void {
  lastListHref = href;
}

export function recallListHref(): string {
  return lastListHref;
}
