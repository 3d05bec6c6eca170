// A feed's sync runs, newest first, loaded when the investigator opens the history.

import type { SyncRunView } from '../../../common/api';
import { ErrorNotice } from '../app/ErrorNotice';
import { useDataVersion } from '../app/ServicesContext';
import { useApiResource } from '../app/use-api-resource';
import { useI18n } from '../i18n/I18nContext';
import { syncRunErrorCode } from '../i18n/reason-text';

const RUNS = 20;

export function RunHistory({ sourceId }: { readonly sourceId: number }) {
  const { m, fmt } = useI18n();
  const [runs, retry] = useApiResource('sources.runs', { sourceId, limit: RUNS }, useDataVersion());
  if (runs.status === 'loading') return <p className="muted">{m['common.loading']}</p>;
  if (runs.status === 'error') return <ErrorNotice error={runs.error} onRetry={retry} />;
  if (runs.value.length === 0) return <p className="muted">{m['sources.historyEmpty']}</p>;
  const cell = (run: SyncRunView, key: 'pages' | 'received' | 'new' | 'updated' | 'withdrawn' | 'quarantined') => (
    <td className="num">{fmt.count(run[key])}</td>
  );
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">{m['sources.history']}</caption>
        <thead>
          <tr>
            <th scope="col">{m['sources.runStarted']}</th>
            <th scope="col">{m['sources.runFinished']}</th>
            <th scope="col">{m['sources.status']}</th>
            <th scope="col">{m['count.pages']}</th>
            <th scope="col">{m['count.received']}</th>
            <th scope="col">{m['count.new']}</th>
            <th scope="col">{m['count.updated']}</th>
            <th scope="col">{m['count.withdrawn']}</th>
            <th scope="col">{m['count.quarantined']}</th>
          </tr>
        </thead>
        <tbody>
          {runs.value.map((run) => (
            <tr key={run.id}>
              <td>{fmt.localDateTime(run.startedAt)}</td>
              <td>{run.finishedAt ? fmt.localDateTime(run.finishedAt) : '—'}</td>
              <td>
                {m[`syncStatus.${run.status}`]}
                {run.error ? (
                  <span className="muted small block" title={run.error}>
                    {m[`syncError.${syncRunErrorCode(run.error)}`]}
                  </span>
                ) : null}
              </td>
              {cell(run, 'pages')}
              {cell(run, 'received')}
              {cell(run, 'new')}
              {cell(run, 'updated')}
              {cell(run, 'withdrawn')}
              {cell(run, 'quarantined')}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
