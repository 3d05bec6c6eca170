import { describe, expect, it } from 'vitest';
import type { ReportRecord } from '../../../src/common/model';
import { identifierRows } from '../../../src/core/ingest/identifiers';
import { identifierWeight } from '../../../src/core/linking/evidence';
import { extractIdentifiers, normaliseIdentifier } from '../../../src/core/normalise';
import {
  isExampleDigits,
  isPlaceholderEmail,
  isPlaceholderHandle,
  isPlaceholderHost,
  isReservedHost,
} from '../../../src/core/normalise/placeholder';

/** "kind:value" of everything found, in order. */
const found = (text: string): string[] => extractIdentifiers(text).map(({ kind, value }) => `${kind}:${value}`);

describe('example digit strings', () => {
  it.each([
    '00000',
    '88888888',
    '11111111111',
    '123456',
    '12345678',
    '123456789',
    '1234567890',
    '0123456789',
    '3456789012',
    '987654',
    '9876543210',
    '4111111111111111',
    '6222222222222222',
  ])('%s is an example', (digits) => {
    expect(isExampleDigits(digits)).toBe(true);
  });

  // Hotlines, mobiles and numbers that only look regular are numbers.
  it.each([
    '',
    '1234',
    '8888',
    '12345',
    '10000',
    '95555',
    '13888888888',
    '18888888888',
    '12345679',
    '1234567891',
    '123123123',
    '4008888888',
    '4111111111111112',
    '5500000000000004',
    '31795246',
  ])('%j is a number', (digits) => {
    expect(isExampleDigits(digits)).toBe(false);
  });
});

describe('masked handles, mailboxes and hosts', () => {
  it.each(['xxxxxxx', 'XXXXXXXXX', 'xxx-xxxxxx', 'xxx_xxx', 'wxid_xxxxxxxx', 'wxid-xxx', '***', '○○○○○○'])('handle %s is a mask', (id) => {
    expect(isPlaceholderHandle(id)).toBe(true);
  });

  it.each(['xiaoxx88', 'xxx_888', 'xx', 'wxid_abcdefghij1234', 'x1x2x3', 'wxidxxx1'])('handle %s is an id', (id) => {
    expect(isPlaceholderHandle(id)).toBe(false);
  });

  it.each([
    'xxx@gmail.com',
    'xx@163.com',
    'xxx@xx.com',
    'ab***@qq.com',
    '123456@qq.com',
    'user@xxxx.com',
    'name@example.com',
    'a@mail.example.org',
    'me@shop.test',
  ])('mailbox %s is a placeholder', (address) => {
    expect(isPlaceholderEmail(address)).toBe(true);
  });

  it.each([
    'resultboxxx21@gmail.com',
    'hhforexxx@gmail.com',
    'x@163.com',
    '371958246@qq.com',
    '13800138000@163.com',
    'a+tag@mail.example.com.cn',
    'test@email.com',
  ])('mailbox %s is a mailbox', (address) => {
    expect(isPlaceholderEmail(address)).toBe(false);
  });

  it.each(['www.xxxxx', 'xxxxx', 'xxx.com', 'www.xxx.com', 'xxxxxxxxx.com', 'XXXXXXX.COM', 'xxx.com.cn', 'xxx.xxx'])(
    'host %s is a mask',
    (host) => {
      expect(isPlaceholderHost(host)).toBe(true);
    },
  );

  it.each(['x.com', 'xx.com', 'mail.xxx.com', 'xxxy.com', 'boxxx.cn', 'example.com', 'jtee.cn', 'www.icbc-vip.com', '103.45.6.7'])(
    'host %s is no mask',
    (host) => {
      expect(isPlaceholderHost(host)).toBe(false);
    },
  );

  it.each([
    ['example.com', true],
    ['www.example.net', true],
    ['mail.example.org', true],
    ['shop.example', true],
    ['pay.test', true],
    ['a.invalid', true],
    ['example.com.cn', false],
    ['test.com', false],
    ['myexample.com', false],
  ])('host %s is reserved for examples: %s', (host, reserved) => {
    expect(isReservedHost(host)).toBe(reserved);
  });
});

