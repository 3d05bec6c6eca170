// Following the money backward from an account (a cash-out point, a mule card): who paid into it,
// layer by layer. A payer's payment can only have been made of money it held before it paid, so
// each account's incoming payments are followed only where they arrived at most the window before
// one of its followed payments on (and, with a tolerance, only where that payment's amount matches
// theirs within it); the start's receipts are all followed. The figures are exact and add up: every followed payment is the payer's
// `sent` and the payee's `received`, so what the accounts of the last layer paid into the trace
// (`beyond`, money whose own sources were not followed) equals what reached the start through it
// (`entered`) plus what the accounts in between kept of what they received (`retained`, negative
// where they paid on more than the trace shows them receiving).
import type { Db } from '../store/db';
import { FlowError, type TraceCore, type TraceOptions, amountMatches } from './flow';

interface Move {
  readonly amount: number;
  readonly at: number;
}

type Edge = { from: number; to: number; amount: number; count: number; first: number; last: number };

/** Whether an incoming payment could be the money of one of the departures (sorted by time). */
function feeds(departures: readonly Move[], inc: Move, windowMs: number, tolerance: number | undefined): boolean {
  // The first departure at or after the arrival.
  let lo = 0;
  let hi = departures.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((departures[mid] as Move).at < inc.at) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < departures.length; k++) {
    const d = departures[k] as Move;
    if (d.at > inc.at + windowMs) return false;
    if (tolerance === undefined || amountMatches(inc.amount, d.amount, tolerance)) return true;
  }
  return false;
}

export function traceBackIds(db: Db, startIds: readonly number[], options: TraceOptions = {}): TraceCore {
  const depth = options.depth ?? 5;
  const windowMs = (options.windowHours ?? 48) * 3_600_000;
  const tolerance = options.tolerance;
  if (!Number.isInteger(depth) || depth < 1 || depth > 20) throw new FlowError('--depth must be a whole number from 1 to 20');
  const incoming = db
    .prepare<[number, number, number], [number, number, number]>(
      `SELECT from_id, amount_cents, at_ms FROM flow_txn INDEXED BY flow_txn_to
       WHERE to_id = ? AND success = 1 AND from_id IS NOT NULL AND at_ms BETWEEN ? AND ? ORDER BY at_ms`,
    )
    .raw();
  const outgoing = db
    .prepare<[number], [number | null, number, number, number]>(
      'SELECT to_id, amount_cents, at_ms, cash FROM flow_txn INDEXED BY flow_txn_from WHERE from_id = ? AND success = 1 ORDER BY at_ms',
    )
    .raw();
  const starts = new Set(startIds);
  const layer = new Map<number, number>();
  /** Per account: its followed payments into the trace (departures open windows before them). */
  const departures = new Map<number, Move[]>();
  const received = new Map<number, number>();
  const sent = new Map<number, number>();
  const cash = new Map<number, number>();
  const windows = new Map<number, readonly [number, number]>();
  const edges = new Map<string, Edge>();
  // The start's receipts are all followed (within no window): the trace begins there.
  for (const id of starts) layer.set(id, 0);
  let entered = 0;
  let returned = 0;
  let frontier = [...starts];
  for (let l = 0; l < depth && frontier.length > 0; l++) {
    const next: number[] = [];
    for (const account of frontier) {
      const isStart = starts.has(account);
      const deps = isStart ? [] : (departures.get(account) ?? []).sort((a, b) => a.at - b.at);
      if (!isStart && deps.length === 0) continue;
      const from = isStart ? -8.64e15 : (deps[0] as Move).at - windowMs;
      const to = isStart ? 8.64e15 : (deps[deps.length - 1] as Move).at;
      windows.set(account, [from, to]);
      for (const [payer, amount, at] of incoming.all(account, from, to) as [number, number, number][]) {
        const inc = { amount, at };
        if (!isStart && !feeds(deps, inc, windowMs, tolerance)) continue;
        // Money the start paid back into the trace is a loop, kept apart.
        if (starts.has(payer)) {
          returned += amount;
          continue;
        }
        received.set(account, (received.get(account) ?? 0) + amount);
        sent.set(payer, (sent.get(payer) ?? 0) + amount);
        if (isStart) entered += amount;
        const key = `${payer}>${account}`;
        const e = edges.get(key);
        if (e) {
          e.amount += amount;
          e.count += 1;
          e.first = Math.min(e.first, at);
          e.last = Math.max(e.last, at);
        } else edges.set(key, { from: payer, to: account, amount, count: 1, first: at, last: at });
        let list = departures.get(payer);
        if (!list) departures.set(payer, (list = []));
        list.push(inc);
        if (!layer.has(payer)) {
          layer.set(payer, l + 1);
          next.push(payer);
        }
      }
    }
    frontier = next;
  }
  // The start: what it received through the trace, and where that went after the first of it.
  let cashOut = 0;
  let startRetained = 0;
  for (const id of starts) {
    const w = windows.get(id);
    const first = Math.min(...[...edges.values()].filter((e) => e.to === id).map((e) => e.first));
    let s = 0;
    let c = 0;
    for (const [toId, amount, at, isCash] of outgoing.all(id) as [number | null, number, number, number][]) {
      if (at < first || (w !== undefined && at < w[0])) continue;
      if (toId === null) c += isCash === 1 ? amount : 0;
      else s += amount;
    }
    sent.set(id, s);
    cash.set(id, c);
    cashOut += c;
    startRetained += (received.get(id) ?? 0) - s - c;
  }
  let retained = 0;
  let beyond = 0;
  for (const [id, l] of layer) {
    if (starts.has(id)) continue;
    if (l === depth) beyond += sent.get(id) ?? 0;
    else retained += (received.get(id) ?? 0) - (sent.get(id) ?? 0);
  }
  return {
    direction: 'backward',
    starts,
    depth,
    layer,
    received,
    sent,
    cash,
    edges,
    windows,
    entered,
    cashOut,
    retained,
    beyond,
    returned,
    startRetained,
  };
}
