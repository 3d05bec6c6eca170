// The filing threshold: a series is over it when the losses of its reports within the look-back
// window (default 3,000 CNY over 730 days, per store settings) reach the amount — repeated frauds
// within the window are summed. The window slides over when each fraud happened (occurred_at),
// and over when it was reported for a report that does not say; the first report at which the
// window's sum reaches the threshold is the one that pushed the series over, and when (on that
// same time line). A series over the threshold none of whose reports reaches it alone was
// reached only together: the small cases that linking brings to filing.
import { centsToDecimal } from '../../common/money';

export interface LossRow {
  readonly id: string;
  readonly reportedMs: number;
  /** When the fraud happened (occurred_at); absent, null or NaN when the report does not say. */
  readonly occurredMs?: number | null;
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
  /** When the pushing report's fraud happened, or when it was reported when it does not say. */
  readonly atMs: number;
  /** The window's sum at the crossing, in hundredths of the threshold currency. */
  readonly windowCents: number;
}

const DAY = 86_400_000;

/** Whether the report says when the fraud happened. */
export function hasOccurrence(r: LossRow): boolean {
  return typeof r.occurredMs === 'number' && Number.isFinite(r.occurredMs);
}

/** The time a report stands at in the window: when the fraud happened, else when it was reported. */
export function windowMs(r: LossRow): number {
  return hasOccurrence(r) ? (r.occurredMs as number) : r.reportedMs;
}

export function thresholdCrossing(rows: readonly LossRow[], rule: ThresholdRule): Crossing | null {
  const counted = rows
    .filter((r) => r.currency === rule.currency && r.lossCents > 0 && Number.isFinite(windowMs(r)))
    .map((r) => ({ id: r.id, ms: windowMs(r), cents: r.lossCents }))
    .sort((a, b) => a.ms - b.ms || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  let from = 0;
  let sum = 0;
  for (const r of counted) {
    sum += r.cents;
    while ((counted[from] as (typeof counted)[number]).ms < r.ms - rule.lookbackDays * DAY) {
      sum -= (counted[from] as (typeof counted)[number]).cents;
      from++;
    }
    if (sum >= rule.amountCents) return { report: r.id, atMs: r.ms, windowCents: sum };
  }
  return null;
}

/** Over the threshold (`crossing`) although no report reaches it alone. */
export function onlyTogether(rows: readonly LossRow[], rule: ThresholdRule, crossing: Crossing | null): boolean {
  if (crossing === null) return false;
  for (const r of rows) if (r.currency === rule.currency && r.lossCents >= rule.amountCents) return false;
  return true;
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
