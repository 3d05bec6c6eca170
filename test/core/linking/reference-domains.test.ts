// The shipped list of reference sites and the matcher the engine calls for every URL identifier.
import { describe, expect, it } from 'vitest';
import shipped from '../../../resources/reference-domains.json';
import { REFERENCE_CATEGORIES } from '../../../src/common/model';
import {
  hostOfUrl,
  isReferenceUrl,
  makeReferenceDomains,
  NO_REFERENCE_DOMAINS,
  referenceEntryForHost,
  referenceEntryForUrl,
  referenceKeys,
  shippedReferences,
  type ReferenceEntry,
} from '../../../src/core/linking/reference-domains';
import { normaliseIdentifier } from '../../../src/core/normalise';

const SHIPPED = makeReferenceDomains(shippedReferences());
/** The canonical value of a URL as written in a report. */
const value = (raw: string): string => {
  const n = normaliseIdentifier('url', raw);
  if (n === null) throw new Error(`not a URL: ${raw}`);
  return n.value;
};

describe('the shipped list', () => {
  it('holds each host once, in canonical form, with a known category and a note in both languages', () => {
    const domains = shipped.domains.map((d) => d.domain);
    expect(new Set(domains).size).toBe(domains.length);
    for (const d of shipped.domains) {
      expect(value(d.domain), d.domain).toBe(`http://${d.domain}`);
      expect(d.domain.split('.').length, d.domain).toBeGreaterThanOrEqual(2);
      expect(REFERENCE_CATEGORIES, d.domain).toContain(d.category);
      expect(d.category, d.domain).not.toBe('other');
      expect(d.note.en.trim(), d.domain).not.toBe('');
      expect(d.note['zh-CN'].trim(), d.domain).not.toBe('');
    }
    expect(shippedReferences()).toHaveLength(domains.length);
  });

  it.each([
    ['virustotal.com', 'scanner'],
    ['urlscan.io', 'scanner'],
    ['hybrid-analysis.com', 'scanner'],
    ['any.run', 'scanner'],
    ['tieba.baidu.com', 'forum'],
    ['zhihu.com', 'forum'],
    ['reddit.com', 'forum'],
    ['v2ex.com', 'forum'],
    ['bing.com', 'search'],
    ['weibo.com', 'social'],
    ['etherscan.io', 'explorer'],
    ['bscscan.com', 'explorer'],
    ['tronscan.org', 'explorer'],
    ['blockchain.com', 'explorer'],
    ['btc.com', 'explorer'],
    ['oklink.com', 'explorer'],
    ['blockchair.com', 'explorer'],
    ['apps.apple.com', 'app_store'],
    ['play.google.com', 'app_store'],
    ['appgallery.huawei.com', 'app_store'],
    ['app.mi.com', 'app_store'],
    ['gov.cn', 'government'],
    ['12321.cn', 'government'],
    ['pastebin.com', 'paste'],
    ['urlsec.qq.com', 'url_check'],
  ])('has %s (%s)', (domain, category) => {
    expect(shippedReferences().find((e) => e.domain === domain)).toMatchObject({ category, source: 'shipped' });
  });
});

