// Accounts showing laundering patterns in the statements' transactions, each with its evidence:
// - fast_in_out (快进快出): money in, and out again within T minutes, most of it (out/in ≥ ratio);
// - fan_in / fan_out: money from (to) many distinct accounts within a window;
// - loop: money that comes back to an account through others (a cycle of a few hops, in order of time);
// - cash_out: cash withdrawals (ATM, counter), the end of the chain.
// Failed transactions are never money moved.
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

interface Move {
  readonly from: number | null;
  readonly to: number | null;
  readonly amount: number;
  readonly at: number;
  readonly cash: number;
}

const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');

export function flowPatterns(db: Db, options: PatternOptions = {}): FlowPattern[] {
  const fastMs = (options.fastMinutes ?? 60) * 60_000;
  const ratio = options.fastRatio ?? 0.8;
  const degree = options.fanDegree ?? 5;
  const fanMs = (options.fanDays ?? 7) * 86_400_000;
  const hops = options.loopHops ?? 4;
  const loopMs = (options.loopDays ?? 7) * 86_400_000;
  const names = new Map<number, string>(db.prepare('SELECT id, value FROM flow_account').raw().all() as [number, string][]);
  const moves = (
    db.prepare('SELECT from_id, to_id, amount_cents, at_ms, cash FROM flow_txn WHERE success = 1 ORDER BY at_ms').raw().all() as [
      number | null,
      number | null,
      number,
      number,
      number,
    ][]
  ).map(([from, to, amount, at, cash]): Move => ({ from, to, amount, at, cash }));
  const ins = new Map<number, Move[]>();
  const outs = new Map<number, Move[]>();
  for (const m of moves) {
    if (m.to !== null) (ins.get(m.to) ?? ins.set(m.to, []).get(m.to)!).push(m);
    if (m.from !== null) (outs.get(m.from) ?? outs.set(m.from, []).get(m.from)!).push(m);
  }
  const found: FlowPattern[] = [];
  const name = (id: number): string => names.get(id) ?? String(id);

  for (const [account, list] of ins) {
    const out = outs.get(account) ?? [];
    // 快进快出: the largest share of one arrival sent on within the window.
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
    if (best)
      found.push({
        account: name(account),
        pattern: 'fast_in_out',
        evidence: `in ${centsToDecimal(best.inAmount)} at ${iso(best.at)}, out ${centsToDecimal(best.outAmount)} within ${best.minutes} min (ratio ${(best.outAmount / best.inAmount).toFixed(2)})`,
      });
    const fanIn = widest(list, (m) => m.from, fanMs);
    if (fanIn.count >= degree)
      found.push({
        account: name(account),
        pattern: 'fan_in',
        evidence: `from ${fanIn.count} accounts within ${options.fanDays ?? 7} days (from ${iso(fanIn.from)}), ${centsToDecimal(fanIn.amount)} in all`,
      });
  }
  for (const [account, list] of outs) {
    const fanOut = widest(
      list.filter((m) => m.to !== null),
      (m) => m.to,
      fanMs,
    );
    if (fanOut.count >= degree)
      found.push({
        account: name(account),
        pattern: 'fan_out',
        evidence: `to ${fanOut.count} accounts within ${options.fanDays ?? 7} days (from ${iso(fanOut.from)}), ${centsToDecimal(fanOut.amount)} in all`,
      });
    const cash = list.filter((m) => m.to === null && m.cash === 1);
    if (cash.length > 0)
      found.push({
        account: name(account),
        pattern: 'cash_out',
        evidence: `${cash.length} cash withdrawals, ${centsToDecimal(cash.reduce((s, m) => s + m.amount, 0))} in all, the last at ${iso((cash[cash.length - 1] as Move).at)}`,
      });
  }
  // Loops: from each account, paths forward in time of at most `hops` transfers back to it.
  for (const account of outs.keys()) {
    const cycle = loopFrom(account, outs, hops, loopMs);
    if (cycle)
      found.push({
        account: name(account),
        pattern: 'loop',
        evidence: `${[account, ...cycle.map((m) => m.to as number)].map(name).join(' → ')}, ${centsToDecimal((cycle[0] as Move).amount)} out, ${centsToDecimal((cycle[cycle.length - 1] as Move).amount)} back by ${iso((cycle[cycle.length - 1] as Move).at)}`,
      });
  }
  const order: Record<FlowPatternKind, number> = { fast_in_out: 0, fan_in: 1, fan_out: 2, loop: 3, cash_out: 4 };
  return found.sort((a, b) => order[a.pattern] - order[b.pattern] || a.account.localeCompare(b.account));
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
function loopFrom(start: number, outs: ReadonlyMap<number, readonly Move[]>, hops: number, windowMs: number): Move[] | null {
  const path: Move[] = [];
  const onPath = new Set<number>([start]);
  let budget = 2_000;
  const walk = (at: number, after: number): boolean => {
    if (path.length >= hops || budget-- <= 0) return false;
    const until = path.length > 0 ? (path[0] as Move).at + windowMs : Infinity;
    for (const m of outs.get(at) ?? []) {
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
