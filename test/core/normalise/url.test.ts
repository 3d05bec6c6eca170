import { describe, expect, it } from 'vitest';
import { normaliseIdentifier } from '../../../src/core/normalise';

const url = (raw: string) => normaliseIdentifier('url', raw);

describe('variants of one link meet', () => {
  it.each([
    'HTTP://WWW.Example.com/a?b=1',
    'http://www.example.com/a?b=1',
    'http://example.com/a?b=1',
    'example.com/a?b=1',
    'www.example.com/a?b=1',
    'EXAMPLE.COM/a?b=1',
    'http://example.com:80/a?b=1',
    'http://example.com/a?b=1#top',
    'http://example.com/a?b=1&utm_source=sms&utm_medium=x',
    'http://example.com/a?spm=a2c4g.11186623&b=1',
    'http://example.com/a?from=singlemessage&isappinstalled=0&b=1',
    'http://example.com/a?b=1&',
    'http://example.com.:80/a?b=1',
    'http://user:secret@example.com/a?b=1',
    '//example.com/a?b=1',
    '<http://example.com/a?b=1>',
    '"example.com/a?b=1"',
    'example.com/a?b=1。',
    'ｈｔｔｐ：／／ｅｘａｍｐｌｅ．ｃｏｍ／ａ？ｂ＝１',
    'http://example。com/a?b=1',
    'http://example.com/a?b=%31',
    ' http://example.com/a?b=1 ',
    '网址：example.com/a?b=1',
    '请登录example.com/a?b=1领取',
  ])('%s', (raw) => {
    expect(url(raw)).toEqual({ kind: 'url', value: 'http://example.com/a?b=1', domain: 'example.com' });
  });
});

describe('canonical form', () => {
  it.each([
    ['https://Example.com', 'http://example.com', 'example.com'],
    ['https://example.com/', 'http://example.com', 'example.com'],
    ['https://example.com:443/x', 'http://example.com/x', 'example.com'],
    ['https://example.com:8443/x', 'http://example.com:8443/x', 'example.com'],
    ['https://icbc-jf.cn/lq/', 'http://icbc-jf.cn/lq', 'icbc-jf.cn'],
    ['http://icbc-jf.cn/lq//', 'http://icbc-jf.cn/lq', 'icbc-jf.cn'],
    ['http://example.com/A/B.html', 'http://example.com/A/B.html', 'example.com'],
    ['http://example.com/a/', 'http://example.com/a', 'example.com'],
    ['http://example.com/a/./b/../c', 'http://example.com/a/c', 'example.com'],
    ['http://example.com/?z=1&a=2&m=3', 'http://example.com?a=2&m=3&z=1', 'example.com'],
    ['http://example.com/p?b=2&a=1&a=0', 'http://example.com/p?a=0&a=1&b=2', 'example.com'],
    ['http://example.com/p?UTM_SOURCE=x&ref=abc', 'http://example.com/p?ref=abc', 'example.com'],
    ['http://example.com/p?fbclid=1&gclid=2&invite=K9', 'http://example.com/p?invite=K9', 'example.com'],
    ['http://example.com/%7euser/%e4%b8%ad', 'http://example.com/~user/%E4%B8%AD', 'example.com'],
    // Chinese right after an ASCII link is the sentence going on, not the path.
    ['http://example.com/x领取', 'http://example.com/x', 'example.com'],
    ['点击 https://example.com/x?id=7 查看', 'http://example.com/x?id=7', 'example.com'],
    ['icbc-jf.cn/lq', 'http://icbc-jf.cn/lq', 'icbc-jf.cn'],
    ['http://icbc.com.cn.xyz-jf.top/login', 'http://icbc.com.cn.xyz-jf.top/login', 'xyz-jf.top'],
    ['www.icbc.com.cn', 'http://icbc.com.cn', 'icbc.com.cn'],
    ['http://a.b.example.com.cn/x', 'http://a.b.example.com.cn/x', 'example.com.cn'],
    ['http://www.court.gov.cn/x', 'http://court.gov.cn/x', 'court.gov.cn'],
    ['www.gov.cn', 'http://www.gov.cn', 'www.gov.cn'],
    ['http://xn--fsqu00a.xn--fiqs8s/a', 'http://例子.中国/a', '例子.中国'],
    ['http://例子.中国/a', 'http://例子.中国/a', '例子.中国'],
    ['例子.中国', 'http://例子.中国', '例子.中国'],
    ['ftp://files.example.com/a.zip', 'ftp://files.example.com/a.zip', 'example.com'],
    ['http://www.com/', 'http://www.com', 'www.com'],
  ])('%s → %s', (raw, value, domain) => {
    expect(url(raw)).toEqual({ kind: 'url', value, domain });
  });
});

