// #/cases — every case file, filtered by status, newest change first; "New case" opens the form.

import { useId } from 'react';
import type { CaseStatus } from '../../../common/api';
import { ResourceState } from '../app/ResourceState';
import { navigate } from '../app/navigation';
import { routeHref } from '../app/routes';
import { useDataVersion } from '../app/ServicesContext';
import { useApiResource } from '../app/use-api-resource';
import { useI18n } from '../i18n/I18nContext';
import { CASE_STATUSES, parseCaseStatus } from './case-routes';
import { CaseStatusBadge } from './CaseStatusBadge';
import { formatLoss } from './loss';

export function CasesView({ status }: { readonly status: CaseStatus | null }) {
  const { m, fmt } = useI18n();
  const id = useId();
  const [resource, retry] = useApiResource('cases.list', status === null ? {} : { status }, useDataVersion());

  return (
    <div className="view view-cases">
      <header className="view-header">
        <h1>{m['cases.title']}</h1>
        <a className="button button-primary" href={routeHref({ view: 'case-new', series: [] })}>
          {m['cases.new']}
        </a>
      </header>
      <p className="lead">{m['cases.intro']}</p>
      <div role="search" aria-label={m['cases.filter']} className="filter-bar">
        <div className="filter-row">
          <div className="field">
            <label className="field-label" htmlFor={`${id}-status`}>
              {m['cases.status']}
            </label>
            <select
              id={`${id}-status`}
              className="input"
              value={status ?? ''}
              onChange={(event) => navigate(routeHref({ view: 'cases', status: parseCaseStatus(event.target.value) }), { replace: true })}
            >
              <option value="">{m['cases.statusAll']}</option>
              {CASE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {m[`caseStatus.${s}`]}
                </option>
              ))}
            </select>
          </div>
        </div>
      </div>
      <ResourceState resource={resource} onRetry={retry} />
      {resource.status === 'ok' && resource.value.length === 0 ? (
        <p className="empty-note">{status === null ? m['cases.empty'] : m['cases.emptyFiltered']}</p>
      ) : null}
      {resource.status === 'ok' && resource.value.length > 0 ? (
        <div className="table-scroll">
          <table className="table" data-testid="cases-table">
            <caption className="visually-hidden">{m['cases.title']}</caption>
            <thead>
              <tr>
                <th scope="col">{m['cases.caseTitle']}</th>
                <th scope="col">{m['cases.status']}</th>
                <th scope="col">{m['cases.assignee']}</th>
                <th scope="col">{m['cases.series']}</th>
                <th scope="col" className="num">
                  {m['cases.reports']}
                </th>
                <th scope="col" className="num">
                  {m['cases.loss']}
                </th>
                <th scope="col" className="num">
                  {m['cases.notes']}
                </th>
                <th scope="col">{m['cases.updated']}</th>
              </tr>
            </thead>
            <tbody>
              {resource.value.map((row) => (
                <tr key={row.id}>
                  <td>
                    <a href={routeHref({ view: 'case', id: row.id })}>{row.title}</a>
                  </td>
                  <td>
                    <CaseStatusBadge status={row.status} />
                  </td>
                  <td>{row.assignee ?? <span className="muted">{m['cases.unassigned']}</span>}</td>
                  <td className="mono">{row.series.join(', ')}</td>
                  <td className="num">{fmt.count(row.reports)}</td>
                  <td className="num">{formatLoss(row.loss, fmt, m['common.none'])}</td>
                  <td className="num">{fmt.count(row.noteCount)}</td>
                  <td>{fmt.localDateTime(row.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
