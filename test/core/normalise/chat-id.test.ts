import { describe, expect, it } from 'vitest';
import { normaliseIdentifier } from '../../../src/core/normalise';

describe('QQ numbers', () => {
  it.each([
    '123456789',
    ' 123456789 ',
    'QQ123456789',
    'QQ 123456789',
    'QQ:123456789',
    'qq:123456789',
    'QQ：123456789',
    'QQ号：123456789',
    'QQ号码 123456789',
    '扣扣123456789',
    '扣扣：123456789',
    '加扣扣 123456789',
    '企鹅号123456789',
    'Q 123456789',
    'ＱＱ：１２３４５６７８９',
    '123 456 789',
    '123456789@qq.com',
    '123456789@QQ.COM',
  ])('%s', (raw) => {
    expect(normaliseIdentifier('qq', raw)).toEqual({ kind: 'qq', value: '123456789' });
  });

  it.each([
    ['10001', '10001'],
    ['13800138000', '13800138000'],
  ])('lengths 5–11: %s', (raw, value) => {
    expect(normaliseIdentifier('qq', raw)).toEqual({ kind: 'qq', value });
  });

  it.each(['QQ群：987654321', 'Q群987654321', 'qq群号 987654321', '群号：987654321'])('group numbers: %s', (raw) => {
    expect(normaliseIdentifier('qq', raw)).toEqual({ kind: 'qq', value: '987654321', subtype: 'group' });
  });

  it.each(['', 'QQ', '1234', '012345678', '123456789012', 'abc123', 'QQ: 不知道', 'abc@qq.com'])('%j → null', (raw) => {
    expect(normaliseIdentifier('qq', raw)).toBeNull();
  });
});

describe('WeChat ids', () => {
  it.each([
    ['abc_123', 'abc_123'],
    ['ABC_123', 'abc_123'],
    [' abc_123 ', 'abc_123'],
    ['微信：abc_123', 'abc_123'],
    ['微信号：abc_123', 'abc_123'],
    ['微信abc_123', 'abc_123'],
    ['微信号是abc_123', 'abc_123'],
    ['加微信 abc_123', 'abc_123'],
    ['wx: abc_123', 'abc_123'],
    ['wx abc_123', 'abc_123'],
    ['WX：abc_123', 'abc_123'],
    ['vx:abc_123', 'abc_123'],
    ['VX abc_123', 'abc_123'],
    ['V信：abc_123', 'abc_123'],
    ['v信abc_123', 'abc_123'],
    ['威信：abc_123', 'abc_123'],
    ['薇信 abc_123', 'abc_123'],
    ['wechat: abc_123', 'abc_123'],
    ['WeChat ID: abc_123', 'abc_123'],
    ['ｗｘ：ａｂｃ＿１２３', 'abc_123'],
    ['zhang-san-88', 'zhang-san-88'],
    ['abcdef', 'abcdef'],
    ['a1234567890123456789', 'a1234567890123456789'],
    ['vxiaoming', 'vxiaoming'],
    ['wxhelper01', 'wxhelper01'],
  ])('%s → %s', (raw, value) => {
    expect(normaliseIdentifier('wechat', raw)).toEqual({ kind: 'wechat', value });
  });

  it.each([
    ['wxid_abcdefghij1234', 'wxid_abcdefghij1234'],
    ['WXID_AbcdEfghij12', 'wxid_abcdefghij12'],
    ['微信：wxid_abcdefghij1234', 'wxid_abcdefghij1234'],
  ])('system ids: %s', (raw, value) => {
    expect(normaliseIdentifier('wechat', raw)).toEqual({ kind: 'wechat', value, subtype: 'wxid' });
  });

  it.each(['13800138000', '微信：138 0013 8000', '微信同号13800138000', '+86 138-0013-8000'])('bound phone numbers: %s', (raw) => {
    expect(normaliseIdentifier('wechat', raw)).toEqual({ kind: 'wechat', value: '+8613800138000', subtype: 'phone' });
  });

  it('an old account known by its QQ number', () => {
    expect(normaliseIdentifier('wechat', '123456789')).toEqual({ kind: 'wechat', value: '123456789', subtype: 'qq' });
  });

  it.each(['', '微信', 'abc', 'abcde', '1abcdef', '_abcdef', 'abc def ghi', '张三的微信', 'a12345678901234567890', 'abc.def1', '王老师'])(
    '%j → null',
    (raw) => {
      expect(normaliseIdentifier('wechat', raw)).toBeNull();
    },
  );
});

describe('Alipay accounts', () => {
  it.each(['13800138000', '138 0013 8000', '+86 138-0013-8000', '支付宝：13800138000', '支付宝账号 138-0013-8000', 'alipay: 13800138000'])(
    'phone form: %s',
    (raw) => {
      expect(normaliseIdentifier('alipay', raw)).toEqual({ kind: 'alipay', value: '+8613800138000', subtype: 'phone' });
    },
  );

  it.each(['Zhang.San@163.com', ' zhang.san@163.com ', '支付宝：zhang.san@163.com', 'ｚｈａｎｇ．ｓａｎ＠１６３．ｃｏｍ'])('email form: %s', (raw) => {
    expect(normaliseIdentifier('alipay', raw)).toEqual({
      kind: 'alipay',
      value: 'zhang.san@163.com',
      subtype: 'email',
      domain: '163.com',
    });
  });

  it.each([
    ['138****8000', '138***8000'],
    ['138***8000', '138***8000'],
    ['138＊＊＊＊8000', '138***8000'],
    ['zha***@163.com', 'zha***@163.com'],
    ['ZHA*@163.COM', 'zha***@163.com'],
  ])('masked accounts: %s → %s', (raw, value) => {
    expect(normaliseIdentifier('alipay', raw)).toEqual({ kind: 'alipay', value, subtype: 'masked' });
  });

  it('internal user ids', () => {
    expect(normaliseIdentifier('alipay', '2088 1234 5678 9012')).toEqual({ kind: 'alipay', value: '2088123456789012', subtype: 'user_id' });
  });

  it.each(['', '支付宝', '张三', '12345', '****', 'not-an-email@'])('%j → null', (raw) => {
    expect(normaliseIdentifier('alipay', raw)).toBeNull();
  });
});