describe('a route after "#" is part of the link, an anchor is not', () => {
  it.each([
    ['https://www.virustotal.com/#/url/4b2a7f09c1/detection', 'http://virustotal.com#/url/4b2a7f09c1/detection', 'virustotal.com'],
    ['https://x.com/#!/page', 'http://x.com#!/page', 'x.com'],
    ['https://x.com/#!page', 'http://x.com#!page', 'x.com'],
    ['http://example.com/app/#/orders/7/', 'http://example.com/app#/orders/7', 'example.com'],
    ['http://example.com/#/search?q=1&b=2&utm_source=sms', 'http://example.com#/search?b=2&q=1', 'example.com'],
    ['http://example.com/?k=1#/pay/%7e9', 'http://example.com?k=1#/pay/~9', 'example.com'],
    ['http://example.com/#/', 'http://example.com', 'example.com'],
    ['http://example.com/#!', 'http://example.com', 'example.com'],
    ['http://example.com/#!/', 'http://example.com', 'example.com'],
    ['http://example.com/a#section-2', 'http://example.com/a', 'example.com'],
    ['http://example.com/a#', 'http://example.com/a', 'example.com'],
    ['http://example.com/a#top/', 'http://example.com/a', 'example.com'],
  ])('%s → %s', (raw, value, domain) => {
    expect(url(raw)).toEqual({ kind: 'url', value, domain });
  });

  it('two scan reports of different sites are two values', () => {
    const a = url('https://www.virustotal.com/#/url/4b2a7f09c1/detection');
    const b = url('https://www.virustotal.com/#/url/9e11c0d3aa/detection');
    expect(a?.value).not.toBe(b?.value);
    expect(a?.domain).toBe(b?.domain);
  });

  it.each([
    'virustotal.com/#/url/4b2a7f09c1/detection',
    'HTTPS://WWW.VirusTotal.com/#/url/4b2a7f09c1/detection/',
    'http://virustotal.com:80/#/url/4b2a7f09c1/detection?utm_source=wechat',
    'ｈｔｔｐｓ：／／ｗｗｗ．ｖｉｒｕｓｔｏｔａｌ．ｃｏｍ／＃／ｕｒｌ／４ｂ２ａ７ｆ０９ｃ１／ｄｅｔｅｃｔｉｏｎ',
    '扫描结果：https://www.virustotal.com/#/url/4b2a7f09c1/detection，报毒',
  ])('one scan report written another way: %s', (raw) => {
    expect(url(raw)?.value).toBe('http://virustotal.com#/url/4b2a7f09c1/detection');
  });

  it('a route differing in case is another page, as a path is', () => {
    expect(url('x.com/#!/Page')?.value).not.toBe(url('x.com/#!/page')?.value);
  });
});

