import { describe, expect, it } from 'vitest';
import { normaliseIdentifier } from '../../../src/core/normalise';

describe('e-mail addresses', () => {
  it.each([
    ['Zhang.San@163.com', 'zhang.san@163.com', '163.com'],
    ['  zhang.san@163.com  ', 'zhang.san@163.com', '163.com'],
    ['ZHANG.SAN@163.COM', 'zhang.san@163.com', '163.com'],
    ['mailto:zhang.san@163.com', 'zhang.san@163.com', '163.com'],
    ['<zhang.san@163.com>', 'zhang.san@163.com', '163.com'],
    ['ｚｈａｎｇ．ｓａｎ＠１６３．ｃｏｍ', 'zhang.san@163.com', '163.com'],
    ['zhang.san@163。com', 'zhang.san@163.com', '163.com'],
    ['邮箱：zhang.san@163.com（常用）', 'zhang.san@163.com', '163.com'],
    ['zhang.san @ 163.com', 'zhang.san@163.com', '163.com'],
    ['371958246@qq.com', '371958246@qq.com', 'qq.com'],
    ['a+tag@mail.example.com.cn', 'a+tag@mail.example.com.cn', 'example.com.cn'],
    ['office@court.gov.cn', 'office@court.gov.cn', 'court.gov.cn'],
    ['x@xn--fsqu00a.xn--fiqs8s', 'x@例子.中国', '例子.中国'],
  ])('%s → %s', (raw, value, domain) => {
    expect(normaliseIdentifier('email', raw)).toEqual({ kind: 'email', value, domain });
  });

  it.each(['', '   ', 'zhang.san', 'zhang.san@', '@163.com', 'a@b', 'a@@b.com', '.a@b.com', 'a.@b.com', '无', '联系我'])(
    '%j → null',
    (raw) => {
      expect(normaliseIdentifier('email', raw)).toBeNull();
    },
  );
});
