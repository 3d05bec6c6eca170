import { describe, expect, it } from 'vitest';
import { identifierRows } from '../../../src/core/ingest/identifiers';
import { normaliseIdentifier } from '../../../src/core/normalise';

const phone = (raw: string) => normaliseIdentifier('phone', raw);

describe('Chinese mobiles: every written form meets in E.164', () => {
  it.each([
    '13800138000',
    '+8613800138000',
    '+86 138-0013-8000',
    '+86 138 0013 8000',
    '+86-138-0013-8000',
    '138 0013 8000',
    '138-0013-8000',
    '138.0013.8000',
    '1380 013 8000',
    '0086 13800138000',
    '008613800138000',
    '0086-138-0013-8000',
    '86-13800138000',
    '86 138 0013 8000',
    '8613800138000',
    '(+86)13800138000',
    '(+86) 138 0013 8000',
    '（+86）13800138000',
    '「+86」13800138000',
    '【+86】138-0013-8000',
    '[+86]13800138000',
    '１３８００１３８０００',
    '＋８６ １３８－００１３－８０００',
    '１３８　００１３　８０００',
    '013800138000',
    '  13800138000  ',
    '电话：13800138000',
    'Tel: +86 138 0013 8000',
    '手机号13800138000（微信同号）',
    '13800138000 (张经理)',
    '13800138000转123',
    '138-0013-8000/139-0013-9000',
    '138\u20140013\u20148000',
    '138·0013·8000',
  ])('%s', (raw) => {
    expect(phone(raw)).toEqual({ kind: 'phone', value: '+8613800138000', subtype: 'mobile' });
  });

  it.each([
    ['17012345678', '+8617012345678'],
    ['171 2345 6789', '+8617123456789'],
    ['199-9999-0000', '+8619999990000'],
    ['165 0000 1111', '+8616500001111'],
  ])('virtual-operator and new ranges: %s', (raw, value) => {
    expect(phone(raw)).toEqual({ kind: 'phone', value, subtype: 'mobile' });
  });
});

describe('Chinese landlines with an area code', () => {
  it.each([
    ['010-12345678', '+861012345678'],
    ['010 6552 9988', '+861065529988'],
    ['(010)65529988', '+861065529988'],
    ['+86 10 6552 9988', '+861065529988'],
    ['86-10-65529988', '+861065529988'],
    ['021-6888 8888', '+862168888888'],
    ['020-88886666', '+862088886666'],
    ['0755 8888 8888', '+8675588888888'],
    ['0755-88888888', '+8675588888888'],
    ['+86 (0)755 8888 8888', '+8675588888888'],
    ['+86 755 8888 8888', '+8675588888888'],
    ['0086 755 88888888', '+8675588888888'],
    ['0571-8765432', '+865718765432'],
    ['０２５－８４８９００００', '+862584890000'],
  ])('%s → %s', (raw, value) => {
    expect(phone(raw)).toEqual({ kind: 'phone', value, subtype: 'landline' });
  });
});

describe('service numbers stay as dialled digits', () => {
  it.each([
    ['95588', '95588'],
    ['95555', '95555'],
    ['95 588', '95588'],
    ['96688', '96688'],
    ['95105555', '95105555'],
    ['10086', '10086'],
    ['10010', '10010'],
    ['10000', '10000'],
    ['12315', '12315'],
    ['12306', '12306'],
    ['110', '110'],
    ['120', '120'],
    ['400-812-3123', '4008123123'],
    ['4008 123 123', '4008123123'],
    ['4008123123', '4008123123'],
    ['400-8123-123', '4008123123'],
    ['800-810-8888', '8008108888'],
    ['+86 400 812 3123', '4008123123'],
    ['客服热线：４００－８１２－３１２３', '4008123123'],
  ])('%s → %s', (raw, value) => {
    expect(phone(raw)).toEqual({ kind: 'phone', value, subtype: 'service' });
  });
});

