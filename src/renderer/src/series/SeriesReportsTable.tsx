// The reports of a series, in time order; each opens the report detail (victim data redacted
// until revealed), and "back" from there returns to this series.

import type { SeriesReport } from '../../../common/api';
import { FlagIcon } from '../app/Icons';
import { routeHref } from '../app/routes';
import { useI18n } from '../i18n/I18nContext';
import { rememberListHref } from '../reports/list-memory';

export function SeriesReportsTable({ reports, crossing }: { readonly reports: readonly SeriesReport[]; readonly crossing: string | null }) {
  const { m, fmt } = useI18n();
  const sorted = [...reports].sort((a, b) => a.reportedAt.localeCompare(b.reportedAt) || a.id.localeCompare(b.id));
  return (
    <section className="panel" aria-labelledby="series-reports-heading">
      <h2 id="series-reports-heading">{m['series.reports']}</h2>
      <div className="table-scroll series-reports-scroll">
        <table className="table" data-testid="series-reports">
          <caption className="visually-hidden">{m['series.reports']}</caption>
          <thead>
            <tr>
              <th scope="col">{m['col.id']}</th>
              <th scope="col">{m['col.reportedAt']}</th>
              <th scope="col">{m['col.category']}</th>
              <th scope="col" className="num">
                {m['col.loss']}
              </th>
              <th scope="col" className="num">
                {m['series.messages']}
              </th>
              <th scope="col">{m['col.summary']}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((r) => (
              <tr key={r.id}>
                <td className="mono">
                  <a href={routeHref({ view: 'report', id: r.id })} onClick={() => rememberListHref(window.location.hash)}>
                    {r.id}
                  </a>
                  {r.id === crossing ? (
                    <span className="badge badge-over">
                      <FlagIcon />
                      {m['series.crossingReport']}
                    </span>
                  ) : null}
                </td>
                <td>{fmt.dateTime(r.reportedAt)}</td>
                <td>{m[`category.${r.category}`]}</td>
                <td className="num">{r.loss ? fmt.money(r.loss) : '—'}</td>
                <td className="num">{fmt.count(r.messages)}</td>
                <td className="summary-cell">{r.summary}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
