// #/import/quarantine — every record an import rejected, with the reason, a page at a time.

import type { QuarantineRow } from '../../../common/api';
import { ResourceState } from '../app/ResourceState';
import { navigate } from '../app/navigation';
import { routeHref } from '../app/routes';
import { useDataVersion } from '../app/ServicesContext';
import { useApiResource } from '../app/use-api-resource';
import { useI18n } from '../i18n/I18nContext';
import { ReasonText } from '../i18n/ReasonText';

const PAGE_SIZE = 100;

function QuarantineTable({ rows }: { readonly rows: readonly QuarantineRow[] }) {
  const { m, fmt } = useI18n();
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">{m['quarantine.title']}</caption>
        <thead>
          <tr>
            <th scope="col">{m['quarantine.source']}</th>
            <th scope="col">{m['rej.where']}</th>
            <th scope="col">{m['rej.field']}</th>
            <th scope="col">{m['rej.reason']}</th>
            <th scope="col">{m['quarantine.receivedAt']}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td className="mono">{row.source}</td>
              <td className="mono">{row.where}</td>
              <td className="mono">{row.field}</td>
              <td>
                <ReasonText reason={row.reason} />
              </td>
              <td>{fmt.localDateTime(row.receivedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function QuarantineView({ page }: { readonly page: number }) {
  const { m, fmt } = useI18n();
  const [resource, retry] = useApiResource('quarantine.list', { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }, useDataVersion());
  const total = resource.status === 'ok' ? resource.value.total : 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const go = (to: number) => navigate(routeHref({ view: 'quarantine', page: to }));

  return (
    <div className="view view-quarantine">
      <p className="back-link">
        <a href="#/import">
          <span aria-hidden="true">← </span>
          {m['quarantine.back']}
        </a>
      </p>
      <header className="view-header">
        <h1>{m['quarantine.title']}</h1>
      </header>
      <p className="lead">{m['quarantine.intro']}</p>
      <ResourceState resource={resource} onRetry={retry} />
      {resource.status === 'ok' && total === 0 ? <p className="empty-note">{m['quarantine.empty']}</p> : null}
      {resource.status === 'ok' && total > 0 ? (
        <>
          <QuarantineTable rows={resource.value.rows} />
          <nav className="pager" aria-label={m['pager.label']}>
            <button type="button" className="button button-small" disabled={page <= 1} onClick={() => go(page - 1)}>
              {m['pager.prev']}
            </button>
            <span className="pager-status" role="status">
              {m['pager.status'](
                fmt.count(Math.min(total, (page - 1) * PAGE_SIZE + 1)),
                fmt.count(Math.min(total, page * PAGE_SIZE)),
                fmt.count(total),
              )}
            </span>
            <button type="button" className="button button-small" disabled={page >= pages} onClick={() => go(page + 1)}>
              {m['pager.next']}
            </button>
          </nav>
        </>
      ) : null}
    </div>
  );
}
