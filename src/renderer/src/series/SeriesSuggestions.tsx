// The series workspace's suggestions: the engine's leads that would join this series with
// another, with the same actions as the review queue (accept, reject, revoke, each with a reason).

import { useId, useState } from 'react';
import { ResourceState } from '../app/ResourceState';
import { routeHref } from '../app/routes';
import { useDataVersion } from '../app/ServicesContext';
import { useApiResource } from '../app/use-api-resource';
import { useI18n } from '../i18n/I18nContext';
import type { SuggestionStatus } from '../suggestions/messages';
import { useSettings } from '../settings/SettingsContext';
import { SUGGESTION_STATUSES, parseSuggestionStatus } from '../suggestions/suggestion-routes';
import { SuggestionList } from '../suggestions/SuggestionList';

/** Suggestions shown in the workspace; the queue lists the rest. */
const SHOWN = 20;

export function SeriesSuggestions({ seriesId }: { readonly seriesId: string }) {
  const { m, fmt } = useI18n();
  const id = useId();
  const { settings } = useSettings();
  const [status, setStatus] = useState<SuggestionStatus>('open');
  const [resource, retry] = useApiResource('suggestions.query', { series: seriesId, status, offset: 0, limit: SHOWN }, useDataVersion());
  const value = resource.status === 'ok' ? resource.value : null;
  return (
    <section className="panel" aria-labelledby={`${id}-heading`} data-testid="series-suggestions">
      <h2 id={`${id}-heading`}>{m['suggestions.panelTitle']}</h2>
      <p className="muted small">{m['suggestions.panelIntro']}</p>
      <div className="filter-row">
        <div className="field">
          <label className="field-label" htmlFor={`${id}-status`}>
            {m['suggestions.status']}
          </label>
          <select
            id={`${id}-status`}
            className="input"
            value={status}
            onChange={(event) => setStatus(parseSuggestionStatus(event.target.value))}
          >
            {SUGGESTION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {m[`suggestions.status.${s}`]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ResourceState resource={resource} onRetry={retry} />
      {value ? (
        <>
          <p className="muted small">
            {m['suggestions.total'](status, value.total, fmt.count(value.total))}
            {value.crossing > 0 ? ` · ${m['suggestions.crossing'](value.crossing, fmt.count(value.crossing))}` : ''}
          </p>
          {value.total === 0 ? <p className="empty-note">{m[`suggestions.empty.${status}`]}</p> : null}
          <SuggestionList
            key={status}
            rows={value.rows}
            status={status}
            threshold={{ amount: settings.thresholdAmount, currency: settings.thresholdCurrency }}
            headingLevel={3}
          />
        </>
      ) : null}
      <p className="small">
        <a href={routeHref({ view: 'suggestions', status, page: 1 })}>{m['suggestions.openQueue']}</a>
      </p>
    </section>
  );
}
