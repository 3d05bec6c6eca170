// The filing threshold linking reads from settings (without the API schema): the same values the
// backend's settings reader gives, and the defaults for a row that does not read as its setting.
import { describe, expect, it } from 'vitest';
import { readSettings, writeSettings } from '../../../src/core/store/settings';
import { decimalToCents } from '../../../src/common/money';
import { thresholdRule } from '../../../src/core/linking/threshold-setting';
import { testStore } from './support';

describe('threshold rule from settings', () => {
  it('follows the settings as the backend reads them', () => {
    const { db } = testStore();
    expect(thresholdRule(db)).toEqual({ amountCents: 300000, currency: 'CNY', lookbackDays: 730 });
    writeSettings(db, { thresholdAmount: '5000.5', thresholdCurrency: 'USD', lookbackDays: 365 });
    const s = readSettings(db);
    expect(thresholdRule(db)).toEqual({
      amountCents: decimalToCents(s.thresholdAmount),
      currency: s.thresholdCurrency,
      lookbackDays: s.lookbackDays,
    });
    expect(thresholdRule(db)).toEqual({ amountCents: 500050, currency: 'USD', lookbackDays: 365 });
  });

  it('falls back to the default for a row that is not a valid setting', () => {
    const { db } = testStore();
    const put = db.prepare('INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)');
    put.run('thresholdAmount', '"3,000"');
    put.run('thresholdCurrency', 'not json');
    put.run('lookbackDays', '0');
    expect(thresholdRule(db)).toEqual({ amountCents: 300000, currency: 'CNY', lookbackDays: 730 });
    put.run('lookbackDays', '90');
    expect(thresholdRule(db).lookbackDays).toBe(90);
  });
});
