// #/cases/<id> — a case file: its facts (editable), its series as they are now (followed through
// relinks), the notes, the exports made from it, and "Export bundle".

import { useId, useState, type FormEvent } from 'react';
import type { CaseDetail, CaseStatus } from '../../../common/api';
import { ExportBundlePanel } from '../bundles/ExportBundlePanel';
import { EntryTable } from '../app/EditableList';
import { ErrorNotice } from '../app/ErrorNotice';
import { FieldNotes, fieldNoteAria } from '../app/FormField';
import { routeHref } from '../app/routes';
import { SaveActions } from '../app/SaveActions';
import { useApi, useDataVersion } from '../app/ServicesContext';
import { useApiResource } from '../app/use-api-resource';
import { useBusyAction } from '../app/use-busy-action';
import { useSaveForm } from '../app/use-save-form';
import { formatBytes } from '../format/bytes';
import { useI18n } from '../i18n/I18nContext';
import { CASE_STATUSES, parseSeriesIds } from './case-routes';
import { CaseStatusBadge } from './CaseStatusBadge';
import { formatLoss } from './loss';

function CaseFacts({ detail, onChanged }: { readonly detail: CaseDetail; readonly onChanged: () => void }) {
  const { m, fmt } = useI18n();
  const api = useApi();
  const id = useId();
  const [title, setTitle] = useState(detail.title);
  const [status, setStatus] = useState<CaseStatus>(detail.status);
  const [assignee, setAssignee] = useState(detail.assignee ?? '');
  const { save, submit, reset } = useSaveForm();
  const titleBad = title.trim() === '';
  const titleNotes = { error: titleBad ? m['cases.titleMissing'] : null };

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (titleBad) return;
    const ok = await submit(() =>
      api.call('cases.update', {
        id: detail.id,
        title: title.trim(),
        status,
        assignee: assignee.trim() === '' ? null : assignee.trim(),
      }),
    );
    if (ok) onChanged();
  }

  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{m['case.facts']}</h2>
      <dl className="facts facts-grid">
        <div className="fact">
          <dt>{m['cases.status']}</dt>
          <dd>
            <CaseStatusBadge status={detail.status} />
          </dd>
        </div>
        <div className="fact">
          <dt>{m['cases.reports']}</dt>
          <dd className="num">{fmt.count(detail.reports)}</dd>
        </div>
        <div className="fact">
          <dt>{m['cases.loss']}</dt>
          <dd className="num">{formatLoss(detail.loss, fmt, m['common.none'])}</dd>
        </div>
        <div className="fact">
          <dt>{m['case.created']}</dt>
          <dd>{fmt.localDateTime(detail.createdAt)}</dd>
        </div>
        <div className="fact">
          <dt>{m['cases.updated']}</dt>
          <dd>{fmt.localDateTime(detail.updatedAt)}</dd>
        </div>
      </dl>
      <form className="form form-inline" noValidate onSubmit={(event) => void onSubmit(event)}>
        <div className="form-field">
          <label htmlFor={`${id}-title`}>{m['cases.caseTitle']}</label>
          <input
            id={`${id}-title`}
            className="input input-wide"
            value={title}
            onChange={(event) => {
              setTitle(event.target.value);
              reset();
            }}
            {...fieldNoteAria(`${id}-title`, titleNotes)}
          />
          <FieldNotes id={`${id}-title`} {...titleNotes} />
        </div>
        <div className="form-field">
          <label htmlFor={`${id}-status`}>{m['cases.status']}</label>
          <select
            id={`${id}-status`}
            className="input"
            value={status}
            onChange={(event) => {
              setStatus(CASE_STATUSES.find((s) => s === event.target.value) ?? status);
              reset();
            }}
          >
            {CASE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {m[`caseStatus.${s}`]}
              </option>
            ))}
          </select>
        </div>
        <div className="form-field">
          <label htmlFor={`${id}-assignee`}>{m['cases.assignee']}</label>
          <input
            id={`${id}-assignee`}
            className="input"
            value={assignee}
            onChange={(event) => {
              setAssignee(event.target.value);
              reset();
            }}
          />
        </div>
        <SaveActions save={save} label={save.state === 'saving' ? m['settings.saving'] : m['case.saveFacts']} disabled={titleBad} />
      </form>
    </section>
  );
}

