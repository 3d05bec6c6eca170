// The filing threshold: a series is over it when the losses of its reports within the look-back
// window (default 3,000 CNY over 730 days, per store settings) reach the amount. The window
// slides over the reports in the order they were reported; the first report at which the
// window's sum reaches the threshold is the one that pushed the series over, and when.
import { centsToDecimal } from '../../common/money';

export interface LossRow {
  readonly id: string;
  readonly reportedMs: number;
  readonly lossCents: number;
  readonly currency: string | null;
}

export interface ThresholdRule {
  readonly amountCents: number;
  readonly currency: string;
  readonly lookbackDays: number;
}

export interface Crossing {
  readonly report: string;
  readonly atMs: number;
  /** The window's sum at the crossing, in hundredths of the threshold currency. */
  readonly windowCents: number;
}

const DAY = 86_400_000;

export function thresholdCrossing(rows: readonly LossRow[], rule: ThresholdRule): Crossing | null {
  const counted = rows
    .filter((r) => r.currency === rule.currency && r.lossCents > 0 && Number.isFinite(r.reportedMs))
    .sort((a, b) => a.reportedMs - b.reportedMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  let from = 0;
  let sum = 0;
  for (const r of counted) {
    sum += r.lossCents;
    while ((counted[from] as LossRow).reportedMs < r.reportedMs - rule.lookbackDays * DAY) {
      sum -= (counted[from] as LossRow).lossCents;
      from++;
    }
    if (sum >= rule.amountCents) return { report: r.id, atMs: r.reportedMs, windowCents: sum };
  }
  return null;
}

/** Losses per currency as decimal strings: {"CNY": "12500.00"}. */
export function lossByCurrency(rows: readonly LossRow[]): Record<string, string> {
  const sums = new Map<string, number>();
  for (const r of rows) if (r.currency !== null && r.lossCents > 0) sums.set(r.currency, (sums.get(r.currency) ?? 0) + r.lossCents);
  const out: Record<string, string> = {};
  for (const cur of [...sums.keys()].sort()) {
    const cents = sums.get(cur) as number;
    out[cur] = centsToDecimal(cents);
  }
  return out;
}