describe('a placeholder is no identifier of any kind', () => {
  it.each([
    ['wechat', 'xxxxxxx'],
    ['wechat', '微信号：xxxxxxx'],
    ['wechat', 'XXX-XXXXXX'],
    ['wechat', 'wxid_xxxxxxxx'],
    ['wechat', '123456789'],
    ['qq', 'QQ号XXXXXXX'],
    ['qq', '1234567890'],
    ['qq', 'QQ：88888888'],
    ['qq', '123456@qq.com'],
    ['alipay', 'xxxxxxxx'],
    ['alipay', '***@qq.com'],
    ['alipay', 'xxx***xxx'],
    ['alipay', '12345678901'],
    ['phone', '138****1234'],
    ['phone', '138-XXXX-1234'],
    ['phone', '+86 138 **** 1234'],
    ['phone', '****1234'],
    ['phone', 'xxx-xxxxxx'],
    ['phone', '12345678'],
    ['phone', '1234567890'],
    ['phone', '8888 8888'],
    ['bank_card', 'XXXX XXXX XXXX XXXX'],
    ['bank_card', '1234 5678 9012 3456'],
    ['bank_card', '0000 0000 0000 0000'],
    ['bank_card', '4111 1111 1111 1111'],
    ['bank_account', 'XXXX-XXXXXXXXXXX'],
    ['bank_account', '1234567890'],
    ['email', 'xxx@xx.com'],
    ['email', 'user@xxxx.com'],
    ['email', 'ab***@qq.com'],
    ['email', 'someone@example.com'],
    ['crypto', 'xxxxxxxxxxxxxxxxxxxxxxxx'],
    ['crypto', 'USDT: xxxxxxxxxxxxxxxxxxxxxxxx'],
  ] as const)('%s %j → null', (kind, raw) => {
    expect(normaliseIdentifier(kind, raw)).toBeNull();
  });

  it.each([
    ['wechat', 'xiaoxx88', { kind: 'wechat', value: 'xiaoxx88' }],
    ['qq', '12345', { kind: 'qq', value: '12345' }],
    ['qq', '371958246', { kind: 'qq', value: '371958246' }],
    ['alipay', '138****8000', { kind: 'alipay', value: '138***8000', subtype: 'masked' }],
    ['alipay', 'zha***@163.com', { kind: 'alipay', value: 'zha***@163.com', subtype: 'masked' }],
    ['phone', '12345', { kind: 'phone', value: '12345', subtype: 'service' }],
    ['phone', '13888888888', { kind: 'phone', value: '+8613888888888', subtype: 'mobile' }],
    ['phone', '0755-88888888', { kind: 'phone', value: '+8675588888888', subtype: 'landline' }],
    ['phone', '+1 415 555 2671 x12', { kind: 'phone', value: '+14155552671', subtype: 'foreign' }],
    ['bank_card', '6222 xxxx xxxx 0128', { kind: 'bank_card', value: '6222****0128', luhn: false, subtype: 'masked' }],
    ['bank_account', '6222 **** 0128', { kind: 'bank_card', value: '6222****0128', luhn: false, subtype: 'masked' }],
    ['bank_account', '6222XXXX0128', { kind: 'bank_card', value: '6222****0128', luhn: false, subtype: 'masked' }],
    ['email', 'resultboxxx21@gmail.com', { kind: 'email', value: 'resultboxxx21@gmail.com', domain: 'gmail.com' }],
  ] as const)('near miss: %s %j is kept', (kind, raw, expected) => {
    expect(normaliseIdentifier(kind, raw)).toEqual(expected);
  });
});

describe('placeholders in scam scripts are not found', () => {
  it.each([
    '请添加我的微信号：xxxxxxx，并下载一款名叫“安全防护”的APP',
    '请添加我的微信号：XXXXXXXXXXX并将警官证件照片发给你',
    '进入视频会议房间号XXX-XXXXXX，如有需要可以添加微信号XXXXXXXX',
    '随后添加了微信为wxid_xxxxxxx并联系',
    '请您添加我的QQ号码1234567890并接收相关文件',
    '加QQ群：88888888',
    '请转入卡号：1234 5678 9012 3456',
    '对方电话88888888',
    '发邮件到xxx@xx.com或user@xxxx.com',
    '支付宝账号：***@qq.com',
  ])('%s', (text) => {
    expect(found(text)).toEqual([]);
  });

  it.each([
    ['加微信xiaoxx88', ['wechat:xiaoxx88']],
    ['QQ：371958246', ['qq:371958246']],
    ['邮箱resultboxxx21@gmail.com', ['email:resultboxxx21@gmail.com']],
    ['电话13888888888', ['phone:+8613888888888']],
  ])('near miss: %s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('a reported placeholder is kept for the record and weighs nothing', () => {
  const record: ReportRecord = {
    id: 'R-1',
    version: 1,
    precinct: 'NJ-XUANWU',
    reported_at: '2024-01-02T10:00:00+08:00',
    category: 'other',
    identifiers: [
      { kind: 'wechat', value: '微信号：xxxxxxx' },
      { kind: 'phone', value: '138****1234' },
      { kind: 'email', value: 'user@xxxx.com' },
      { kind: 'qq', value: '371958246' },
    ],
  };

  it('as the citizen wrote it (folded), subtype unparsed', () => {
    const rows = identifierRows(record).map(([kind, value, raw, , origin, subtype]) => ({ kind, value, raw, origin, subtype }));
    expect(rows).toEqual([
      { kind: 'wechat', value: '微信号:xxxxxxx', raw: '微信号：xxxxxxx', origin: 'reported', subtype: 'unparsed' },
      { kind: 'phone', value: '138****1234', raw: '138****1234', origin: 'reported', subtype: 'unparsed' },
      { kind: 'email', value: 'user@xxxx.com', raw: 'user@xxxx.com', origin: 'reported', subtype: 'unparsed' },
      { kind: 'qq', value: '371958246', raw: '371958246', origin: 'reported', subtype: null },
    ]);
    expect(rows.map((r) => identifierWeight(r))).toEqual([0, 0, 0, 1]);
  });
});
