// #/series — every series, over-threshold first by default; search (series id, report id or
// identifier value), filter by over-threshold, reached only together, category and case status; sort by column; pages
// of 100. The filters live in the address, so every filtered list can be linked to.

import { useEffect, useId, useState } from 'react';
import type { SeriesSort } from '../../../common/api';
import { ResourceState } from '../app/ResourceState';
import { navigate } from '../app/navigation';
import { routeHref } from '../app/routes';
import { useDataVersion } from '../app/ServicesContext';
import { useApiResource } from '../app/use-api-resource';
import { useI18n } from '../i18n/I18nContext';
import { CategoryFilter } from '../reports/CategoryFilter';
import { useSettings } from '../settings/SettingsContext';
import {
  CASE_STATUSES,
  DEFAULT_SERIES_FILTERS,
  defaultSeriesDesc,
  SERIES_PAGE_SIZE,
  seriesQueryOf,
  type SeriesFilters,
  type StatusFilter,
} from './series-filters';
import { SeriesTable } from './SeriesTable';

const DEBOUNCE_MS = 250;

function SearchBox({ value, onCommit }: { readonly value: string; readonly onCommit: (text: string) => void }) {
  const { m } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    if (draft.trim() !== value) setDraft(value);
  }
  useEffect(() => {
    if (draft.trim() === value) return;
    const timer = window.setTimeout(() => onCommit(draft.trim()), DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [draft, value, onCommit]);
  return (
    <div className="field field-search">
      <label className="field-label" htmlFor={id}>
        {m['seriesList.search']}
      </label>
      <input
        id={id}
        type="search"
        className="input input-wide"
        value={draft}
        placeholder={m['seriesList.searchPlaceholder']}
        onChange={(e) => setDraft(e.target.value)}
      />
    </div>
  );
}

export function SeriesListView({ filters }: { readonly filters: SeriesFilters }) {
  const { m, fmt } = useI18n();
  const { settings } = useSettings();
  const statusId = useId();
  const [resource, retry] = useApiResource('series.query', seriesQueryOf(filters), useDataVersion());
  const threshold = { amount: settings.thresholdAmount, currency: settings.thresholdCurrency };

  const change = (next: Partial<SeriesFilters>, replace = true): void => {
    navigate(routeHref({ view: 'series', filters: { ...filters, page: 1, ...next } }), { replace });
  };
  const onSort = (sort: SeriesSort): void => {
    const desc = filters.sort === sort ? !filters.desc : defaultSeriesDesc(sort);
    change({ sort, desc }, false);
  };

  const total = resource.status === 'ok' ? resource.value.total : 0;
  const pages = Math.max(1, Math.ceil(total / SERIES_PAGE_SIZE));
  const page = filters.page;
  const active = filters.text !== '' || filters.overOnly || filters.togetherOnly || filters.categories.length > 0 || filters.status !== '';

  return (
    <div className="view view-series">
      <header className="view-header">
        <h1>{m['seriesList.title']}</h1>
        {resource.status === 'ok' ? (
          <p className="view-meta" role="status" data-testid="series-total">
            {m['seriesList.total'](total, fmt.count(total))}
          </p>
        ) : null}
      </header>
      <p className="lead">{m['seriesList.intro'](fmt.money(threshold))}</p>
      <form className="filter-bar" role="search" aria-label={m['seriesList.filters']} onSubmit={(e) => e.preventDefault()}>
        <div className="filter-row">
          <SearchBox value={filters.text} onCommit={(text) => change({ text })} />
          <label className="check filter-check">
            <input type="checkbox" checked={filters.overOnly} onChange={(e) => change({ overOnly: e.target.checked }, false)} />
            {m['seriesList.overOnly']}
          </label>
          <label className="check filter-check">
            <input
              type="checkbox"
              checked={filters.togetherOnly}
              onChange={(e) => change({ togetherOnly: e.target.checked }, false)}
              data-testid="filter-together"
            />
            {m['seriesList.togetherOnly']}
          </label>
          <CategoryFilter selected={filters.categories} onChange={(categories) => change({ categories }, false)} />
          <div className="field">
            <label className="field-label" htmlFor={statusId}>
              {m['seriesList.status']}
            </label>
            <select
              id={statusId}
              className="input"
              value={filters.status}
              onChange={(e) => change({ status: e.target.value as StatusFilter }, false)}
            >
              <option value="">{m['seriesList.statusAll']}</option>
              <option value="none">{m['seriesStatus.none']}</option>
              {CASE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {m[`seriesStatus.${s}`]}
                </option>
              ))}
            </select>
          </div>
          {active || filters.sort !== null ? (
            <button
              type="button"
              className="button button-quiet"
              onClick={() => navigate(routeHref({ view: 'series', filters: DEFAULT_SERIES_FILTERS }))}
            >
              {m['seriesList.clear']}
            </button>
          ) : null}
        </div>
      </form>
      {filters.sort === null ? <p className="muted small">{m['seriesList.defaultOrder']}</p> : null}
      <ResourceState resource={resource} onRetry={retry} />
      {resource.status === 'ok' && total === 0 ? (
        <p className="empty-note">{active ? m['seriesList.emptyFiltered'] : m['seriesList.empty']}</p>
      ) : null}
      {resource.status === 'ok' && resource.value.rows.length > 0 ? (
        <>
          <SeriesTable
            rows={resource.value.rows}
            threshold={threshold}
            caption={m['seriesList.title']}
            sort={{ sort: filters.sort, desc: filters.desc, onSort }}
          />
          {pages > 1 ? (
            <nav className="pager" aria-label={m['pager.label']}>
              <button type="button" className="button button-small" disabled={page <= 1} onClick={() => change({ page: page - 1 }, false)}>
                {m['pager.prev']}
              </button>
              <span className="pager-status" role="status">
                {m['pager.status'](
                  fmt.count(Math.min(total, (page - 1) * SERIES_PAGE_SIZE + 1)),
                  fmt.count(Math.min(total, page * SERIES_PAGE_SIZE)),
                  fmt.count(total),
                )}
              </span>
              <button
                type="button"
                className="button button-small"
                disabled={page >= pages}
                onClick={() => change({ page: page + 1 }, false)}
              >
                {m['pager.next']}
              </button>
            </nav>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
