// The money flow's tables: the traced accounts and the transactions, each with its filters, both
// narrowed to the selection (an account, or a collection's members) and the transactions to the
// day chosen in the timeline. An account's number selects it everywhere, as a click in the graph does.

import { useId, useMemo, useState } from 'react';
import type { SeriesFlow } from '../../../common/api';
import { useI18n } from '../i18n/I18nContext';
import { cents, localDay } from './flow-model';

const CNY = (amount: string) => ({ amount, currency: 'CNY' });
const TXN_SHOWN = 200;

export interface FlowTablesProps {
  readonly flow: SeriesFlow;
  readonly selected: ReadonlySet<string> | null;
  readonly day: string | null;
  readonly onSelect: (accounts: readonly string[] | null) => void;
}

function AccountButton({
  account,
  selected,
  onPick,
}: {
  readonly account: string | null;
  readonly selected: boolean;
  readonly onPick: () => void;
}) {
  if (account === null) return <>—</>;
  return (
    <button type="button" className={`button-link mono${selected ? ' flow-picked' : ''}`} onClick={onPick}>
      {account}
    </button>
  );
}

export function FlowAccountsTable({ flow, selected, onSelect }: FlowTablesProps) {
  const { m, fmt } = useI18n();
  const id = useId();
  const [text, setText] = useState('');
  const [layer, setLayer] = useState<number | null>(null);
  const layers = [...new Set(flow.accounts.map((a) => a.layer))].sort((a, b) => a - b);
  const needle = text.trim().toLowerCase();
  const rows = flow.accounts.filter(
    (a) =>
      (selected === null || selected.has(a.account)) &&
      (layer === null || a.layer === layer) &&
      (needle === '' || a.account.includes(needle) || (a.holder ?? '').toLowerCase().includes(needle)),
  );
  const pick = (account: string) => onSelect(selected?.size === 1 && selected.has(account) ? null : [account]);
  return (
    <>
      <div className="form-row">
        <label className="field field-inline" htmlFor={`${id}-text`}>
          <span className="field-label">{m['flow.filter']}</span>
          <input
            id={`${id}-text`}
            className="input"
            value={text}
            onChange={(e) => setText(e.target.value)}
            data-testid="flow-accounts-filter"
          />
        </label>
        <label className="field field-inline" htmlFor={`${id}-layer`}>
          <span className="field-label">{m['flow.col.layer']}</span>
          <select
            id={`${id}-layer`}
            className="input"
            value={layer ?? ''}
            onChange={(e) => setLayer(e.target.value === '' ? null : Number(e.target.value))}
          >
            <option value="">{m['flow.allLayers']}</option>
            {layers.map((l) => (
              <option key={l} value={l}>
                {m['flow.layer'](l)}
              </option>
            ))}
          </select>
        </label>
        <span className="muted small">{m['flow.shown'](fmt.count(rows.length), fmt.count(flow.accounts.length))}</span>
      </div>
      <div className="table-scroll flow-transactions-scroll">
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
            {rows.map((a) => (
              <tr key={a.account} aria-selected={selected?.has(a.account) ?? false}>
                <td>{m['flow.layer'](a.layer)}</td>
                <td className="mono">
                  <AccountButton account={a.account} selected={selected?.has(a.account) ?? false} onPick={() => pick(a.account)} />
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
    </>
  );
}

export function FlowTransactionsTable({ flow, selected, day, onSelect }: FlowTablesProps) {
  const { m, fmt } = useI18n();
  const id = useId();
  const [text, setText] = useState('');
  const [least, setLeast] = useState('');
  const needle = text.trim().toLowerCase();
  const floor = /^\d+(\.\d{1,2})?$/.test(least.trim()) ? cents(least.trim()) : 0;
  const rows = useMemo(
    () =>
      flow.transactions.filter(
        (t) =>
          (selected === null || (t.from !== null && selected.has(t.from)) || (t.to !== null && selected.has(t.to))) &&
          (day === null || localDay(t.at) === day) &&
          cents(t.amount) >= floor &&
          (needle === '' || [t.from, t.to, t.summary].some((v) => (v ?? '').toLowerCase().includes(needle))),
      ),
    [flow, selected, day, floor, needle],
  );
  const pick = (account: string) => onSelect(selected?.size === 1 && selected.has(account) ? null : [account]);
  return (
    <>
      <h3>{m['flow.transactions'](fmt.count(Math.min(rows.length, TXN_SHOWN)))}</h3>
      <div className="form-row">
        <label className="field field-inline" htmlFor={`${id}-text`}>
          <span className="field-label">{m['flow.filterTxn']}</span>
          <input id={`${id}-text`} className="input" value={text} onChange={(e) => setText(e.target.value)} data-testid="flow-txn-filter" />
        </label>
        <label className="field field-inline" htmlFor={`${id}-least`}>
          <span className="field-label">{m['flow.minAmount']}</span>
          <input id={`${id}-least`} className="input num" inputMode="decimal" value={least} onChange={(e) => setLeast(e.target.value)} />
        </label>
        <span className="muted small">{m['flow.shown'](fmt.count(Math.min(rows.length, TXN_SHOWN)), fmt.count(rows.length))}</span>
      </div>
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
            {rows.slice(0, TXN_SHOWN).map((t, k) => (
              <tr key={`${t.at}-${k}`}>
                <td>{fmt.dateTime(t.at)}</td>
                <td className="mono">
                  <AccountButton
                    account={t.from}
                    selected={t.from !== null && (selected?.has(t.from) ?? false)}
                    onPick={() => t.from && pick(t.from)}
                  />
                </td>
                <td className="mono">
                  {t.cash ? (
                    m['flow.cash']
                  ) : (
                    <AccountButton
                      account={t.to}
                      selected={t.to !== null && (selected?.has(t.to) ?? false)}
                      onPick={() => t.to && pick(t.to)}
                    />
                  )}
                </td>
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
