// When the n-th report of the corpus is filed. Reports are spread over exactly the requested span,
// fewer at weekends, with some day-to-day noise; within a day, time.ts puts most of them in
// office hours. The schedule decides whose report comes next; this decides its date, so a corpus
// of any size fills its span and never overruns it.

import type { Rng } from './prng';
import { DAY, warpTimeOfDay } from './time';

// Monday..Sunday (the epoch, 1970-01-01, was a Thursday).
const WEEKDAY = [1, 1.02, 1, 0.98, 1.05, 0.8, 0.72];

export class FilingCalendar {
  /** cumulative[d] = share of the reports filed before day d (cumulative[days] = 1). */
  private readonly cumulative: number[] = [0];
  private day = 0;

  constructor(
    rng: Rng,
    private readonly start: number,
    days: number,
    private readonly reports: number,
  ) {
    const weights: number[] = [];
    const whole = Math.ceil(days);
    for (let d = 0; d < whole; d++) {
      const weekday = (Math.floor((start + 8 * 3_600_000) / DAY) + d + 3) % 7;
      const partial = Math.min(1, days - d);
      weights.push((WEEKDAY[weekday] as number) * rng.range(0.85, 1.15) * partial);
    }
    const total = weights.reduce((a, b) => a + b, 0);
    let sum = 0;
    for (const w of weights) {
      sum += w / total;
      this.cumulative.push(sum);
    }
    this.cumulative[whole] = 1;
  }

  /** The filing time of report n (0-based); `u` in [0, 1) places it among its neighbours. Non-decreasing in n. */
  at(n: number, u: number): number {
    const p = Math.min((n + u) / Math.max(1, this.reports), 1 - 1e-12);
    const c = this.cumulative;
    while ((c[this.day + 1] as number) <= p) this.day++;
    const lo = c[this.day] as number;
    const hi = c[this.day + 1] as number;
    return warpTimeOfDay(this.start + (this.day + (p - lo) / (hi - lo)) * DAY);
  }
}