function CaseSeries({ detail, onChanged }: { readonly detail: CaseDetail; readonly onChanged: () => void }) {
  const { m, fmt } = useI18n();
  const api = useApi();
  const id = useId();
  const [adding, setAdding] = useState('');
  const { busy, error, run } = useBusyAction();
  const current = new Set(detail.currentSeries.map((s) => s.id));
  const followed = detail.series.filter((s) => !current.has(s));

  async function change(patch: { readonly addSeries?: readonly string[]; readonly removeSeries?: readonly string[] }): Promise<void> {
    const result = await run(() => api.call('cases.update', { id: detail.id, ...patch }));
    if (result.ok) {
      setAdding('');
      onChanged();
    }
  }

  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{m['case.series']}</h2>
      {followed.length > 0 ? (
        <p className="notice notice-info" data-testid="case-followed">
          {m['case.followed'](followed.join(', '), detail.currentSeries.map((s) => s.id).join(', '))}
        </p>
      ) : null}
      {detail.currentSeries.length === 0 ? (
        <p className="empty-note">{m['case.noSeries']}</p>
      ) : (
        <EntryTable
          caption={m['case.series']}
          testId="case-series"
          columns={[
            {
              header: m['case.seriesId'],
              cell: (row) => <a href={`#/series/${encodeURIComponent(row.id)}`}>{row.id}</a>,
              className: 'mono',
            },
            { header: m['cases.reports'], cell: (row) => fmt.count(row.reports), className: 'num', headerClassName: 'num' },
            { header: m['case.victims'], cell: (row) => fmt.count(row.victims), className: 'num', headerClassName: 'num' },
            {
              header: m['cases.loss'],
              cell: (row) => formatLoss(row.loss, fmt, m['common.none']),
              className: 'num',
              headerClassName: 'num',
            },
            {
              header: m['case.threshold'],
              cell: (row) =>
                row.overThreshold ? (
                  <span className="badge badge-over">{m['case.over']}</span>
                ) : (
                  <span className="muted">{m['case.under']}</span>
                ),
            },
            {
              header: m['case.period'],
              cell: (row) => (
                <>
                  {row.firstAt ? fmt.date(row.firstAt) : '—'} – {row.lastAt ? fmt.date(row.lastAt) : '—'}
                </>
              ),
            },
          ]}
          entries={detail.currentSeries}
          rowKey={(row) => row.id}
          action={(row) => ({ label: m['case.removeSeries'](row.id), quiet: true, onClick: () => void change({ removeSeries: [row.id] }) })}
          busy={busy}
          scrollClassName="table-scroll"
          actionClassName={null}
        />
      )}
      <form
        className="form-row"
        onSubmit={(event) => {
          event.preventDefault();
          const ids = parseSeriesIds(adding);
          if (ids.length > 0) void change({ addSeries: ids });
        }}
      >
        <div className="field">
          <label className="field-label" htmlFor={`${id}-add`}>
            {m['case.addSeries']}
          </label>
          <input id={`${id}-add`} className="input mono" value={adding} onChange={(event) => setAdding(event.target.value)} />
        </div>
        <button type="submit" className="button" disabled={busy || parseSeriesIds(adding).length === 0}>
          {m['case.add']}
        </button>
      </form>
      {error ? <ErrorNotice error={error} /> : null}
    </section>
  );
}