describe('isReferenceUrl on the shipped list', () => {
  it.each([
    'https://www.virustotal.com/#/url/4b2a7f09c1/detection',
    'https://www.virustotal.com/gui/url/4b2a7f09c1/detection',
    'http://virustotal.com:8080/x',
    'https://urlscan.io/result/0f2e/',
    'https://app.any.run/tasks/91c2',
    'http://tieba.baidu.com/p/8812734',
    'http://jump.tieba.baidu.com/x',
    'https://www.zhihu.com/question/1',
    'https://etherscan.io/address/0x52908400098527886E0F7030069857D2E4169EE7',
    'https://tronscan.org/#/address/TQ5NMp6d7Sak9tLxq2k5pNo6zZn5Wbd4Ed',
    'https://apps.apple.com/cn/app/id1142110895',
    'https://play.google.com/store/apps/details?id=com.example',
    'http://www.gov.cn/zhengce',
    'http://www.mps.gov.cn/n2254/',
    'https://beian.miit.gov.cn/',
    'https://www.12321.cn/',
    'https://x.com/#!/kefu_88',
  ])('%s is a reference site', (raw) => {
    expect(isReferenceUrl(SHIPPED, value(raw))).toBe(true);
  });

  it.each([
    'http://icbc-jf.cn/lq',
    'http://pan.baidu.com/s/1xYz',
    'http://baidu.com.virustotal-check.top/a',
    'http://gov.cn.fake-site.top/login',
    'http://fakegov.cn/login',
    'http://my-etherscan.io/a',
    'http://apple.com/x',
    'http://apps.apple.com.cn-appstore.vip/d',
    'http://t.cn/A6abcDE',
    'http://103.45.6.7:8080/login',
    'HTTP://[2001:DB8::1]:8080/a',
    'weixin://dl/chat',
    'http://例子.中国/a',
  ])('%s is not', (raw) => {
    expect(isReferenceUrl(SHIPPED, value(raw))).toBe(false);
  });

  it.each([
    ['http://medium.com', true],
    ['https://www.medium.com/', true],
    ['https://medium.com/@eth-giveaway/10000-eth-6488a2', false],
    ['https://eth-giveaway.medium.com', false],
    ['http://telegra.ph', true],
    ['https://telegra.ph/blockbrick-token-sale-05-09', false],
    ['https://pages.dev', true],
    ['https://claim-dot.pages.dev/login', false],
    ['https://docs.qq.com/form/DZkNxYmVp', false],
    ['https://pan.baidu.com/s/1xYz', false],
    ['https://pan.baidu.com', true],
  ])('on a hosting platform only its own address is a reference: %s → %s', (raw, reference) => {
    expect(isReferenceUrl(SHIPPED, value(raw))).toBe(reference);
  });

  it("takes a hosting platform's own domain for a reference, not the sites under it", () => {
    const keys = referenceKeys(SHIPPED);
    expect(keys('domain\u0001medium.com')).toBe(true);
    expect(keys('domain\u0001claim-dot.pages.dev')).toBe(false);
    expect(keys('domain\u0001virustotal.com')).toBe(true);
    expect(keys('domain\u0001icbc-jf.cn')).toBe(false);
  });

  it('names the entry that covers a URL', () => {
    expect(referenceEntryForUrl(SHIPPED, value('http://www.mps.gov.cn/n2254/'))).toMatchObject({
      domain: 'gov.cn',
      category: 'government',
      source: 'shipped',
    });
    expect(referenceEntryForUrl(SHIPPED, value('https://tieba.baidu.com/p/1'))).toMatchObject({
      domain: 'tieba.baidu.com',
      category: 'forum',
    });
    expect(referenceEntryForHost(SHIPPED, 'bscscan.com')).toMatchObject({ domain: 'bscscan.com', category: 'explorer' });
    expect(referenceEntryForHost(SHIPPED, 'baidu.com')).toBeNull();
  });
});

describe('a matcher of the entries in force', () => {
  const own = (domain: string): ReferenceEntry => ({ domain, category: 'other', source: 'investigator' });

  it('covers an entry and every host under it, not the hosts beside or above it', () => {
    const refs = makeReferenceDomains([own('kb.example.com.cn'), own('例子.中国'), own('edu.cn')]);
    expect(isReferenceUrl(refs, 'http://kb.example.com.cn/a')).toBe(true);
    expect(isReferenceUrl(refs, 'http://a.b.kb.example.com.cn?x=1')).toBe(true);
    expect(isReferenceUrl(refs, 'http://example.com.cn/a')).toBe(false);
    expect(isReferenceUrl(refs, 'http://xkb.example.com.cn')).toBe(false);
    expect(isReferenceUrl(refs, 'http://例子.中国/a')).toBe(true);
    expect(isReferenceUrl(refs, 'http://tsinghua.edu.cn#/news')).toBe(true);
    expect(isReferenceUrl(refs, 'http://edu.cn.fake.top')).toBe(false);
  });

  it('leaves out an entry of one label, which would cover a whole top-level domain', () => {
    const refs = makeReferenceDomains([own('cn'), own('top')]);
    expect(refs.entries.size).toBe(0);
    expect(isReferenceUrl(refs, 'http://icbc-jf.cn/lq')).toBe(false);
  });

  it('matches nothing when empty', () => {
    expect(isReferenceUrl(NO_REFERENCE_DOMAINS, 'http://virustotal.com')).toBe(false);
  });

  it.each([
    ['http://tieba.baidu.com/p/1', 'tieba.baidu.com'],
    ['http://virustotal.com#/url/x', 'virustotal.com'],
    ['http://example.com:8080/x', 'example.com'],
    ['http://example.com?a=1', 'example.com'],
    ['http://example.com', 'example.com'],
    ['http://[2001:db8::1]:8080/a', null],
    ['no scheme', null],
    ['http://', null],
  ])('hostOfUrl(%s) is %s', (v, host) => {
    expect(hostOfUrl(v)).toBe(host);
  });
});
