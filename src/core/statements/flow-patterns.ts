// Accounts showing laundering patterns in the statements' transactions, each with its evidence:
// - fast_in_out (快进快出): money in, and out again within T minutes, most of it (out/in ≥ ratio);
// - fan_in / fan_out: money from (to) many distinct accounts within a window;
// - loop: money that comes back to an account through others (a cycle of a few hops, in order of time);
// - cash_out: cash withdrawals (ATM, counter), the end of the chain.
// Failed transactions are never money moved. Read account by account through the indexes, so a
// store of ten million transactions is searched in bounded memory.
import { centsToDecimal } from '../../common/money';
import type { Db } from '../store/db';

export type FlowPatternKind = 'fast_in_out' | 'fan_in' | 'fan_out' | 'loop' | 'cash_out';

export interface FlowPattern {
  readonly account: string;
  readonly pattern: FlowPatternKind;
  readonly evidence: string;
}

export interface PatternOptions {
  /** fast_in_out: minutes between money in and out again (default 60). */
  readonly fastMinutes?: number;
  /** fast_in_out: the least share of the money in that goes out again (default 0.8). */
  readonly fastRatio?: number;
  /** fan_in / fan_out: distinct counterparties within the window (default 5). */
  readonly fanDegree?: number;
  /** fan_in / fan_out window (default 7 days). */
  readonly fanDays?: number;
  /** loop: the most hops of a cycle (default 4). */
  readonly loopHops?: number;
  /** loop: the longest time from the first transfer to the money's return (default 7 days). */
  readonly loopDays?: number;
}

export interface Move {
  readonly from: number | null;
  readonly to: number | null;
  readonly amount: number;
  readonly at: number;
  readonly cash: number;
}

const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');

/** Accounts read per page; an account's payments cached for loop searches, up to this many in all. */
const PAGE = 1000;
const CACHED_MOVES = 200_000;

/** Each account's outgoing moves, read by index when first needed and kept while they fit. */
class Outgoing {
  private readonly cache = new Map<number, readonly Move[]>();
  private cached = 0;
  private readonly stmt;

  constructor(db: Db) {
    this.stmt = db
      .prepare<[number], [number | null, number, number, number]>(
        'SELECT to_id, amount_cents, at_ms, cash FROM flow_txn INDEXED BY flow_txn_from WHERE from_id = ? AND success = 1 ORDER BY at_ms',
      )
      .raw();
  }

  of(id: number): readonly Move[] {
    const hit = this.cache.get(id);
    if (hit) {
      // Most recently used last.
      this.cache.delete(id);
      this.cache.set(id, hit);
      return hit;
    }
    const list = (this.stmt.all(id) as [number | null, number, number, number][]).map(([to, amount, at, cash]): Move => ({
      from: id,
      to,
      amount,
      at,
      cash,
    }));
    if (list.length <= CACHED_MOVES / 4) {
      while (this.cached + list.length > CACHED_MOVES && this.cache.size > 0) {
        const [oldest, moves] = this.cache.entries().next().value as [number, readonly Move[]];
        this.cache.delete(oldest);
        this.cached -= moves.length;
      }
      this.cache.set(id, list);
      this.cached += list.length;
    }
    return list;
  }
}

/**
 * The patterns of every account, account by account: each one's payments in and out read by index
 * (never the whole table at once), so memory stays bounded by the busiest account's payments.
 */
export function flowPatterns(db: Db, options: PatternOptions = {}): FlowPattern[] {
  const page = db.prepare<[number], [number, string]>(`SELECT id, value FROM flow_account WHERE id > ? ORDER BY id LIMIT ${PAGE}`).raw();
  const incoming = db
    .prepare<[number], [number | null, number, number, number]>(
      'SELECT from_id, amount_cents, at_ms, cash FROM flow_txn INDEXED BY flow_txn_to WHERE to_id = ? AND success = 1 ORDER BY at_ms',
    )
    .raw();
  const valueOf = db.prepare<[number], string>('SELECT value FROM flow_account WHERE id = ?').pluck();
  const outgoing = new Outgoing(db);
  const found: FlowPattern[] = [];
  const name = (id: number): string => valueOf.get(id) ?? String(id);
  for (let after = 0; ;) {
    const accounts = page.all(after) as [number, string][];
    if (accounts.length === 0) break;
    after = (accounts[accounts.length - 1] as [number, string])[0];
    for (const [account, value] of accounts) {
      const list = (incoming.all(account) as [number | null, number, number, number][]).map(([from, amount, at, cash]): Move => ({
        from,
        to: account,
        amount,
        at,
        cash,
      }));
      found.push(...accountPatterns(account, value, list, (id) => outgoing.of(id), name, options));
    }
  }
  return sortPatterns(found);
}

/**
 * One account's patterns from its payments in (`list`, in time order) and everyone's payments out
 * (`outs`, each in time order): the rules flowPatterns applies to the whole store, also applied to
 * a bundle's money flow in memory.
 */
