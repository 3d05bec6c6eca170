import { describe, expect, it } from 'vitest';
import { parseAmount, parseDays } from '../../src/renderer/src/settings/settings-validation';

describe('settings validation', () => {
  it('accepts amounts with at most two decimals', () => {
    expect(parseAmount('5000')).toBe('5000');
    expect(parseAmount(' 5000.5 ')).toBe('5000.5');
    expect(parseAmount('0.01')).toBe('0.01');
  });

  it('rejects other amounts', () => {
    for (const bad of ['', '12.345', '-1', '1,000', '1e3', '12.', '.5', 'abc']) expect(parseAmount(bad), bad).toBeNull();
  });

  it('accepts positive whole days only', () => {
    expect(parseDays('90')).toBe(90);
    expect(parseDays(' 7 ')).toBe(7);
    for (const bad of ['', '0', '-3', '1.5', '30d', '99999999999999999999']) expect(parseDays(bad), bad).toBeNull();
  });
});
