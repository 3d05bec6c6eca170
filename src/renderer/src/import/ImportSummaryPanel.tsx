// What an import did: counts, time taken, files, and the first rejected records.

import type { ImportSummary } from '../../../common/api';
import { useI18n } from '../i18n/I18nContext';
import { ReasonText } from '../i18n/ReasonText';
import type { TextKey } from '../i18n/messages';

const COUNTS: readonly { readonly key: 'new' | 'updated' | 'unchanged' | 'withdrawn' | 'rejected'; readonly label: TextKey }[] = [
  { key: 'new', label: 'count.new' },
  { key: 'updated', label: 'count.updated' },
  { key: 'unchanged', label: 'count.unchanged' },
  { key: 'withdrawn', label: 'count.withdrawn' },
  { key: 'rejected', label: 'count.rejected' },
];

export function ImportSummaryPanel({ summary }: { readonly summary: ImportSummary }) {
  const { m, fmt } = useI18n();
  return (
    <section className="panel" aria-labelledby="import-summary-heading">
      <h2 id="import-summary-heading">{m['import.summary']}</h2>
      <dl className="stats">
        {COUNTS.map(({ key, label }) => (
          <div key={key} className={`stat${key === 'rejected' && summary.rejected > 0 ? ' stat-warn' : ''}`}>
            <dt>{m[label]}</dt>
            <dd className="num">{fmt.count(summary[key])}</dd>
          </div>
        ))}
        <div className="stat">
          <dt>{m['count.elapsed']}</dt>
          <dd className="num">{fmt.duration(summary.elapsedMs)}</dd>
        </div>
      </dl>
      {summary.files.length > 0 ? (
        <>
          <h3>{m['import.files']}</h3>
          <ul className="file-list">
            {summary.files.map((file) => (
              <li key={file} className="mono">
                {file}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {summary.rejections.length > 0 ? (
        <>
          <h3>{m['import.rejections']}</h3>
          {summary.rejections.length < summary.rejected ? (
            <p className="muted small">{m['import.rejectionsShown'](fmt.count(summary.rejections.length), fmt.count(summary.rejected))}</p>
          ) : null}
          <div className="table-scroll">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{m['rej.where']}</th>
                  <th scope="col">{m['rej.field']}</th>
                  <th scope="col">{m['rej.reason']}</th>
                </tr>
              </thead>
              <tbody>
                {summary.rejections.map((rejection, index) => (
                  <tr key={index}>
                    <td className="mono">{rejection.where}</td>
                    <td className="mono">{rejection.field}</td>
                    <td>
                      <ReasonText reason={rejection.reason} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
      <p className="actions">
        <a className="button" href="#/reports">
          {m['import.viewReports']}
        </a>
        {summary.rejected > 0 ? (
          <a className="button button-quiet" href="#/import/quarantine">
            {m['import.quarantineLink']}
          </a>
        ) : null}
      </p>
    </section>
  );
}