function CaseNotes({ detail, onChanged }: { readonly detail: CaseDetail; readonly onChanged: () => void }) {
  const { m, fmt } = useI18n();
  const api = useApi();
  const id = useId();
  const [text, setText] = useState('');
  const { busy, error, run } = useBusyAction();

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (text.trim() === '') return;
    const result = await run(() => api.call('cases.addNote', { id: detail.id, text: text.trim() }));
    if (result.ok) {
      setText('');
      onChanged();
    }
  }

  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{m['case.notes']}</h2>
      {detail.notes.length === 0 ? (
        <p className="empty-note">{m['case.notesNone']}</p>
      ) : (
        <ol className="notes" data-testid="case-notes">
          {detail.notes.map((note) => (
            <li key={note.id} className="note">
              <p className="note-meta">
                <span className="note-author">{note.author}</span> · <time dateTime={note.at}>{fmt.localDateTime(note.at)}</time>
              </p>
              <p className="note-text">{note.text}</p>
            </li>
          ))}
        </ol>
      )}
      <form className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <div className="form-field">
          <label htmlFor={`${id}-note`}>{m['case.newNote']}</label>
          <textarea
            id={`${id}-note`}
            className="input input-wide textarea"
            rows={3}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy || text.trim() === ''}>
            {m['case.addNote']}
          </button>
        </div>
        {error ? <ErrorNotice error={error} /> : null}
      </form>
    </section>
  );
}

function CaseExports({ detail }: { readonly detail: CaseDetail }) {
  const { m, fmt, language } = useI18n();
  const id = useId();
  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{m['case.exports']}</h2>
      {detail.exports.length === 0 ? (
        <p className="empty-note">{m['case.exportsNone']}</p>
      ) : (
        <div className="table-scroll">
          <table className="table" data-testid="case-exports">
            <caption className="visually-hidden">{m['case.exports']}</caption>
            <thead>
              <tr>
                <th scope="col">{m['case.exportAt']}</th>
                <th scope="col">{m['case.exportBy']}</th>
                <th scope="col">{m['case.exportFile']}</th>
                <th scope="col">{m['case.seriesId']}</th>
                <th scope="col">{m['case.redaction']}</th>
                <th scope="col" className="num">
                  {m['cases.reports']}
                </th>
                <th scope="col" className="num">
                  {m['case.size']}
                </th>
                <th scope="col">{m['export.sha']}</th>
              </tr>
            </thead>
            <tbody>
              {detail.exports.map((row) => (
                <tr key={row.id}>
                  <td>{fmt.localDateTime(row.at)}</td>
                  <td>{row.actor}</td>
                  <td className="mono break">{row.fileName}</td>
                  <td className="mono">{row.seriesId}</td>
                  <td>{m[`redaction.${row.redaction}`]}</td>
                  <td className="num">{fmt.count(row.reports)}</td>
                  <td className="num">{formatBytes(row.bytes, language)}</td>
                  <td className="mono" title={row.manifestSha256}>
                    {row.manifestSha256.slice(0, 16)}…
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function CaseDetailView({ id }: { readonly id: string }) {
  const { m } = useI18n();
  const [version, setVersion] = useState(0);
  const data = useDataVersion();
  const [resource, retry] = useApiResource('cases.get', { id }, data * 1000 + version);
  const changed = () => setVersion((v) => v + 1);

  return (
    <div className="view view-case">
      <p className="back-link">
        <a href={routeHref({ view: 'cases', status: null })}>
          <span aria-hidden="true">← </span>
          {m['cases.back']}
        </a>
      </p>
      {resource.status === 'loading' ? <p className="muted">{m['common.loading']}</p> : null}
      {resource.status === 'error' ? (
        <>
          <header className="view-header">
            <h1>{m['case.notFoundTitle']}</h1>
          </header>
          <ErrorNotice error={resource.error} onRetry={retry} />
        </>
      ) : null}
      {resource.status === 'ok' ? (
        <>
          <header className="view-header detail-header">
            <h1>{resource.value.title}</h1>
            <CaseStatusBadge status={resource.value.status} />
            <span className="view-meta mono">{resource.value.id}</span>
          </header>
          <CaseFacts key={`${resource.value.updatedAt}`} detail={resource.value} onChanged={changed} />
          <CaseSeries detail={resource.value} onChanged={changed} />
          <CaseNotes detail={resource.value} onChanged={changed} />
          <ExportBundlePanel caseId={resource.value.id} series={resource.value.currentSeries.map((s) => s.id)} />
          <CaseExports detail={resource.value} />
        </>
      ) : null}
    </div>
  );
}