describe('short links keep their path and are marked', () => {
  it.each([
    ['t.cn/A6abcDE', 'http://t.cn/A6abcDE', 't.cn'],
    ['http://t.cn/A6abcDE', 'http://t.cn/A6abcDE', 't.cn'],
    ['https://url.cn/5xYz', 'http://url.cn/5xYz', 'url.cn'],
    ['http://w.url.cn/s/AbC', 'http://w.url.cn/s/AbC', 'url.cn'],
    ['dwz.cn/Xy12', 'http://dwz.cn/Xy12', 'dwz.cn'],
    ['suo.im/5Qx', 'http://suo.im/5Qx', 'suo.im'],
    ['https://bit.ly/3AbCdEf', 'http://bit.ly/3AbCdEf', 'bit.ly'],
    ['https://www.bit.ly/3AbCdEf', 'http://bit.ly/3AbCdEf', 'bit.ly'],
    ['tinyurl.com/y2ab3c', 'http://tinyurl.com/y2ab3c', 'tinyurl.com'],
    ['is.gd/Ab1', 'http://is.gd/Ab1', 'is.gd'],
    ['https://t.co/xYz', 'http://t.co/xYz', 't.co'],
    ['goo.gl/abc', 'http://goo.gl/abc', 'goo.gl'],
    ['0rz.tw/abc', 'http://0rz.tw/abc', '0rz.tw'],
    ['sohu.gg/xYz', 'http://sohu.gg/xYz', 'sohu.gg'],
  ])('%s', (raw, value, domain) => {
    expect(url(raw)).toEqual({ kind: 'url', value, subtype: 'short_link', domain });
  });

  it('paths differing in case are different short links', () => {
    expect(url('t.cn/abc')?.value).not.toBe(url('t.cn/ABC')?.value);
  });
});

describe('IP-literal URLs', () => {
  it.each([
    ['http://1.2.3.4:8080/x', 'http://1.2.3.4:8080/x'],
    ['1.2.3.4:8080/x', 'http://1.2.3.4:8080/x'],
    ['http://103.45.6.7/', 'http://103.45.6.7'],
    ['HTTP://[2001:DB8::1]:8080/a', 'http://[2001:db8::1]:8080/a'],
  ])('%s → %s', (raw, value) => {
    expect(url(raw)).toEqual({ kind: 'url', value, subtype: 'ip' });
  });
});

describe('app links', () => {
  it.each([
    ['weixin://dl/chat', 'weixin://dl/chat'],
    ['alipays://platformapi/startapp?saId=10000007&qrcode=x', 'alipays://platformapi/startapp?qrcode=x&saId=10000007'],
  ])('%s → %s', (raw, value) => {
    expect(url(raw)).toEqual({ kind: 'url', value, subtype: 'app_link' });
  });
});

describe('unusable values', () => {
  it.each(['', '   ', 'abc', 'localhost', 'mailto:a@b.com', 'javascript:alert(1)', 'http://', '无', '不详', 'http://exa mple'])(
    '%j → null',
    (raw) => {
      expect(url(raw)).toBeNull();
    },
  );
});

describe('the domain of a URL on a hosting platform is its site', () => {
  it.each([
    ['https://claim-dot.pages.dev/login', 'claim-dot.pages.dev'],
    ['https://app.claim-dot.pages.dev/x', 'claim-dot.pages.dev'],
    ['https://pages.dev', 'pages.dev'],
    ['polkadot-airdrop.github.io/claim', 'polkadot-airdrop.github.io'],
    ['https://medium.com/@eth-giveaway/10000-eth', 'medium.com'],
    ['https://eth-giveaway.medium.com/x', 'eth-giveaway.medium.com'],
    ['https://docs.qq.com/form/DZkNxYmVp', 'docs.qq.com'],
    ['https://mp.weixin.qq.com/s/abc', 'mp.weixin.qq.com'],
    ['https://pay.icbc-jf.cn/lq', 'icbc-jf.cn'],
    ['https://pan.example.com/s/1', 'example.com'],
  ])('%s → %s', (raw, domain) => {
    expect(url(raw)).toMatchObject({ kind: 'url', domain });
  });
});
