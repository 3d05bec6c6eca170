import { describe, expect, it } from 'vitest';
import { lossByCurrency, thresholdCrossing } from '../../../src/core/linking/threshold';

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

  it('sums losses per currency as decimal strings', () => {
    expect(lossByCurrency([
      { id: 'A', reportedMs: 0, lossCents: 100050, currency: 'CNY' },
      { id: 'B', reportedMs: 0, lossCents: 1150000, currency: 'CNY' },
      { id: 'C', reportedMs: 0, lossCents: 5, currency: 'USD' },
    ])).toEqual({ CNY: '12500.50', USD: '0.05' });
  });
});
