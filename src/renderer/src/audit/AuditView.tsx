// #/audit — the append-only log of who did what, newest first, filtered by action, actor, text
// and date range (kept in the address), a page at a time.

import { useId, useState, type FormEvent } from 'react';
import { DateField } from '../app/DateField';
import { ResourceState } from '../app/ResourceState';
import { navigate } from '../app/navigation';
import { routeHref } from '../app/routes';
import { useDataVersion } from '../app/ServicesContext';
import { useApiResource } from '../app/use-api-resource';
import { NO_AUDIT_FILTERS, type AuditFilters } from '../cases/case-routes';
import { localDayBounds } from '../format/dates';
import { useI18n } from '../i18n/I18nContext';
import { AUDIT_ACTIONS, isAuditAction } from './audit-actions';
import { auditDetailParts, auditSubjectText } from './audit-detail';

function AuditDetail({ detail }: { readonly detail: string | null }) {
  const { m, fmt } = useI18n();
  if (detail === null || detail === '') return null;
  const parts = auditDetailParts(detail, m, fmt);
  if (parts === null) return <span className="mono small">{detail}</span>;
  return (
    <dl className="audit-detail">
      {parts.map((part) => (
        <div key={part.label}>
          <dt>{part.label}</dt>
          <dd>{part.value}</dd>
        </div>
      ))}
    </dl>
  );
}

const PAGE_SIZE = 50;

export function AuditView({ filters }: { readonly filters: AuditFilters }) {
  const { m, fmt } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState(filters);
  const [shown, setShown] = useState(filters);
  if (shown !== filters) {
    // The address changed (back, a link): the form follows it.
    setShown(filters);
    setDraft(filters);
  }
  const rangeBad = draft.from !== '' && draft.to !== '' && draft.from > draft.to;

  const since = filters.from === '' ? undefined : localDayBounds(filters.from)?.start;
  const before = filters.to === '' ? undefined : localDayBounds(filters.to)?.end;
  const arg = {
    ...(filters.action === '' ? {} : { action: filters.action }),
    ...(filters.actor === '' ? {} : { actor: filters.actor }),
    ...(filters.text === '' ? {} : { text: filters.text }),
    // The days are this computer's days, as the log's times are shown in its time zone.
    ...(since ? { since } : {}),
    ...(before ? { before } : {}),
    offset: (filters.page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
  };
  const [resource, retry] = useApiResource('audit.query', arg, useDataVersion());
  const total = resource.status === 'ok' ? resource.value.total : 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const go = (next: AuditFilters, replace = false) => navigate(routeHref({ view: 'audit', filters: next }), { replace });

  function onSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (rangeBad) return;
    go({ ...draft, action: draft.action, actor: draft.actor.trim(), text: draft.text.trim(), page: 1 }, true);
  }

  const actionLabel = (action: string): string => (isAuditAction(action) ? m[`audit.action.${action}`] : action);

  return (
    <div className="view view-audit">
      <header className="view-header">
        <h1>{m['audit.title']}</h1>
      </header>
      <p className="lead">{m['audit.intro']}</p>
      <form role="search" aria-label={m['audit.filters']} className="filter-bar" noValidate onSubmit={onSubmit}>
        <div className="filter-row">
          <div className="field">
            <label className="field-label" htmlFor={`${id}-action`}>
              {m['audit.action']}
            </label>
            <select
              id={`${id}-action`}
              className="input"
              value={draft.action}
              onChange={(event) => setDraft({ ...draft, action: event.target.value })}
            >
              <option value="">{m['audit.actionAll']}</option>
              {AUDIT_ACTIONS.map((action) => (
                <option key={action} value={action}>
                  {m[`audit.action.${action}`]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="field-label" htmlFor={`${id}-actor`}>
              {m['audit.actor']}
            </label>
            <input
              id={`${id}-actor`}
              className="input"
              value={draft.actor}
              onChange={(event) => setDraft({ ...draft, actor: event.target.value })}
            />
          </div>
          <div className="field field-search">
            <label className="field-label" htmlFor={`${id}-text`}>
              {m['audit.text']}
            </label>
            <input
              id={`${id}-text`}
              type="search"
              className="input"
              value={draft.text}
              onChange={(event) => setDraft({ ...draft, text: event.target.value })}
            />
          </div>
          <DateField
            label={m['audit.from']}
            value={draft.from}
            max={draft.to === '' ? undefined : draft.to}
            onChange={(from) => setDraft((d) => ({ ...d, from }))}
            invalid={rangeBad}
            describedBy={rangeBad ? `${id}-range` : undefined}
          />
          <DateField
            label={m['audit.to']}
            value={draft.to}
            min={draft.from === '' ? undefined : draft.from}
            onChange={(to) => setDraft((d) => ({ ...d, to }))}
            invalid={rangeBad}
            describedBy={rangeBad ? `${id}-range` : undefined}
          />
          <div className="field field-actions">
            <button type="submit" className="button button-primary" disabled={rangeBad}>
              {m['audit.apply']}
            </button>
            <button type="button" className="button button-quiet" onClick={() => go(NO_AUDIT_FILTERS, true)}>
              {m['reports.clearFilters']}
            </button>
          </div>
        </div>
        {rangeBad ? (
          <p id={`${id}-range`} className="field-error" role="alert">
            {m['reports.dateOrder']}
          </p>
        ) : null}
      </form>
      <ResourceState resource={resource} onRetry={retry} />
      {resource.status === 'ok' && total === 0 ? <p className="empty-note">{m['audit.empty']}</p> : null}
      {resource.status === 'ok' && total > 0 ? (
        <>
          <div className="table-scroll">
            <table className="table" data-testid="audit-table">
              <caption className="visually-hidden">{m['audit.title']}</caption>
              <thead>
                <tr>
                  <th scope="col">{m['audit.at']}</th>
                  <th scope="col">{m['audit.actor']}</th>
                  <th scope="col">{m['audit.action']}</th>
                  <th scope="col">{m['audit.subject']}</th>
                  <th scope="col">{m['audit.detail']}</th>
                </tr>
              </thead>
              <tbody>
                {resource.value.rows.map((row) => (
                  <tr key={row.id}>
                    <td>{fmt.localDateTime(row.at)}</td>
                    <td>{row.actor}</td>
                    <td>{actionLabel(row.action)}</td>
                    <td className="mono break">{auditSubjectText(row.action, row.subject, m)}</td>
                    <td className="break">
                      <AuditDetail detail={row.detail} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <nav className="pager" aria-label={m['pager.label']}>
            <button
              type="button"
              className="button button-small"
              disabled={filters.page <= 1}
              onClick={() => go({ ...filters, page: filters.page - 1 })}
            >
              {m['pager.prev']}
            </button>
            <span className="pager-status" role="status">
              {m['pager.status'](
                fmt.count(Math.min(total, (filters.page - 1) * PAGE_SIZE + 1)),
                fmt.count(Math.min(total, filters.page * PAGE_SIZE)),
                fmt.count(total),
              )}
            </span>
            <button
              type="button"
              className="button button-small"
              disabled={filters.page >= pages}
              onClick={() => go({ ...filters, page: filters.page + 1 })}
            >
              {m['pager.next']}
            </button>
          </nav>
        </>
      ) : null}
    </div>
  );
}
