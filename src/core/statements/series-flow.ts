// The money flow of a series: the cards and accounts its reports name that bank statements carry,
// followed forward together (flow.ts), with what to request next (accounts in the trace whose
// statements have not been read, ranked by what they received from the traced accounts) and the
// downstream accounts the series shares with other series (two gangs paying into one laundering
// account are one case for the filing desk), read from the cache of shared-cache.ts.
import type { AccountToRequest, FlowAccount, FlowEdge, FlowTxnView, SeriesFlow } from '../../common/api/flow';
import { centsToDecimal } from '../../common/money';
import type { Db } from '../store/db';
import { edgeView, FlowError, traceIds, traceView, type Trace, type TraceCore } from './flow';
import { sharedWith } from './shared-cache';

export { sharedDownstream } from './shared-cache';

const TRANSACTIONS = 2000;
const TO_REQUEST = 50;

/** The statement accounts named by a series' reports (payee cards, accounts). */
export function seriesCards(db: Db, seriesId: string): number[] {
  return db
    .prepare<[string], number>(
      `SELECT DISTINCT a.id FROM series_member m JOIN identifier i ON i.rid = m.rid
       JOIN flow_account a ON a.kind = i.kind AND a.value = i.value WHERE m.series_id = ? ORDER BY a.id`,
    )
    .pluck()
    .all(seriesId);
}

/** The accounts of a series' money flow: its cards and every account a trace from them reaches. */
export function seriesFlowAccounts(db: Db, seriesId: string): Set<number> {
  const cards = seriesCards(db, seriesId);
  return cards.length === 0 ? new Set() : new Set(traceIds(db, cards).layer.keys());
}

/** The series' money flow as a trace (the one the workspace shows), for the exports; its start names the series and its cards. */
export function seriesTrace(db: Db, seriesId: string): Trace {
  const cards = seriesCards(db, seriesId);
  if (cards.length === 0)
    throw new FlowError(`series ${seriesId}: none of the cards or accounts its reports name is in the imported statements`);
  const value = db.prepare<[number], string>('SELECT value FROM flow_account WHERE id = ?').pluck();
  return traceView(db, traceIds(db, cards), `${seriesId}: ${cards.map((id) => value.get(id)).join(', ')}`);
}

export function seriesFlow(db: Db, seriesId: string): SeriesFlow {
  const cards = seriesCards(db, seriesId);
  const info = db.prepare<[number], { value: string; holder: string | null; requested: number }>(
    'SELECT value, holder, requested FROM flow_account WHERE id = ?',
  );
  const valueOf = (id: number): string => (info.get(id) as { value: string }).value;
  if (cards.length === 0)
    return {
      seriesId,
      cards: [],
      accounts: [],
      edges: [],
      totals: { entered: '0.00', cashOut: '0.00', retained: '0.00', beyond: '0.00' },
      transactions: [],
      toRequest: [],
      shared: [],
    };
  const t = traceIds(db, cards);
  const accounts: FlowAccount[] = [...t.layer]
    .sort((a, b) => a[1] - b[1] || (t.received.get(b[0]) ?? 0) - (t.received.get(a[0]) ?? 0))
    .map(([id, layer]) => {
      const a = info.get(id) as { value: string; holder: string | null; requested: number };
      return {
        account: a.value,
        layer,
        received: centsToDecimal(t.received.get(id) ?? 0),
        sent: centsToDecimal(t.sent.get(id) ?? 0),
        cashOut: centsToDecimal(t.cash.get(id) ?? 0),
        holder: a.holder,
        requested: a.requested === 1,
      };
    });
  const edges: FlowEdge[] = [...t.edges.values()].sort((x, y) => y.amount - x.amount).map((e) => edgeView(e, valueOf));
  return {
    seriesId,
    cards: cards.map(valueOf),
    accounts,
    edges,
    totals: {
      entered: centsToDecimal(t.entered),
      cashOut: centsToDecimal(t.cashOut),
      retained: centsToDecimal(t.retained),
      beyond: centsToDecimal(t.beyond),
    },
    transactions: transactionsOf(db, t, valueOf),
    toRequest: toRequest(db, t, info),
    shared: sharedWith(db, seriesId),
  };
}

/** The traced transfers and cash-outs, in time order, within each account's window. */
function transactionsOf(db: Db, t: TraceCore, valueOf: (id: number) => string): FlowTxnView[] {
  const stmt = db
    .prepare<[number, number, number], [number | null, number, number, number, string | null]>(
      'SELECT to_id, amount_cents, at_ms, cash, summary FROM flow_txn INDEXED BY flow_txn_from WHERE from_id = ? AND success = 1 AND at_ms BETWEEN ? AND ?',
    )
    .raw();
  const out: { from: number; to: number | null; amount: number; at: number; cash: boolean; summary: string | null }[] = [];
  for (const [id, [from, to]] of t.windows) {
    for (const [toId, amount, at, cash, summary] of stmt.all(id, from, to) as [number | null, number, number, number, string | null][]) {
      if (toId === null ? cash !== 1 : !t.layer.has(toId)) continue;
      out.push({ from: id, to: toId, amount, at, cash: cash === 1, summary });
    }
  }
  return out
    .sort((a, b) => a.at - b.at)
    .slice(0, TRANSACTIONS)
    .map((x) => ({
      from: valueOf(x.from),
      to: x.to === null ? null : valueOf(x.to),
      amount: centsToDecimal(x.amount),
      at: new Date(x.at).toISOString(),
      cash: x.cash,
      summary: x.summary,
    }));
}

function toRequest(
  db: Db,
  t: TraceCore,
  info: { get(id: number): { value: string; holder: string | null; requested: number } | undefined },
): AccountToRequest[] {
  const sends = db.prepare<[number], number>('SELECT 1 FROM flow_txn INDEXED BY flow_txn_from WHERE from_id = ? LIMIT 1').pluck();
  const out: (AccountToRequest & { cents: number })[] = [];
  for (const [id] of t.layer) {
    const a = info.get(id);
    if (!a || a.requested === 1) continue;
    const cents = t.starts.has(id) ? 0 : (t.received.get(id) ?? 0);
    const role: AccountToRequest['role'] = sends.get(id) !== undefined ? 'transit' : 'sink';
    out.push({ account: a.value, received: centsToDecimal(cents), role, holder: a.holder, cents });
  }
  // Accounts paying into the series' cards that are themselves unrequested: where money came from.
  const payers = db
    .prepare<[number], [number, number]>(
      `SELECT t.from_id, sum(t.amount_cents) FROM flow_txn t INDEXED BY flow_txn_to JOIN flow_account a ON a.id = t.from_id
       WHERE t.to_id = ? AND t.success = 1 AND a.requested = 0 GROUP BY t.from_id`,
    )
    .raw();
  const seen = new Set(out.map((o) => o.account));
  for (const card of t.starts)
    for (const [from] of payers.all(card) as [number, number][]) {
      const a = info.get(from);
      if (!a || seen.has(a.value) || t.layer.has(from)) continue;
      seen.add(a.value);
      out.push({ account: a.value, received: '0.00', role: 'source', holder: a.holder, cents: 0 });
    }
  return out
    .sort(
      (x, y) => y.cents - x.cents || (x.role === 'source' ? 1 : 0) - (y.role === 'source' ? 1 : 0) || x.account.localeCompare(y.account),
    )
    .slice(0, TO_REQUEST)
    .map(({ cents: _cents, ...rest }) => rest);
}
