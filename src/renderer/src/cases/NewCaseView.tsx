// #/cases/new?series=<id> — open a case file from one or more series (the series workspace
// links here with its series filled in).

import { useEffect, useId, useState, type FormEvent } from 'react';
import type { ApiError } from '../../../common/api';
import { ErrorNotice } from '../app/ErrorNotice';
import { FieldNotes, fieldNoteAria } from '../app/FormField';
import { navigate } from '../app/navigation';
import { routeHref } from '../app/routes';
import { useApi } from '../app/ServicesContext';
import { useApiResource } from '../app/use-api-resource';
import { useI18n } from '../i18n/I18nContext';
import { formatLoss } from './loss';
import { parseSeriesIds } from './case-routes';

/** One series the case will gather, as it is now (a series merged away shows its successor). */
function SeriesPreview({ id }: { readonly id: string }) {
  const { m, fmt } = useI18n();
  const [resource] = useApiResource('series.get', { id }, 0);
  if (resource.status === 'loading') return <li className="muted">{id}</li>;
  if (resource.status === 'error') {
    return (
      <li>
        <span className="mono">{id}</span> — <span className="field-error">{m['cases.seriesUnknown']}</span>
      </li>
    );
  }
  const row = resource.value.row;
  return (
    <li>
      <span className="mono">{row.id}</span>
      {row.id !== id ? <span className="muted"> ({m['cases.seriesWas'](id)})</span> : null} —{' '}
      {m['cases.seriesSummary'](fmt.count(row.reports), formatLoss(row.loss, fmt, m['common.none']))}
      {row.overThreshold ? <span className="badge badge-over">{m['case.over']}</span> : null}
    </li>
  );
}

export function NewCaseView({ series }: { readonly series: readonly string[] }) {
  const { m } = useI18n();
  const api = useApi();
  const id = useId();
  const [title, setTitle] = useState('');
  const [seriesText, setSeriesText] = useState(series.join(', '));
  const [assignee, setAssignee] = useState('');
  const [checked, setChecked] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const ids = parseSeriesIds(seriesText);
  // The preview follows the typing after a pause, not every keystroke.
  const [previewed, setPreviewed] = useState<readonly string[]>(ids);
  const idsKey = ids.join(' ');
  useEffect(() => {
    const timer = setTimeout(() => setPreviewed(idsKey === '' ? [] : idsKey.split(' ')), 400);
    return () => clearTimeout(timer);
  }, [idsKey]);
  const titleNotes = { error: checked && title.trim() === '' ? m['cases.titleMissing'] : null };
  const seriesNotes = { hint: m['cases.seriesIdsHint'], error: checked && ids.length === 0 ? m['cases.seriesMissing'] : null };
  const assigneeNotes = { hint: m['cases.assigneeHint'] };

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setChecked(true);
    if (title.trim() === '' || ids.length === 0) return;
    setSaving(true);
    setError(null);
    const result = await api.call('cases.create', {
      title: title.trim(),
      series: ids,
      ...(assignee.trim() === '' ? {} : { assignee: assignee.trim() }),
    });
    setSaving(false);
    if (result.ok) navigate(routeHref({ view: 'case', id: result.value.id }), { replace: true });
    else setError(result.error);
  }

  return (
    <div className="view view-case-new">
      <p className="back-link">
        <a href={routeHref({ view: 'cases', status: null })}>
          <span aria-hidden="true">← </span>
          {m['cases.back']}
        </a>
      </p>
      <header className="view-header">
        <h1>{m['cases.newTitle']}</h1>
      </header>
      <form className="form panel" noValidate onSubmit={(event) => void onSubmit(event)}>
        <div className="form-field">
          <label htmlFor={`${id}-title`}>{m['cases.caseTitle']}</label>
          <input
            id={`${id}-title`}
            className="input input-wide"
            value={title}
            onChange={(event) => setTitle(event.target.value)}
            {...fieldNoteAria(`${id}-title`, titleNotes)}
          />
          <FieldNotes id={`${id}-title`} {...titleNotes} />
        </div>
        <div className="form-field">
          <label htmlFor={`${id}-series`}>{m['cases.seriesIds']}</label>
          <input
            id={`${id}-series`}
            className="input input-wide mono"
            value={seriesText}
            onChange={(event) => setSeriesText(event.target.value)}
            {...fieldNoteAria(`${id}-series`, seriesNotes)}
          />
          <FieldNotes id={`${id}-series`} {...seriesNotes} />
          {previewed.length > 0 ? (
            <ul className="series-preview" aria-label={m['cases.seriesPreview']}>
              {previewed.slice(0, 12).map((s) => (
                <SeriesPreview key={s} id={s} />
              ))}
            </ul>
          ) : null}
        </div>
        <div className="form-field">
          <label htmlFor={`${id}-assignee`}>{m['cases.assignee']}</label>
          <input
            id={`${id}-assignee`}
            className="input"
            value={assignee}
            onChange={(event) => setAssignee(event.target.value)}
            {...fieldNoteAria(`${id}-assignee`, assigneeNotes)}
          />
          <FieldNotes id={`${id}-assignee`} {...assigneeNotes} />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={saving}>
            {saving ? m['cases.creating'] : m['cases.create']}
          </button>
        </div>
        {error ? <ErrorNotice error={error} /> : null}
      </form>
    </div>
  );
}
