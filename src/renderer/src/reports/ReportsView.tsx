// #/reports — the filtered, sorted list of every report in the store.

import { useCallback, useEffect, useState } from 'react';
import type { SortKey } from '../../../common/api';
import { navigate } from '../app/navigation';
import { routeHref } from '../app/routes';
import { useI18n } from '../i18n/I18nContext';
import { rememberListHref, placeKey } from './list-memory';
import { defaultDesc, hasActiveFilters, type ReportFilters } from './report-filters';
import { ReportFilterBar } from './ReportFilterBar';
import { ReportGrid } from './ReportGrid';

export function ReportsView({ filters }: { readonly filters: ReportFilters }) {
  const { m, fmt } = useI18n();
  const [total, setTotal] = useState<number | null>(null);
  const href = routeHref({ view: 'reports', filters });

  useEffect(() => rememberListHref(href), [href]);

  const setFilters = useCallback((next: ReportFilters) => navigate(routeHref({ view: 'reports', filters: next }), { replace: true }), []);

  function onSort(sort: SortKey): void {
    const desc = sort === filters.sort ? !filters.desc : defaultDesc(sort);
    setFilters({ ...filters, sort, desc });
  }

  return (
    <div className="view view-reports">
      <header className="view-header">
        <h1>{m['reports.title']}</h1>
        <p role="status" className="view-meta">
          {total === null ? '' : m['reports.total'](total, fmt.count(total))}
        </p>
      </header>
      <ReportFilterBar filters={filters} onChange={setFilters} />
      <ReportGrid key={placeKey(filters)} filters={filters} onSort={onSort} onTotal={setTotal} />
      {total === 0 ? (
        <div className="empty-note">
          {hasActiveFilters(filters) ? (
            <p>{m['reports.empty']}</p>
          ) : (
            <>
              <p>{m['reports.emptyStore']}</p>
              <p className="actions">
                <a className="button" href={routeHref({ view: 'import' })}>
                  {m['welcome.import']}
                </a>
                <a className="button button-quiet" href={routeHref({ view: 'welcome' })}>
                  {m['welcome.demo']}
                </a>
              </p>
            </>
          )}
        </div>
      ) : null}
    </div>
  );
}
