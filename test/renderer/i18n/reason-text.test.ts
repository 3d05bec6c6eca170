import { describe, expect, it } from 'vitest';
import { parseRecord } from '../../../src/core/report/parse';
import { en } from '../../../src/renderer/src/i18n/en';
import { reasonText, syncRunErrorCode } from '../../../src/renderer/src/i18n/reason-text';
import { zhCN } from '../../../src/renderer/src/i18n/zh-cn';

const GOOD = { id: 'R-1', version: 1, precinct: 'SH-PUDONG', reported_at: '2017-06-03T09:12:00+08:00', category: 'loan' };

/** Records the real parser rejects, one per reason shape it has. */
const BAD: readonly unknown[] = [
  42,
  { ...GOOD, id: undefined },
  { ...GOOD, id: '' },
  { ...GOOD, version: 0 },
  { ...GOOD, deleted: 'yes' },
  { ...GOOD, precinct: 7 },
  { ...GOOD, reported_at: '3 June 2017' },
  { ...GOOD, reported_at: '2017-02-30T09:12:00+08:00' },
  { ...GOOD, loss: 5 },
  { ...GOOD, loss: { amount: 12.5, currency: 'CNY' } },
  { ...GOOD, loss: { amount: '12.555', currency: 'CNY' } },
  { ...GOOD, loss: { amount: '12.50', currency: 'yuan' } },
  { ...GOOD, loss: { amount: true, currency: 'CNY' } },
  { ...GOOD, victim: [] },
  { ...GOOD, victim: { age: 200 } },
  { ...GOOD, victim: { age: 20.5 } },
  { ...GOOD, location: { lat: 'north' } },
  { ...GOOD, messages: {} },
  { ...GOOD, messages: [{ channel: 'fax', text: 'x' }] },
  { ...GOOD, identifiers: [{ kind: 'phone', value: ' ' }] },
  { ...GOOD, narrative: 'x'.repeat(100_001) },
];

describe('rejection reasons in the UI language', () => {
  it('translates every reason the record parser gives', () => {
    for (const record of BAD) {
      const parsed = parseRecord(record);
      expect(parsed.ok).toBe(false);
      if (parsed.ok) continue;
      const zh = reasonText(parsed.error.reason, zhCN);
      expect(zh.translated, parsed.error.reason).toBe(true);
      // No English words left in the Chinese sentence except data, formats and codes.
      expect(zh.text.replace(/“[^”]*”|"[^"]*"|\d{4}-\d{2}-\d{2}T[\d:+]+|CNY|JSON|（[a-z_, ]+）/g, '')).not.toMatch(/[a-z]{3,}/i);
      expect(reasonText(parsed.error.reason, en).translated).toBe(true);
    }
  });

  it('keeps the data the reason names', () => {
    expect(reasonText('"2017-02-30T09:12:00+08:00" has an impossible date 2017-02-30', zhCN).text).toContain('2017-02-30T09:12:00+08:00');
    expect(reasonText('must be between 0 and 150, got 200', zhCN).text).toBe('应在 0 到 150 之间，实际是 200');
  });

  it('passes an unknown sentence through, untranslated', () => {
    expect(reasonText('something new', zhCN)).toEqual({ text: 'something new', translated: false });
  });

  it('reads a stored sync-run error as its code', () => {
    expect(syncRunErrorCode('not authorised for precinct SH (HTTP 401): the token is wrong')).toBe('unauthorised');
    expect(syncRunErrorCode('cannot reach the feed at http://x (ECONNREFUSED, 3 tries): offline')).toBe('network');
    expect(syncRunErrorCode('page 3 is not a feed page: the body is empty; nothing of it was stored')).toBe('bad_page');
    expect(syncRunErrorCode('the feed failed 5 times on page 2 (last: HTTP 503)')).toBe('unavailable');
    expect(syncRunErrorCode('whatever')).toBe('failed');
  });
});
