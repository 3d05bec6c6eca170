// Following the money through the statements' transactions: a trace forward from an account over
// layers (money moves on within hours: each account's onward payments are those made after money
// reached it, within a window), and the accounts showing laundering patterns. Every figure is in
// integer hundredths, exact. Failed transactions are never money moved.
import type { Trace, TraceAccount, TraceEdge } from '../../common/api/flow';
import { centsToDecimal } from '../../common/money';
import { normaliseBankAccount } from '../normalise/bank-card';
import type { Db } from '../store/db';
import { traceBackIds } from './flow-backward';

export type { Trace, TraceAccount, TraceEdge } from '../../common/api/flow';

export class FlowError extends Error {}

export interface TraceOptions {
  /** Layers to follow from the start (default 5). */
  readonly depth?: number;
  /** How long after money reached an account its onward payments still count (default 48 hours). */
  readonly windowHours?: number;
  /**
   * Beyond the start, follow a payment only where one on (forward: after it; backward: the payment
   * it could have funded) matches its amount within this share of it (0.05: 5 %); without, every
   * payment within the window is followed.
   */
  readonly tolerance?: number;
  /** Forward (where the money went, the default) or backward (who paid it in). */
  readonly direction?: 'forward' | 'backward';
}

/** Whether an amount passed on matches the amount received, within the tolerance (a share of it). */
export function amountMatches(received: number, passedOn: number, tolerance: number): boolean {
  return Math.abs(passedOn - received) <= Math.round(received * tolerance);
}

interface Txn {
  readonly to: number | null;
  readonly amount: number;
  readonly at: number;
  readonly cash: number;
}

/** The stored account of a card or account number as typed, or a FlowError naming it. */
export function accountOf(db: Db, raw: string): { id: number; value: string } {
  const n = normaliseBankAccount(raw);
  if (n === null) throw new FlowError(`${raw.slice(0, 40)} is not an account or card number`);
  const id = db.prepare<[string, string], number>('SELECT id FROM flow_account WHERE kind = ? AND value = ?').pluck().get(n.kind, n.value);
  if (id === undefined) throw new FlowError(`no statement names the account ${n.value}; import its bank statements first`);
  return { id, value: n.value };
}

/** A trace over account ids: the layers, what reached each account, what left it, the edges. */
export interface TraceCore {
  readonly direction: 'forward' | 'backward';
  readonly starts: ReadonlySet<number>;
  readonly depth: number;
  readonly layer: ReadonlyMap<number, number>;
  readonly received: ReadonlyMap<number, number>;
  readonly sent: ReadonlyMap<number, number>;
  readonly cash: ReadonlyMap<number, number>;
  readonly edges: ReadonlyMap<string, { from: number; to: number; amount: number; count: number; first: number; last: number }>;
  /** Windows per followed account: its onward payments counted between these times. */
  readonly windows: ReadonlyMap<number, readonly [number, number]>;
  readonly entered: number;
  readonly cashOut: number;
  readonly retained: number;
  readonly beyond: number;
  readonly returned: number;
  /** Backward: what the starts kept of what reached them (received − sent − cash out). */
  readonly startRetained?: number;
}

/** Follows the money from several accounts at once (layer 0), as traceForward does from one. */
export function traceIds(db: Db, startIds: readonly number[], options: TraceOptions = {}): TraceCore {
  const depth = options.depth ?? 5;
  const windowMs = (options.windowHours ?? 48) * 3_600_000;
  const tolerance = options.tolerance;
  if (!Number.isInteger(depth) || depth < 1 || depth > 20) throw new FlowError('--depth must be a whole number from 1 to 20');
  const outgoing = db
    .prepare<[number, number, number], [number | null, number, number, number]>(
      'SELECT to_id, amount_cents, at_ms, cash FROM flow_txn INDEXED BY flow_txn_from WHERE from_id = ? AND success = 1 AND at_ms BETWEEN ? AND ? ORDER BY at_ms',
    )
    .raw();
  const incoming = db
    .prepare<[number], [number, number]>(
      'SELECT amount_cents, at_ms FROM flow_txn INDEXED BY flow_txn_to WHERE to_id = ? AND success = 1 ORDER BY at_ms',
    )
    .raw();
  const starts = new Set(startIds);
  const layer = new Map<number, number>();
  /** Per account: money that reached it within the trace, and when (arrivals open windows). */
  const arrivals = new Map<number, { amount: number; at: number }[]>();
  for (const id of starts) {
    layer.set(id, 0);
    arrivals.set(
      id,
      (incoming.all(id) as [number, number][]).map(([amount, at]) => ({ amount, at })),
    );
  }
  const sent = new Map<number, number>();
  const cash = new Map<number, number>();
  const windows = new Map<number, readonly [number, number]>();
  const edges = new Map<string, { from: number; to: number; amount: number; count: number; first: number; last: number }>();
  let returned = 0;
  let frontier = [...starts];
  for (let l = 0; l < depth && frontier.length > 0; l++) {
    const next: number[] = [];
    for (const account of frontier) {
      const arr = arrivals.get(account) ?? [];
      // A start's payments count from its first receipt (or all of them, if none is known).
      let from = -8.64e15;
      let to = 8.64e15;
      if (arr.length > 0) {
        from = Infinity;
        to = -Infinity;
        for (const a of arr) {
          if (a.at < from) from = a.at;
          if (a.at + windowMs > to) to = a.at + windowMs;
        }
      }
      windows.set(account, [from, to]);
      if (tolerance !== undefined) arr.sort((a, b) => a.at - b.at);
      for (const [toId, amount, at, isCash] of outgoing.all(account, from, to) as [number | null, number, number, number][]) {
        const t: Txn = { to: toId, amount, at, cash: isCash };
        if (tolerance !== undefined && !starts.has(account) && !matchesArrival(arr, t, windowMs, tolerance)) continue;
        if (t.to === null) {
          if (t.cash === 1) cash.set(account, (cash.get(account) ?? 0) + t.amount);
          continue;
        }
        sent.set(account, (sent.get(account) ?? 0) + t.amount);
        const key = `${account}>${t.to}`;
        const e = edges.get(key);
        if (e) {
          e.amount += t.amount;
          e.count += 1;
          e.first = Math.min(e.first, t.at);
          e.last = Math.max(e.last, t.at);
        } else edges.set(key, { from: account, to: t.to, amount: t.amount, count: 1, first: t.at, last: t.at });
        // Money back at a start is among what it received already.
        if (starts.has(t.to)) returned += t.amount;
        else {
          let list = arrivals.get(t.to);
          if (!list) arrivals.set(t.to, (list = []));
          list.push({ amount: t.amount, at: t.at });
        }
        if (!layer.has(t.to)) {
          layer.set(t.to, l + 1);
          next.push(t.to);
        }
      }
    }
    frontier = next;
  }
  const received = new Map<number, number>();
  let entered = 0;
  let cashOut = 0;
  let retained = 0;
  let beyond = 0;
  for (const [id, l] of layer) {
    const r = (arrivals.get(id) ?? []).reduce((sum, a) => sum + a.amount, 0);
    received.set(id, r);
    if (starts.has(id)) entered += r;
    // Accounts of the last layer are not followed: what they received went beyond the trace.
    if (l === depth) {
      beyond += r;
      sent.delete(id);
      cash.delete(id);
    } else {
      const c = cash.get(id) ?? 0;
      cashOut += c;
      retained += r - (sent.get(id) ?? 0) - c;
    }
  }
  return {
    direction: 'forward',
    starts,
    depth,
    layer,
    received,
    sent,
    cash,
    edges,
    windows,
    entered: entered - returned,
    cashOut,
    retained,
    beyond,
    returned,
  };
}

