// #/suggestions — the review queue: the engine's leads ranked as the API ranks them (those that
// would bring a series over the filing threshold first, then by score), filtered by status, a
// page at a time. Accepting starts a relink, whose progress shows here and in the status strip.

import { useId } from 'react';
import { ResourceState } from '../app/ResourceState';
import { navigate } from '../app/navigation';
import { routeHref } from '../app/routes';
import { useDataVersion, useJobs } from '../app/ServicesContext';
import { useApiResource } from '../app/use-api-resource';
import { useI18n } from '../i18n/I18nContext';
import type { SuggestionStatus } from './messages';
import { JobProgressBar } from '../jobs/JobProgressBar';
import { useSettings } from '../settings/SettingsContext';
import { SUGGESTION_STATUSES, SUGGESTIONS_PAGE, parseSuggestionStatus } from './suggestion-routes';
import { SuggestionList } from './SuggestionList';

export function RelinkNotice() {
  const { m } = useI18n();
  const { running } = useJobs();
  if (!running || running.kind !== 'link') return null;
  return (
    <div className="notice relink-progress" role="status">
      <p className="notice-text">{m['suggestions.relinking']}</p>
      <JobProgressBar progress={running} />
    </div>
  );
}

export function SuggestionsView({ status, page }: { readonly status: SuggestionStatus; readonly page: number }) {
  const { m, fmt } = useI18n();
  const id = useId();
  const { settings } = useSettings();
  const threshold = { amount: settings.thresholdAmount, currency: settings.thresholdCurrency };
  const offset = (page - 1) * SUGGESTIONS_PAGE;
  const [resource, retry] = useApiResource('suggestions.query', { status, offset, limit: SUGGESTIONS_PAGE }, useDataVersion());
  const value = resource.status === 'ok' ? resource.value : null;
  const pages = value ? Math.max(1, Math.ceil(value.total / SUGGESTIONS_PAGE)) : 1;

  return (
    <div className="view view-suggestions">
      <header className="view-header">
        <h1>{m['suggestions.title']}</h1>
      </header>
      <p className="lead">{m['suggestions.intro']}</p>
      <div role="search" aria-label={m['suggestions.filter']} className="filter-bar">
        <div className="filter-row">
          <div className="field">
            <label className="field-label" htmlFor={`${id}-status`}>
              {m['suggestions.status']}
            </label>
            <select
              id={`${id}-status`}
              className="input"
              value={status}
              onChange={(event) =>
                navigate(routeHref({ view: 'suggestions', status: parseSuggestionStatus(event.target.value), page: 1 }), { replace: true })
              }
            >
              {SUGGESTION_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {m[`suggestions.status.${s}`]}
                </option>
              ))}
            </select>
          </div>
        </div>
      </div>
      <RelinkNotice />
      <ResourceState resource={resource} onRetry={retry} />
      {value ? (
        <>
          <p className="view-meta" data-testid="suggestions-summary">
            {m['suggestions.total'](status, value.total, fmt.count(value.total))}
            {value.crossing > 0 ? ` · ${m['suggestions.crossing'](value.crossing, fmt.count(value.crossing))}` : ''}
          </p>
          {value.rows.length === 0 && value.total === 0 ? <p className="empty-note">{m[`suggestions.empty.${status}`]}</p> : null}
          <SuggestionList rows={value.rows} status={status} threshold={threshold} headingLevel={2} />
          {pages > 1 ? (
            <nav className="pager" aria-label={m['pager.label']}>
              <button
                type="button"
                className="button button-small"
                disabled={page <= 1}
                onClick={() => navigate(routeHref({ view: 'suggestions', status, page: page - 1 }))}
              >
                {m['pager.prev']}
              </button>
              <span className="pager-status" role="status">
                {m['pager.status'](
                  fmt.count(Math.min(value.total, offset + 1)),
                  fmt.count(Math.min(value.total, offset + SUGGESTIONS_PAGE)),
                  fmt.count(value.total),
                )}
              </span>
              <button
                type="button"
                className="button button-small"
                disabled={page >= pages}
                onClick={() => navigate(routeHref({ view: 'suggestions', status, page: page + 1 }))}
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
