// The overview's downstream accounts several series pay into (from the bank statements): two
// gangs paying into one laundering account are one case for the filing desk. Shown only once
// statements name such an account.

import { useId } from 'react';
import { routeHref } from '../app/routes';
import { useDataVersion } from '../app/ServicesContext';
import { useApiResource } from '../app/use-api-resource';
import { useI18n } from '../i18n/I18nContext';

const SHOWN = 10;

export function SharedAccounts() {
  const { m, fmt } = useI18n();
  const id = useId();
  const [resource] = useApiResource('flow.shared', {}, useDataVersion());
  if (resource.status !== 'ok' || resource.value.length === 0) return null;
  const rows = resource.value.slice(0, SHOWN);
  return (
    <section className="panel" aria-labelledby={`${id}-heading`} data-testid="overview-shared-accounts">
      <h2 id={`${id}-heading`}>{m['flow.sharedOverview'](resource.value.length, fmt.count(resource.value.length))}</h2>
      <p className="muted small">{m['flow.sharedIntro']}</p>
      <div className="table-scroll">
        <table className="table">
          <caption className="visually-hidden">{m['flow.shared']}</caption>
          <thead>
            <tr>
              <th scope="col">{m['flow.col.account']}</th>
              <th scope="col" className="num">
                {m['flow.col.received']}
              </th>
              <th scope="col">{m['flow.col.series']}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.account}>
                <td className="mono">{r.account}</td>
                <td className="num">{fmt.money({ amount: r.received, currency: 'CNY' })}</td>
                <td>
                  <span className="link-list">
                    {r.series.map((s) => (
                      <a key={s} className="mono" href={`${routeHref({ view: 'series-detail', id: s })}`}>
                        {s}
                      </a>
                    ))}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