export function accountPatterns(
  account: number,
  value: string,
  list: readonly Move[],
  outs: (id: number) => readonly Move[],
  name: (id: number) => string,
  options: PatternOptions = {},
): FlowPattern[] {
  const fastMs = (options.fastMinutes ?? 60) * 60_000;
  const ratio = options.fastRatio ?? 0.8;
  const degree = options.fanDegree ?? 5;
  const fanMs = (options.fanDays ?? 7) * 86_400_000;
  const hops = options.loopHops ?? 4;
  const loopMs = (options.loopDays ?? 7) * 86_400_000;
  const found: FlowPattern[] = [];
  const out = outs(account);
  if (list.length > 0) {
    const fast = fastInOut(list, out, fastMs, ratio);
    if (fast)
      found.push({
        account: value,
        pattern: 'fast_in_out',
        evidence: `in ${centsToDecimal(fast.inAmount)} at ${iso(fast.at)}, out ${centsToDecimal(fast.outAmount)} within ${fast.minutes} min (ratio ${(fast.outAmount / fast.inAmount).toFixed(2)})`,
      });
    const fanIn = widest(list, (m) => m.from, fanMs);
    if (fanIn.count >= degree)
      found.push({
        account: value,
        pattern: 'fan_in',
        evidence: `from ${fanIn.count} accounts within ${options.fanDays ?? 7} days (from ${iso(fanIn.from)}), ${centsToDecimal(fanIn.amount)} in all`,
      });
  }
  if (out.length === 0) return found;
  const fanOut = widest(
    out.filter((m) => m.to !== null),
    (m) => m.to,
    fanMs,
  );
  if (fanOut.count >= degree)
    found.push({
      account: value,
      pattern: 'fan_out',
      evidence: `to ${fanOut.count} accounts within ${options.fanDays ?? 7} days (from ${iso(fanOut.from)}), ${centsToDecimal(fanOut.amount)} in all`,
    });
  const cash = out.filter((m) => m.to === null && m.cash === 1);
  if (cash.length > 0)
    found.push({
      account: value,
      pattern: 'cash_out',
      evidence: `${cash.length} cash withdrawals, ${centsToDecimal(cash.reduce((sum, m) => sum + m.amount, 0))} in all, the last at ${iso((cash[cash.length - 1] as Move).at)}`,
    });
  // Loops: paths forward in time of at most `hops` transfers back to the account.
  const cycle = list.length > 0 ? loopFrom(account, outs, hops, loopMs) : null;
  if (cycle)
    found.push({
      account: value,
      pattern: 'loop',
      evidence: `${[account, ...cycle.map((m) => m.to as number)].map(name).join(' → ')}, ${centsToDecimal((cycle[0] as Move).amount)} out, ${centsToDecimal((cycle[cycle.length - 1] as Move).amount)} back by ${iso((cycle[cycle.length - 1] as Move).at)}`,
    });
  return found;
}

/** In the order of the pattern kinds, then of the accounts. */
export function sortPatterns(found: FlowPattern[]): FlowPattern[] {
  const order: Record<FlowPatternKind, number> = { fast_in_out: 0, fan_in: 1, fan_out: 2, loop: 3, cash_out: 4 };
  return found.sort((a, b) => order[a.pattern] - order[b.pattern] || a.account.localeCompare(b.account));
}

/** 快进快出: the largest arrival of which a share of at least `ratio` was sent on within the window. */
function fastInOut(
  list: readonly Move[],
  out: readonly Move[],
  fastMs: number,
  ratio: number,
): { inAmount: number; outAmount: number; minutes: number; at: number } | null {
  let best: { inAmount: number; outAmount: number; minutes: number; at: number } | null = null;
  let o = 0;
  for (const m of list) {
    while (o < out.length && (out[o] as Move).at < m.at) o++;
    let sum = 0;
    let lastAt = m.at;
    for (let k = o; k < out.length && (out[k] as Move).at <= m.at + fastMs; k++) {
      sum += (out[k] as Move).amount;
      lastAt = (out[k] as Move).at;
    }
    if (sum > 0 && sum >= ratio * m.amount && (best === null || m.amount > best.inAmount))
      best = { inAmount: m.amount, outAmount: sum, minutes: Math.round((lastAt - m.at) / 60_000), at: m.at };
  }
  return best;
}

/** The most distinct counterparties within one window of the moves (in time order). */
function widest(
  list: readonly Move[],
  other: (m: Move) => number | null,
  windowMs: number,
): { count: number; from: number; amount: number } {
  let best = { count: 0, from: 0, amount: 0 };
  const inWindow = new Map<number, number>();
  let amount = 0;
  let lo = 0;
  for (let hi = 0; hi < list.length; hi++) {
    const m = list[hi] as Move;
    const o = other(m);
    if (o !== null) inWindow.set(o, (inWindow.get(o) ?? 0) + 1);
    amount += m.amount;
    while ((list[lo] as Move).at < m.at - windowMs) {
      const old = list[lo] as Move;
      const oo = other(old);
      if (oo !== null) {
        const n = (inWindow.get(oo) ?? 1) - 1;
        if (n === 0) inWindow.delete(oo);
        else inWindow.set(oo, n);
      }
      amount -= old.amount;
      lo++;
    }
    if (inWindow.size > best.count) best = { count: inWindow.size, from: (list[lo] as Move).at, amount };
  }
  return best;
}

/** A chain of transfers, each after the one before, from an account back to it; null if none. */
function loopFrom(start: number, outs: (id: number) => readonly Move[], hops: number, windowMs: number): Move[] | null {
  const path: Move[] = [];
  const onPath = new Set<number>([start]);
  let budget = 2_000;
  const walk = (at: number, after: number): boolean => {
    if (path.length >= hops || budget-- <= 0) return false;
    const until = path.length > 0 ? (path[0] as Move).at + windowMs : Infinity;
    for (const m of outs(at)) {
      if (m.at > until) break;
      if (m.to === null || m.at < after) continue;
      path.push(m);
      if (m.to === start && path.length >= 2) return true;
      if (!onPath.has(m.to)) {
        onPath.add(m.to);
        if (walk(m.to, m.at)) return true;
        onPath.delete(m.to);
      }
      path.pop();
    }
    return false;
  };
  return walk(start, -Infinity) ? [...path] : null;
}
