import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, isIsoDate, localDayBounds, wallClock } from '../../../src/renderer/src/format/dates';
import { formatMoney } from '../../../src/renderer/src/format/money';
import { formatCount, formatDuration } from '../../../src/renderer/src/format/numbers';

describe('money', () => {
  it('formats yuan per locale', () => {
    expect(formatMoney({ amount: '12500', currency: 'CNY' }, 'zh-CN')).toBe('¥12,500.00');
    expect(formatMoney({ amount: '12500.5', currency: 'CNY' }, 'en')).toBe('¥12,500.50');
  });

  it('never rounds through a float', () => {
    expect(formatMoney({ amount: '900719925474099.99', currency: 'CNY' }, 'zh-CN')).toBe('¥900,719,925,474,099.99');
    expect(formatMoney({ amount: '0.1', currency: 'CNY' }, 'zh-CN')).toBe('¥0.10');
  });

  it('shows other currencies and unreadable amounts as written', () => {
    expect(formatMoney({ amount: '10', currency: 'USD' }, 'en')).toBe('$10.00');
    expect(formatMoney({ amount: '1.234', currency: 'CNY' }, 'en')).toBe('1.234 CNY');
    expect(formatMoney({ amount: '5', currency: 'not a code' }, 'en')).toBe('5 not a code');
  });
});

describe('dates', () => {
  it('formats a date per locale', () => {
    expect(formatDate('2017-06-03T09:12:00+08:00', 'zh-CN')).toBe('2017年6月3日');
    expect(formatDate('2017-06-03T09:12:00+08:00', 'en')).toBe('3 Jun 2017');
  });

  it('keeps the wall-clock time of the stamp, whatever the offset', () => {
    expect(formatDateTime('2017-06-03T09:12:00+08:00', 'zh-CN')).toBe('2017年6月3日 09:12');
    expect(formatDateTime('2017-06-03T23:30:00-05:00', 'en')).toBe('3 Jun 2017, 23:30');
    expect(formatDateTime('2017-06-03T01:05:09.123Z', 'en')).toBe('3 Jun 2017, 01:05');
  });

  it('shows a bare date without a time', () => {
    expect(formatDateTime('2017-06-03', 'zh-CN')).toBe('2017年6月3日');
  });

  it('returns unreadable stamps unchanged', () => {
    expect(formatDate('yesterday', 'en')).toBe('yesterday');
    expect(wallClock('2017-02-30')).toBeNull();
    expect(isIsoDate('2017-02-28')).toBe(true);
    expect(isIsoDate('2017-2-28')).toBe(false);
  });
});

describe('numbers', () => {
  it('groups counts per locale', () => {
    expect(formatCount(1000000, 'zh-CN')).toBe('1,000,000');
    expect(formatCount(1234, 'en')).toBe('1,234');
  });

  it('formats durations', () => {
    expect(formatDuration(3240, 'zh-CN')).toBe('3.2秒');
    expect(formatDuration(125_000, 'zh-CN')).toBe('2分钟5秒');
    expect(formatDuration(125_000, 'en')).toBe('2 mins, 5 secs');
  });
});

describe('local day bounds', () => {
  // Node reads TZ again whenever it is assigned.
  function inZone<T>(zone: string, f: () => T): T {
    const before = process.env.TZ;
    process.env.TZ = zone;
    try {
      return f();
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  }

  it("are the instants the computer's own day starts and ends at", () => {
    expect(inZone('Asia/Shanghai', () => localDayBounds('2026-11-24'))).toEqual({
      start: '2026-11-23T16:00:00.000Z',
      end: '2026-11-24T16:00:00.000Z',
    });
    expect(inZone('UTC', () => localDayBounds('2026-11-24'))).toEqual({
      start: '2026-11-24T00:00:00.000Z',
      end: '2026-11-25T00:00:00.000Z',
    });
    // Across a month and a year end.
    expect(inZone('Asia/Shanghai', () => localDayBounds('2026-12-31'))).toEqual({
      start: '2026-12-30T16:00:00.000Z',
      end: '2026-12-31T16:00:00.000Z',
    });
  });

  it('follow a daylight-saving change: that day is 23 hours long', () => {
    const b = inZone('Europe/Berlin', () => localDayBounds('2026-03-29'));
    expect(b).toEqual({ start: '2026-03-28T23:00:00.000Z', end: '2026-03-29T22:00:00.000Z' });
  });

  it('refuse what is no date', () => {
    expect(localDayBounds('2026-02-30')).toBeNull();
    expect(localDayBounds('24.11.2026')).toBeNull();
  });
});
