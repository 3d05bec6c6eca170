// The virtualised reports table (ARIA grid). Only the rows in view exist in the DOM; rows
// come from the page cache, which fetches ~200 at a time from `reports.query`.
// Keyboard: one row is the tab stop; arrows, Page Up/Down, Home/End move it; Enter opens.

import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { ReportRow, SortKey } from '../../../common/api';
import { ErrorNotice } from '../app/ErrorNotice';
import { SortIcon, WithdrawnIcon } from '../app/Icons';
import { navigate } from '../app/navigation';
import { routeHref } from '../app/routes';
import { useI18n } from '../i18n/I18nContext';
import type { TextKey } from '../i18n/messages';
import { recallPlace, rememberPlace, placeKey } from './list-memory';
import type { ReportFilters } from './report-filters';
import { useReportPages } from './use-report-pages';

/** Fixed row height in px. 1M rows × 32 px stays under Chromium's maximum element height. */
const ROW_HEIGHT = 32;
/** Height of the sticky header row; must match .grid-head in table.css. */
const HEADER_HEIGHT = 36;

interface Column {
  readonly key: 'id' | 'reportedAt' | 'category' | 'loss' | 'precinct' | 'summary';
  readonly label: TextKey & `col.${string}`;
  readonly sort?: SortKey;
}

const COLUMNS: readonly Column[] = [
  { key: 'id', label: 'col.id', sort: 'id' },
  { key: 'reportedAt', label: 'col.reportedAt', sort: 'reported_at' },
  { key: 'category', label: 'col.category' },
  { key: 'loss', label: 'col.loss', sort: 'loss' },
  { key: 'precinct', label: 'col.precinct' },
  { key: 'summary', label: 'col.summary' },
];

function reportHref(id: string): string {
  return routeHref({ view: 'report', id });
}

export interface ReportGridProps {
  readonly filters: ReportFilters;
  readonly onSort: (sort: SortKey) => void;
  readonly onTotal: (total: number | null) => void;
}