describe('SMS gateway sender codes', () => {
  it.each([
    ['106 9057 0012', '10690570012'],
    ['1065 9057 0012', '106590570012'],
    ['1065905700123', '1065905700123'],
    ['10690000', '10690000'],
    ['1069-0570-0120-3456', '1069057001203456'],
    ['+86 1069 0570 012', '10690570012'],
  ])('%s → %s', (raw, value) => {
    expect(phone(raw)).toEqual({ kind: 'phone', value, subtype: 'sms_gateway' });
  });
});

describe('foreign numbers with a country code', () => {
  it.each([
    ['+1 415 555 2671', '+14155552671'],
    ['+1 (415) 555-2671', '+14155552671'],
    ['001 415 555 2671', '+14155552671'],
    ['+44 20 7946 0958', '+442079460958'],
    ['+852 6123 4567', '+85261234567'],
    ['+886 912 345 678', '+886912345678'],
    ['+855 12 345 678', '+85512345678'],
    ['+95 9 123 456 789', '+959123456789'],
    ['+63 917 123 4567', '+639171234567'],
    ['＋８５２ ６１２３ ４５６７', '+85261234567'],
  ])('%s → %s', (raw, value) => {
    expect(phone(raw)).toEqual({ kind: 'phone', value, subtype: 'foreign' });
  });
});

describe('numbers that fit no plan are kept as digits, subtype unknown', () => {
  it.each([
    ['31795246', '31795246'],
    ['6552 9988', '65529988'],
    ['1380013800', '1380013800'],
    ['138001380001', '138001380001'],
    ['+86 5555 66', '+86555566'],
  ])('%s → %s', (raw, value) => {
    expect(phone(raw)).toEqual({ kind: 'phone', value, subtype: 'unknown' });
  });
});

describe('unusable values', () => {
  it.each(['', '   ', 'abc', '无', '不详', '12', '+', '-', '123456789012345678901234'])('%j → null', (raw) => {
    expect(phone(raw)).toBeNull();
  });

  it.each([
    ['13800138000 13900139000', '+8613800138000'],
    ['+86 13800138000 +86 13900139000', '+8613800138000'],
    ['13800138000、13900139000', '+8613800138000'],
  ])('a field with several numbers yields the first: %s', (raw, value) => {
    expect(phone(raw)).toEqual({ kind: 'phone', value, subtype: 'mobile' });
  });

  it.each([
    '@Kusama_Support044',
    '@Polkadotjs_Help110',
    'Kusama_Support044',
    'Support044',
    'noreply2023@mail.example-bank.com',
    'PayPal <service2024@paypal-secure.com>',
  ])('an IM handle or an e-mail sender is not a number: %j → null', (raw) => {
    expect(phone(raw)).toBeNull();
  });

  it.each([
    ['Tel13800138000', '+8613800138000', 'mobile'],
    ['tel:13800138000', '+8613800138000', 'mobile'],
    ['No.95588', '95588', 'service'],
    ['13800138000@163.com', '+8613800138000', 'mobile'],
    ['中国工商银行95588', '95588', 'service'],
  ])('near miss: a label glued to the number, or a mailbox named by a mobile: %s', (raw, value, subtype) => {
    expect(phone(raw)).toEqual({ kind: 'phone', value, subtype });
  });

  it('a plus sign far from the digits is not a country code', () => {
    expect(phone('QQ+微信 13800138000')).toEqual({ kind: 'phone', value: '+8613800138000', subtype: 'mobile' });
  });
});

describe('message senders become phones only when they are numbers', () => {
  it.each([
    ['@Kusama_Support044', []],
    ['support2024@paypal-secure.com', []],
    ['1065 9057 0012', ['106590570012']],
    ['95588', ['95588']],
    ['+86 138 0013 8000', ['+8613800138000']],
  ])('%s', (sender, phones) => {
    const rows = identifierRows({
      id: 'R-1',
      version: 1,
      precinct: 'NJ-XUANWU',
      reported_at: '2024-01-02T10:00:00+08:00',
      category: 'other',
      messages: [{ channel: 'im', sender, text: 'claim your reward' }],
    });
    expect(rows.filter((r) => r[3] === 'sender').map((r) => r[1])).toEqual(phones);
  });
});
