import { describe, expect, it } from 'vitest';
import { normaliseIdentifier } from '../../../src/core/normalise';

describe('QQ numbers', () => {
  it.each([
    '371958246',
    ' 371958246 ',
    'QQ371958246',
    'QQ 371958246',
    'QQ:371958246',
    'qq:371958246',
    'QQ：371958246',
    'QQ号：371958246',
    'QQ号码 371958246',
    '扣扣371958246',
    '扣扣：371958246',
    '加扣扣 371958246',
    '企鹅号371958246',
    'Q 371958246',
    'ＱＱ：３７１９５８２４６',
    '371 958 246',
    '371958246@qq.com',
    '371958246@QQ.COM',
  ])('%s', (raw) => {
    expect(normaliseIdentifier('qq', raw)).toEqual({ kind: 'qq', value: '371958246' });
  });

  it.each([
    ['10001', '10001'],
    ['13800138000', '13800138000'],
  ])('lengths 5–11: %s', (raw, value) => {
    expect(normaliseIdentifier('qq', raw)).toEqual({ kind: 'qq', value });
  });

  it.each(['QQ群：689245713', 'Q群689245713', 'qq群号 689245713', '群号：689245713'])('group numbers: %s', (raw) => {
    expect(normaliseIdentifier('qq', raw)).toEqual({ kind: 'qq', value: '689245713', subtype: 'group' });
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
    expect(normaliseIdentifier('wechat', '371958246')).toEqual({ kind: 'wechat', value: '371958246', subtype: 'qq' });
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

  it.each(['Zhang.San@163.com', ' zhang.san@163.com ', '支付宝：zhang.san@163.com', 'ｚｈａｎｇ．ｓａｎ＠１６３．ｃｏｍ'])(
    'email form: %s',
    (raw) => {
      expect(normaliseIdentifier('alipay', raw)).toEqual({
        kind: 'alipay',
        value: 'zhang.san@163.com',
        subtype: 'email',
        domain: '163.com',
      });
    },
  );

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
