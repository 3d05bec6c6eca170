import { describe, expect, it } from 'vitest';
import { parseRecord } from '../../../src/core/report/parse';
import { decimalToCents, centsToDecimal } from '../../../src/common/money';

const valid = {
  id: 'RPT-2017-0000123',
  version: 1,
  precinct: 'NJ-XUANWU',
  reported_at: '2017-06-03T09:12:00+08:00',
  occurred_at: '2017-06-02T20:40:00+08:00',
  category: 'fake_prize',
  loss: { amount: '5000.00', currency: 'CNY' },
  victim: { name: '罗某', phone: '13905141234', age: 34, district: '玄武区' },
  narrative: '收到短信称银行送礼品，点击链接后按提示回复验证码，卡内5000元被转走。',
  messages: [
    { channel: 'sms', sender: '1065 9057 0012', text: '【工商银行】尊敬的客户，您的积分可兑换礼品，请登录 icbc-jf.cn/lq 领取，回T退订' },
  ],
  identifiers: [{ kind: 'url', value: 'icbc-jf.cn/lq', role: 'link' }],
};

describe('parseRecord', () => {
  it('accepts the spec example and computes reported_at in UTC', () => {
    const r = parseRecord(valid);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.reportedMs).toBe(Date.UTC(2017, 5, 3, 1, 12));
    expect(r.value.record).toMatchObject({ id: valid.id, category: 'fake_prize', loss: { amount: '5000.00', currency: 'CNY' } });
  });

  it('accepts a tombstone with only id and version', () => {
    const r = parseRecord({ id: 'RPT-1', version: 3, deleted: true });
    expect(r).toEqual({ ok: true, value: { record: { id: 'RPT-1', version: 3, deleted: true }, reportedMs: null } });
  });

  it('keeps unknown categories as other with the original code', () => {
    const r = parseRecord({ ...valid, category: 'sim_swap' });
    expect(r.ok && r.value.record).toMatchObject({ category: 'other', category_original: 'sim_swap' });
  });

  it.each([
    [{ ...valid, id: undefined }, null, 'id', /required/],
    [{ ...valid, id: 'x'.repeat(129) }, null, 'id', /longer than 128/],
    [{ ...valid, version: 0 }, valid.id, 'version', /integer >= 1/],
    [{ ...valid, version: 1.5 }, valid.id, 'version', /integer/],
    [{ ...valid, precinct: undefined }, valid.id, 'precinct', /required/],
    [{ ...valid, reported_at: '2017-02-30T10:00:00+08:00' }, valid.id, 'reported_at', /impossible date/],
    [{ ...valid, reported_at: '2017-06-03 09:12' }, valid.id, 'reported_at', /RFC 3339/],
    [{ ...valid, reported_at: '2017-06-03T09:12:00' }, valid.id, 'reported_at', /offset/],
    [{ ...valid, occurred_at: '2017-13-01T00:00:00Z' }, valid.id, 'occurred_at', /impossible month/],
    [{ ...valid, loss: { amount: 1234.5, currency: 'CNY' } }, valid.id, 'loss.amount', /not the number 1234.5/],
    [{ ...valid, loss: { amount: '12.345', currency: 'CNY' } }, valid.id, 'loss.amount', /at most 2 decimals/],
    [{ ...valid, loss: { amount: '-5', currency: 'CNY' } }, valid.id, 'loss.amount', /non-negative/],
    [{ ...valid, loss: { amount: '5', currency: 'yuan' } }, valid.id, 'loss.currency', /ISO 4217/],
    [{ ...valid, loss: { amount: '5', currency: 'XYZ' } }, valid.id, 'loss.currency', /"XYZ" is not a currency of ISO 4217/],
    [{ ...valid, loss: { amount: '5', currency: 'RMB' } }, valid.id, 'loss.currency', /"RMB" is not a currency of ISO 4217/],
    [{ ...valid, id: 'RPT-1\u0000' }, null, 'id', /control characters \(U\+0000 at position 6\)/],
    [{ ...valid, id: 'RPT-\u001b[31m1' }, null, 'id', /U\+001B/],
    [{ ...valid, id: 'RPT-\u202e1' }, null, 'id', /U\+202E/],
    [{ ...valid, id: 'RPT-\n1' }, null, 'id', /control characters/],
    [{ ...valid, victim: { age: 'old' } }, valid.id, 'victim.age', /number/],
    [{ ...valid, location: { lat: 91 } }, valid.id, 'location.lat', /between/],
    [{ ...valid, messages: [{ channel: 'pigeon', text: 'x' }] }, valid.id, 'messages[0].channel', /not one of/],
    [{ ...valid, messages: [{ channel: 'sms' }] }, valid.id, 'messages[0].text', /required/],
    [{ ...valid, identifiers: [{ kind: 'phone', value: '  ' }] }, valid.id, 'identifiers[0].value', /empty/],
    [{ ...valid, deleted: 'yes' }, valid.id, 'deleted', /true or false/],
  ])('rejects %# naming the field', (input, id, field, reason) => {
    const r = parseRecord(input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.id).toBe(id);
    expect(r.error.field).toBe(field);
    expect(r.error.reason).toMatch(reason);
  });

  it.each(['CNY', 'HKD', 'MOP', 'TWD', 'USD', 'EUR', 'JPY', 'KRW', 'THB', 'VND', 'MYR', 'PHP', 'KHR', 'MMK', 'LAK', 'AED'])(
    'accepts a loss in %s',
    (currency) => {
      expect(parseRecord({ ...valid, loss: { amount: '5.00', currency } })).toMatchObject({
        ok: true,
        value: { record: { loss: { amount: '5.00', currency } } },
      });
    },
  );

  it('accepts ids in any script, with spaces and punctuation', () => {
    for (const id of ['南京-玄武-2024-001', 'RPT 2024/001', 'ИД-7', 'a\u00a0b'])
      expect(parseRecord({ ...valid, id })).toMatchObject({ ok: true });
  });

  it('rejects a record that is not an object', () => {
    expect(parseRecord([1, 2])).toMatchObject({ ok: false, error: { field: '(record)' } });
  });
});

describe('money', () => {
  it.each([
    ['0', 0],
    ['0.5', 50],
    ['1234.50', 123450],
    ['90071992547409.91', Number.MAX_SAFE_INTEGER],
  ])('%s is %d hundredths, exactly', (text, cents) => {
    expect(decimalToCents(text)).toBe(cents);
  });
  it('refuses amounts beyond exact integer arithmetic rather than rounding them', () => {
    expect(decimalToCents('90071992547409.92')).toBeNull();
    expect(decimalToCents('999999999999999.99')).toBeNull();
  });
  it('never reads floats or signs', () => {
    expect(decimalToCents('1e3')).toBeNull();
    expect(decimalToCents('-1')).toBeNull();
    expect(decimalToCents('1.234')).toBeNull();
    expect(centsToDecimal(123450)).toBe('1234.50');
    expect(centsToDecimal(5)).toBe('0.05');
  });
});