/** Whether a payment on is the money of an arrival (sorted by time): after it within the window, its amount within the tolerance. */
function matchesArrival(arrivals: readonly { amount: number; at: number }[], t: Txn, windowMs: number, tolerance: number): boolean {
  for (const a of arrivals) {
    if (a.at > t.at) return false;
    if (a.at + windowMs >= t.at && amountMatches(a.amount, t.amount, tolerance)) return true;
  }
  return false;
}

/** An edge of a trace as shown and exported: accounts by number, the amount exact, times in ISO 8601. */
export function edgeView(
  e: {
    readonly from: number;
    readonly to: number;
    readonly amount: number;
    readonly count: number;
    readonly first: number;
    readonly last: number;
  },
  valueOf: (id: number) => string,
): TraceEdge {
  return {
    from: valueOf(e.from),
    to: valueOf(e.to),
    amount: centsToDecimal(e.amount),
    count: e.count,
    first: new Date(e.first).toISOString(),
    last: new Date(e.last).toISOString(),
  };
}

/** A trace from one account as shown and exported, forward or backward. */
export function traceAccount(db: Db, startRaw: string, options: TraceOptions = {}): Trace {
  const start = accountOf(db, startRaw);
  const t = options.direction === 'backward' ? traceBackIds(db, [start.id], options) : traceIds(db, [start.id], options);
  return traceView(db, t, start.value);
}

export function traceForward(db: Db, startRaw: string, options: TraceOptions = {}): Trace {
  return traceAccount(db, startRaw, { ...options, direction: 'forward' });
}

/** A followed trace as shown and exported: accounts by layer, flows, and the totals; `start` names where it began. */
export function traceView(db: Db, t: TraceCore, start: string): Trace {
  const info = db.prepare<[number], { value: string; holder: string | null; requested: number }>(
    'SELECT value, holder, requested FROM flow_account WHERE id = ?',
  );
  const backward = t.direction === 'backward';
  const accounts: TraceAccount[] = [...t.layer]
    .sort((a, b) => a[1] - b[1] || a[0] - b[0])
    .map(([id, l]) => {
      const a = info.get(id) as { value: string; holder: string | null; requested: number };
      const received = t.received.get(id) ?? 0;
      const sent = t.sent.get(id) ?? 0;
      const c = t.cash.get(id) ?? 0;
      return {
        account: a.value,
        layer: l,
        received: centsToDecimal(received),
        sent: centsToDecimal(sent),
        cash_out: centsToDecimal(c),
        retained: centsToDecimal(l === t.depth ? 0 : received - sent - c),
        holder: a.holder,
        requested: a.requested === 1,
      };
    });
  const valueOf = (id: number): string => (info.get(id) as { value: string }).value;
  // Edges by the layer of the account nearer the start, then the amount.
  const near = (e: { from: number; to: number }): number => t.layer.get(backward ? e.to : e.from) as number;
  return {
    start,
    direction: t.direction,
    accounts,
    edges: [...t.edges.values()].sort((x, y) => near(x) - near(y) || y.amount - x.amount).map((e) => edgeView(e, valueOf)),
    totals: {
      entered: centsToDecimal(t.entered),
      cash_out: centsToDecimal(t.cashOut),
      retained: centsToDecimal(t.retained),
      beyond: centsToDecimal(t.beyond),
      returned: centsToDecimal(t.returned),
    },
  };
}
