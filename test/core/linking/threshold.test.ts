import { describe, expect, it } from 'vitest';
import { lossByCurrency, onlyTogether, thresholdCrossing, windowMs } from '../../../src/core/linking/threshold';

const DAY = 86_400_000;
const rule = { amountCents: 300000, currency: 'CNY', lookbackDays: 730 };

describe('filing threshold', () => {
  it('records the report that pushed the series over, and when', () => {
    const rows = [
      { id: 'A', reportedMs: 0, lossCents: 100000, currency: 'CNY' },
      { id: 'C', reportedMs: 20 * DAY, lossCents: 150000, currency: 'CNY' },
      { id: 'B', reportedMs: 10 * DAY, lossCents: 100000, currency: 'CNY' },
    ];
    expect(thresholdCrossing(rows, rule)).toEqual({ report: 'C', atMs: 20 * DAY, windowCents: 350000 });
  });

  it('sums only within the look-back window and only the threshold currency', () => {
    const rows = [
      { id: 'A', reportedMs: 0, lossCents: 200000, currency: 'CNY' },
      { id: 'B', reportedMs: 800 * DAY, lossCents: 200000, currency: 'CNY' },
      { id: 'C', reportedMs: 801 * DAY, lossCents: 900000, currency: 'USD' },
    ];
    expect(thresholdCrossing(rows, rule)).toBeNull();
    expect(thresholdCrossing(rows, { ...rule, lookbackDays: 1000 })?.report).toBe('B');
  });

  it('counts when each fraud happened, not when it was reported', () => {
    // Reported ten days apart, but the frauds lie 800 days apart: not repeated within the window.
    const apart = [
      { id: 'A', reportedMs: 900 * DAY, occurredMs: 100 * DAY, lossCents: 200000, currency: 'CNY' },
      { id: 'B', reportedMs: 910 * DAY, occurredMs: 900 * DAY, lossCents: 200000, currency: 'CNY' },
    ];
    expect(thresholdCrossing(apart, rule)).toBeNull();
    expect(
      thresholdCrossing(
        apart.map(({ occurredMs: _o, ...r }) => r),
        rule,
      ),
    ).toEqual({ report: 'B', atMs: 910 * DAY, windowCents: 400000 });
    // Reported 800 days apart, frauds a month apart: within the window, and in the order they happened.
    const near = [
      { id: 'A', reportedMs: 0, occurredMs: -5 * DAY, lossCents: 200000, currency: 'CNY' },
      { id: 'B', reportedMs: 800 * DAY, occurredMs: -35 * DAY, lossCents: 200000, currency: 'CNY' },
    ];
    expect(thresholdCrossing(near, rule)).toEqual({ report: 'A', atMs: -5 * DAY, windowCents: 400000 });
  });

  it('falls back to the report date for a report that does not say when its fraud happened', () => {
    const rows = [
      { id: 'A', reportedMs: 1000 * DAY, occurredMs: 10 * DAY, lossCents: 200000, currency: 'CNY' },
      { id: 'B', reportedMs: 20 * DAY, occurredMs: null, lossCents: 150000, currency: 'CNY' },
      { id: 'C', reportedMs: 30 * DAY, occurredMs: Number.NaN, lossCents: 100000, currency: 'CNY' },
      { id: 'D', reportedMs: 1500 * DAY, lossCents: 100000, currency: 'CNY' },
    ];
    expect(rows.map(windowMs)).toEqual([10 * DAY, 20 * DAY, 30 * DAY, 1500 * DAY]);
    // A (day 10) and B (day 20, its report date) reach 3,500 together.
    expect(thresholdCrossing(rows, rule)).toEqual({ report: 'B', atMs: 20 * DAY, windowCents: 350000 });
    // A and D were reported 500 days apart, but A's fraud happened 1,490 days before D's report.
    const [a, , , d] = rows as [(typeof rows)[0], unknown, unknown, (typeof rows)[3]];
    expect(thresholdCrossing([a, d], rule)).toBeNull();
    expect(thresholdCrossing([{ ...a, occurredMs: null }, d], rule)).toEqual({ report: 'D', atMs: 1500 * DAY, windowCents: 300000 });
  });

  it('says a series was reached only together when none of its reports reaches the threshold alone', () => {
    const small = [
      { id: 'A', reportedMs: 0, lossCents: 299999, currency: 'CNY' },
      { id: 'B', reportedMs: DAY, lossCents: 1, currency: 'CNY' },
      // Another currency counts neither towards the threshold nor as a report reaching it alone.
      { id: 'C', reportedMs: DAY, lossCents: 900000, currency: 'USD' },
    ];
    expect(onlyTogether(small, rule, thresholdCrossing(small, rule))).toBe(true);
    const withLarge = [...small, { id: 'D', reportedMs: 900 * DAY, lossCents: 300000, currency: 'CNY' }];
    // Over on A and B, but D alone reaches the threshold: the series is not only together.
    expect(thresholdCrossing(withLarge, rule)?.report).toBe('B');
    expect(onlyTogether(withLarge, rule, thresholdCrossing(withLarge, rule))).toBe(false);
    // Below the threshold: not reached at all.
    const below = small.slice(0, 1);
    expect(onlyTogether(below, rule, thresholdCrossing(below, rule))).toBe(false);
  });

  it('sums losses per currency as decimal strings', () => {
    expect(
      lossByCurrency([
        { id: 'A', reportedMs: 0, lossCents: 100050, currency: 'CNY' },
        { id: 'B', reportedMs: 0, lossCents: 1150000, currency: 'CNY' },
        { id: 'C', reportedMs: 0, lossCents: 5, currency: 'USD' },
      ]),
    ).toEqual({ CNY: '12500.50', USD: '0.05' });
  });
});