export function ReportGrid({ filters, onSort, onTotal }: ReportGridProps) {
  const { m, fmt } = useI18n();
  const cache = useReportPages(filters);
  const key = placeKey(filters);
  const [initialPlace] = useState(() => recallPlace(key));
  const [active, setActive] = useState(initialPlace?.active ?? 0);
  const scrollRef = useRef<HTMLDivElement>(null);
  /** The row to focus once rendered; `restore` when returning to the list (then only if nothing else has focus). */
  const pendingFocus = useRef<{ readonly index: number; readonly restore: boolean } | null>(
    initialPlace ? { index: initialPlace.active, restore: true } : null,
  );
  const restoredScroll = useRef(false);
  const hintId = useId();
  const total = cache.total ?? 0;

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    initialOffset: initialPlace?.scrollTop ?? 0,
  });
  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    cache.ensure(firstIndex, Math.max(lastIndex, firstIndex + 50));
  }, [cache, firstIndex, lastIndex, cache.total]);

  useEffect(() => onTotal(cache.total), [onTotal, cache.total]);

  // Back on a list whose rows had to be fetched again: scroll to where the investigator was.
  useEffect(() => {
    if (restoredScroll.current || cache.total === null || !initialPlace) return;
    restoredScroll.current = true;
    if (Math.abs((scrollRef.current?.scrollTop ?? 0) - initialPlace.scrollTop) > 1) virtualizer.scrollToOffset(initialPlace.scrollTop);
  }, [cache.total, initialPlace, virtualizer]);

  // Focus the row the keyboard moved to (or the one to come back to) once it is rendered.
  useEffect(() => {
    const pending = pendingFocus.current;
    if (pending === null) return;
    const focused = document.activeElement;
    const idle =
      focused === null || focused === document.body || focused.tagName === 'MAIN' || scrollRef.current?.contains(focused) === true;
    if (pending.restore && (!idle || (cache.total !== null && pending.index >= cache.total))) {
      pendingFocus.current = null;
      return;
    }
    const row = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${pending.index}"]`);
    if (row) {
      pendingFocus.current = null;
      row.focus({ preventScroll: true });
    }
  });

  // The tab stop is the active row, or — when it has scrolled away — the first row in view
  // (not an overscan row above it, which focusing would scroll back to).
  const activeShown = active < total && items.some((item) => item.index === active);
  const firstInView = Math.max(firstIndex, Math.min(lastIndex, Math.ceil((virtualizer.scrollOffset ?? 0) / ROW_HEIGHT)));
  const tabStop = activeShown ? active : firstInView;

  function moveTo(index: number): void {
    if (total === 0) return;
    const next = Math.max(0, Math.min(total - 1, index));
    setActive(next);
    pendingFocus.current = { index: next, restore: false };
    virtualizer.scrollToIndex(next);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const target = event.target;
    if (!(target instanceof HTMLElement) || target.dataset.index === undefined) return;
    const index = Number(target.dataset.index);
    const pageRows = Math.max(1, Math.floor(((scrollRef.current?.clientHeight ?? 0) - HEADER_HEIGHT) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + pageRows,
      PageUp: index - pageRows,
      Home: 0,
      End: total - 1,
    };
    const next = moves[event.key];
    if (next !== undefined) {
      event.preventDefault();
      moveTo(next);
    } else if (event.key === 'Enter') {
      const row = cache.row(index);
      if (row) {
        event.preventDefault();
        navigate(reportHref(row.id));
      }
    }
  }

  function onRowClick(event: MouseEvent<HTMLDivElement>, row: ReportRow | undefined): void {
    // The id link navigates by itself; a second navigation would add a history entry.
    if (!row || (event.target instanceof Element && event.target.closest('a'))) return;
    navigate(reportHref(row.id));
  }

  function remember(activeIndex: number): void {
    rememberPlace(key, { scrollTop: scrollRef.current?.scrollTop ?? 0, active: activeIndex });
  }

  function onRowFocus(index: number): void {
    setActive(index);
    remember(index);
  }

  const loading = cache.total === null && cache.error === null;

  return (
    <div className={`grid-frame${cache.total === 0 ? ' is-empty' : ''}`}>
      <p id={hintId} className="visually-hidden">
        {m['reports.gridHint']}
      </p>
      <div
        ref={scrollRef}
        role="grid"
        aria-label={m['reports.title']}
        aria-describedby={hintId}
        aria-rowcount={total + 1}
        aria-colcount={COLUMNS.length}
        aria-busy={loading}
        className="grid"
        onScroll={() => remember(active)}
        onKeyDown={onKeyDown}
      >
        <div role="rowgroup" className="grid-head">
          <div role="row" aria-rowindex={1} className="grid-row">
            {COLUMNS.map((column) => {
              const sorted = column.sort !== undefined && column.sort === filters.sort;
              const direction = sorted ? (filters.desc ? 'descending' : 'ascending') : 'none';
              return (
                <div
                  key={column.key}
                  role="columnheader"
                  aria-sort={column.sort ? direction : undefined}
                  className={`grid-cell cell-${column.key}`}
                >
                  {column.sort ? (
                    <button type="button" className="sort-button" onClick={() => onSort(column.sort ?? filters.sort)}>
                      <span>{m[column.label]}</span>
                      <SortIcon direction={direction} />
                    </button>
                  ) : (
                    m[column.label]
                  )}
                </div>
              );
            })}
          </div>
        </div>
        <div role="rowgroup" className="grid-body" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = cache.row(item.index);
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                data-index={item.index}
                tabIndex={item.index === tabStop ? 0 : -1}
                className={`grid-row grid-body-row${item.index % 2 === 1 ? ' is-alt' : ''}${row?.withdrawn ? ' is-withdrawn' : ''}`}
                style={{ transform: `translateY(${item.start - HEADER_HEIGHT}px)` }}
                onClick={(event) => onRowClick(event, row)}
                onFocus={() => onRowFocus(item.index)}
              >
                {row ? (
                  <>
                    <div role="gridcell" className="grid-cell cell-id">
                      <a href={reportHref(row.id)} tabIndex={-1} className="mono">
                        {row.id}
                      </a>
                      {row.withdrawn ? (
                        <span className="badge badge-withdrawn">
                          <WithdrawnIcon />
                          {m['reports.withdrawn']}
                        </span>
                      ) : null}
                    </div>
                    <div role="gridcell" className="grid-cell cell-reportedAt">
                      {fmt.dateTime(row.reportedAt)}
                    </div>
                    <div role="gridcell" className="grid-cell cell-category" title={m[`category.${row.category}`]}>
                      {m[`category.${row.category}`]}
                    </div>
                    <div role="gridcell" className="grid-cell cell-loss">
                      {row.loss ? (
                        fmt.money(row.loss)
                      ) : (
                        <>
                          <span aria-hidden="true">—</span>
                          <span className="visually-hidden">{m['common.none']}</span>
                        </>
                      )}
                    </div>
                    <div role="gridcell" className="grid-cell cell-precinct">
                      {row.precinct}
                    </div>
                    <div role="gridcell" className="grid-cell cell-summary" title={row.summary}>
                      {row.summary}
                    </div>
                  </>
                ) : (
                  <div role="gridcell" aria-colspan={COLUMNS.length} className="grid-cell cell-loading">
                    {m['reports.loadingRow']}
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </div>
      {loading ? <p className="grid-overlay">{m['common.loading']}</p> : null}
      {cache.error ? <ErrorNotice error={cache.error} onRetry={() => cache.retry()} /> : null}
    </div>
  );
}
