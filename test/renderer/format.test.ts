import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, isIsoDate, wallClock } from '../../src/renderer/src/format/dates';
import { formatMoney } from '../../src/renderer/src/format/money';
import { formatCount, formatDuration } from '../../src/renderer/src/format/numbers';

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
