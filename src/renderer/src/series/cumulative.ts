// The series' loss over time for the loss chart: reports in time order with the running total
// in the threshold currency, the point where it crossed the threshold, the loss per victim and
// per category. Amounts are summed in cents (integers), never as floats. The time line is the
// threshold window's: when each fraud happened, or when it was reported where the report does
// not say (src/core/linking/threshold.ts), so the crossing sits where the window placed it.

import type { SeriesReport } from '../../../common/api';
import { decimalToCents } from '../../../common/money';
import type { Category, Money } from '../../../common/model';

export interface CumulativePoint {
  readonly reportId: string;
  /** When the fraud happened, else when it was reported. */
  readonly at: string;
  /** Milliseconds since the epoch of the report's wall clock (for a time axis). */
  readonly t: number;
  readonly lossCents: number;
  readonly totalCents: number;
}

export interface LossSeries {
  readonly points: readonly CumulativePoint[];
  /** The point whose report pushed the total over the threshold, if any. */
  readonly crossing: CumulativePoint | null;
  readonly byVictim: readonly { readonly victimKey: string; readonly cents: number; readonly reports: number }[];
  readonly byCategory: readonly { readonly category: Category; readonly cents: number; readonly reports: number }[];
  /** Reports whose loss is in another currency (left out of the running total). */
  readonly otherCurrency: number;
}

function stampMs(stamp: string): number {
  const t = Date.parse(stamp);
  return Number.isFinite(t) ? t : 0;
}

/** The report's place on the threshold window's time line. */
export function windowStamp(r: Readonly<SeriesReport>): string {
  return r.occurredAt ?? r.reportedAt;
}

export function lossSeries(reports: readonly SeriesReport[], threshold: Readonly<Money>, overReport: string | null): LossSeries {
  const sorted = [...reports].sort((a, b) => stampMs(windowStamp(a)) - stampMs(windowStamp(b)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const limit = decimalToCents(threshold.amount) ?? Number.POSITIVE_INFINITY;
  const points: CumulativePoint[] = [];
  const victims = new Map<string, { cents: number; reports: number }>();
  const categories = new Map<Category, { cents: number; reports: number }>();
  let total = 0;
  let crossing: CumulativePoint | null = null;
  let otherCurrency = 0;
  for (const r of sorted) {
    let cents = 0;
    if (r.loss) {
      if (r.loss.currency === threshold.currency) cents = decimalToCents(r.loss.amount) ?? 0;
      else otherCurrency++;
    }
    const before = total;
    total += cents;
    const point: CumulativePoint = { reportId: r.id, at: windowStamp(r), t: stampMs(windowStamp(r)), lossCents: cents, totalCents: total };
    points.push(point);
    // The backend names the report; without it, the first report that took the total to the threshold.
    if (overReport !== null ? r.id === overReport : crossing === null && before < limit && total >= limit) crossing = point;
    const v = victims.get(r.victimKey) ?? { cents: 0, reports: 0 };
    victims.set(r.victimKey, { cents: v.cents + cents, reports: v.reports + 1 });
    const c = categories.get(r.category) ?? { cents: 0, reports: 0 };
    categories.set(r.category, { cents: c.cents + cents, reports: c.reports + 1 });
  }
  return {
    points,
    crossing,
    byVictim: [...victims.entries()].map(([victimKey, v]) => ({ victimKey, ...v })).sort((a, b) => b.cents - a.cents),
    byCategory: [...categories.entries()].map(([category, v]) => ({ category, ...v })).sort((a, b) => b.cents - a.cents),
    otherCurrency,
  };
}

export function centsToAmount(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * The value axis of a bar chart, linear from 0 or logarithmic. A log axis starts at half the
 * smallest loss (so the smallest bar keeps a visible length) and leaves out bars of no loss.
 */
export function barAxis(
  values: readonly number[],
  log: boolean,
): { readonly scale: 'linear' | 'log'; readonly domain: [number, number | 'auto'] } {
  if (!log) return { scale: 'linear', domain: [0, 'auto'] };
  const positive = values.filter((v) => v > 0);
  const low = positive.length > 0 ? Math.min(...positive) / 2 : 1;
  return { scale: 'log', domain: [low, 'auto'] };
}
