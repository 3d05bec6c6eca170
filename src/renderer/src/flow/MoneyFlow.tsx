// The series workspace's money section: the flow of the series' cards through the imported bank
// statements — figures that add up, the flow graph (with collections), its exports, the Sankey to
// cash, the timeline of transactions, the accounts, what to request next, accounts shared with
// other series, and the transactions. One selection (an account, or a collection's members, in the
// graph or a table) narrows the tables and highlights the timeline and the graph.

import { useId, useState } from 'react';
import type { SeriesFlow } from '../../../common/api';
import { ResourceState } from '../app/ResourceState';
import { routeHref } from '../app/routes';
import { useDataVersion } from '../app/ServicesContext';
import { useApiResource } from '../app/use-api-resource';
import { useI18n } from '../i18n/I18nContext';
import { FlowExport } from './FlowExport';
import { FlowGraph } from './FlowGraph';
import { FlowLinks } from './FlowLinks';
import { FlowSankey } from './FlowSankey';
import { FlowAccountsTable, FlowTransactionsTable } from './FlowTables';
import { FlowTimeline } from './FlowTimeline';

const CNY = (amount: string) => ({ amount, currency: 'CNY' });

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
  // One selection drives the graph, the timeline and both tables: an account, or a collection's members.
  const [selected, setSelected] = useState<ReadonlySet<string> | null>(null);
  const [day, setDay] = useState<string | null>(null);
  if (flow.cards.length === 0) return <p data-testid="flow-none">{m['flow.none']}</p>;
  const select = (accounts: readonly string[] | null) => setSelected(accounts && accounts.length > 0 ? new Set(accounts) : null);
  const only = selected?.size === 1 ? ([...selected][0] as string) : null;
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
            <dd className="num" data-total={key.slice('flow.'.length)}>
              {fmt.money(CNY(amount))}
            </dd>
          </div>
        ))}
      </dl>
      <h3>{m['flow.graph']}</h3>
      <p className="muted small">{m['flow.graphHint']}</p>
      <FlowGraph flow={flow} selected={selected} onSelect={select} />
      {selected ? (
        <p className="small" role="status">
          {only ? m['flow.selected'](only) : m['flow.selectedMany'](fmt.count(selected.size))}{' '}
          <button type="button" className="button button-small" onClick={() => setSelected(null)}>
            {m['flow.clearSelection']}
          </button>
        </p>
      ) : null}
      <FlowExport seriesId={flow.seriesId} account={only} />
      <FlowSankey flow={flow} />
      <FlowTimeline transactions={flow.transactions} selected={selected} day={day} onDay={setDay} />
      <h3>{m['flow.accounts']}</h3>
      <FlowAccountsTable flow={flow} selected={selected} day={day} onSelect={select} />
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
      <FlowTransactionsTable flow={flow} selected={selected} day={day} onSelect={select} />
    </>
  );
}
