// The series workspace's money section: the flow of the series' cards through the imported bank
// statements — figures that add up, the flow graph, the Sankey to cash, the accounts, what to
// request next, accounts shared with other series, and the transactions. Selecting an account in
// the graph or a table narrows the tables to it.

import { useId, useMemo, useState } from 'react';
import type { SeriesFlow } from '../../../common/api';
import { ResourceState } from '../app/ResourceState';
import { routeHref } from '../app/routes';
import { useDataVersion } from '../app/ServicesContext';
import { useApiResource } from '../app/use-api-resource';
import { useI18n } from '../i18n/I18nContext';
import { FlowGraph } from './FlowGraph';
import { FlowLinks } from './FlowLinks';
import { FlowSankey } from './FlowSankey';

const CNY = (amount: string) => ({ amount, currency: 'CNY' });
const TXN_SHOWN = 200;

export function MoneyFlow({ seriesId }: { readonly seriesId: string }) {
  const { m } = useI18n();
  const id = useId();
  const [resource, retry] = useApiResource('flow.series', { id: seriesId }, useDataVersion());
  return (
    <section className="panel" aria-labelledby={`${id}-heading`} data-testid="money-flow">
      <h2 id={`${id}-heading`}>{m['flow.title']}</h2>
      <p className="muted small">{m['flow.intro']}</p>
      <ResourceState resource={resource} onRetry={retry} />
      {resource.status === 'ok' ? <FlowBody flow={resource.value} /> : null}
      {resource.status === 'ok' && resource.value.cards.length > 0 ? <FlowLinks seriesId={seriesId} /> : null}
    </section>
  );
}

function FlowBody({ flow }: { readonly flow: SeriesFlow }) {
  const { m, fmt } = useI18n();
  const [selected, setSelected] = useState<string | null>(null);
  const touches = (a: string | null) => selected === null || a === selected;
  const transactions = useMemo(
    () => flow.transactions.filter((t) => touches(t.from) || touches(t.to)).slice(0, TXN_SHOWN),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [flow, selected],
  );
  if (flow.cards.length === 0) return <p data-testid="flow-none">{m['flow.none']}</p>;
  const pick = (account: string) => setSelected((s) => (s === account ? null : account));
  return (
    <>
      <p className="small">{m['flow.cards'](flow.cards.join(', '))}</p>
      <dl className="stats" data-testid="flow-totals">
        {(
          [
            ['flow.entered', flow.totals.entered],
            ['flow.cashOut', flow.totals.cashOut],
            ['flow.retained', flow.totals.retained],
            ['flow.beyond', flow.totals.beyond],
          ] as const
        ).map(([key, amount]) => (
          <div className="stat" key={key}>
            <dt>{m[key]}</dt>
            <dd className="num">{fmt.money(CNY(amount))}</dd>
          </div>
        ))}
      </dl>
      <h3>{m['flow.graph']}</h3>
      <p className="muted small">{m['flow.graphHint']}</p>
      <FlowGraph flow={flow} selected={selected} onSelect={setSelected} />
      {selected ? (
        <p className="small" role="status">
          {m['flow.selected'](selected)}{' '}
          <button type="button" className="button button-small" onClick={() => setSelected(null)}>
            {m['flow.clearSelection']}
          </button>
        </p>
      ) : null}
      <FlowSankey flow={flow} />
      <h3>{m['flow.accounts']}</h3>
      <div className="table-scroll">
        <table className="table" data-testid="flow-accounts">
          <thead>
            <tr>
              <th scope="col">{m['flow.col.layer']}</th>
              <th scope="col">{m['flow.col.account']}</th>
              <th scope="col">{m['flow.col.holder']}</th>
              <th scope="col" className="num">
                {m['flow.col.received']}
              </th>
              <th scope="col" className="num">
                {m['flow.col.sent']}
              </th>
              <th scope="col" className="num">
                {m['flow.col.cashOut']}
              </th>
              <th scope="col">{m['flow.col.requested']}</th>
            </tr>
          </thead>
          <tbody>
            {flow.accounts
              .filter((a) => touches(a.account) || selected === null)
              .map((a) => (
                <tr key={a.account} aria-selected={selected === a.account}>
                  <td>{m['flow.layer'](a.layer)}</td>
                  <td className="mono">
                    <button type="button" className="button-link mono" onClick={() => pick(a.account)}>
                      {a.account}
                    </button>
                  </td>
                  <td>{a.holder ?? '—'}</td>
                  <td className="num">{fmt.money(CNY(a.received))}</td>
                  <td className="num">{fmt.money(CNY(a.sent))}</td>
                  <td className="num">{fmt.money(CNY(a.cashOut))}</td>
                  <td>{a.requested ? m['flow.yes'] : m['flow.no']}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </div>
      <h3>{m['flow.toRequest']}</h3>
      <p className="muted small">{m['flow.toRequestIntro']}</p>
      {flow.toRequest.length === 0 ? (
        <p>{m['flow.toRequestNone']}</p>
      ) : (
        <div className="table-scroll">
          <table className="table" data-testid="flow-to-request">
            <thead>
              <tr>
                <th scope="col">{m['flow.col.account']}</th>
                <th scope="col">{m['flow.col.holder']}</th>
                <th scope="col" className="num">
                  {m['flow.col.received']}
                </th>
                <th scope="col">{m['flow.col.role']}</th>
              </tr>
            </thead>
            <tbody>
              {flow.toRequest.map((r) => (
                <tr key={r.account}>
                  <td className="mono">{r.account}</td>
                  <td>{r.holder ?? '—'}</td>
                  <td className="num">{fmt.money(CNY(r.received))}</td>
                  <td>{m['flow.role'](r.role)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {flow.shared.length > 0 ? (
        <>
          <h3>{m['flow.shared']}</h3>
          <p className="muted small">{m['flow.sharedIntro']}</p>
          <ul data-testid="flow-shared">
            {flow.shared.map((s) => (
              <li key={s.account}>
                <span className="mono">{s.account}</span>:{' '}
                {s.series.map((other, k) => (
                  <span key={other}>
                    {k > 0 ? ', ' : ''}
                    <a href={routeHref({ view: 'series-detail', id: other })}>{other}</a>
                  </span>
                ))}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h3>{m['flow.transactions'](fmt.count(transactions.length))}</h3>
      <div className="table-scroll flow-transactions-scroll">
        <table className="table" data-testid="flow-transactions">
          <thead>
            <tr>
              <th scope="col">{m['flow.col.time']}</th>
              <th scope="col">{m['flow.col.from']}</th>
              <th scope="col">{m['flow.col.to']}</th>
              <th scope="col" className="num">
                {m['flow.col.amount']}
              </th>
              <th scope="col">{m['flow.col.summary']}</th>
            </tr>
          </thead>
          <tbody>
            {transactions.map((t, k) => (
              <tr key={`${t.at}-${k}`}>
                <td>{fmt.dateTime(t.at)}</td>
                <td className="mono">{t.from ?? '—'}</td>
                <td className="mono">{t.cash ? m['flow.cash'] : (t.to ?? '—')}</td>
                <td className="num">{fmt.money(CNY(t.amount))}</td>
                <td>{t.summary ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
