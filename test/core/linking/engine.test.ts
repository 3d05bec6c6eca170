// The pure engine over hand-built corpora: what links, what must not.
import { describe, expect, it } from 'vitest';
import { CorpusBuilder, type IdentifierRow } from '../../../src/core/linking/corpus';
import { linksOf, runEngine } from '../../../src/core/linking/engine';
import { EMPTY_IGNORE_LIST, makeIgnoreList, shippedIgnoreEntries } from '../../../src/core/linking/ignore-list';

interface R {
  readonly category?: string;
  readonly day?: number;
  readonly ids?: readonly IdentifierRow[];
  readonly text?: string;
  readonly sender?: string;
}

const cardId = (v: string): IdentifierRow => ({ kind: 'bank_card', value: v, subtype: null, domain: null });
const phoneId = (v: string, subtype = 'mobile'): IdentifierRow => ({ kind: 'phone', value: v, subtype, domain: null });
const urlId = (v: string, domain: string, subtype: string | null = null): IdentifierRow => ({ kind: 'url', value: v, subtype, domain });

function run(reports: readonly R[], ignore = EMPTY_IGNORE_LIST, weakJoinCap?: number) {
  const b = new CorpusBuilder();
  reports.forEach((r, i) => {
    b.addReport({ rid: i + 1, id: `R${i}`, category: r.category ?? 'part_time_job', precinct: 'P', reportedMs: (r.day ?? 0) * 86_400_000, lossCents: 100000, currency: 'CNY' });
    for (const id of r.ids ?? []) b.addIdentifier(i, id);
    if (r.text) b.addMessage(i, r.sender ?? null, r.text);
  });
  const c = b.build();
  const engine = runEngine(c, { ignore, ...(weakJoinCap !== undefined ? { weakJoinCap } : {}) });
  const result = { ...engine, links: linksOf(c, engine) };
  const same = (x: number, y: number): boolean => result.group[x] === result.group[y];
  return { result, same };
}

describe('linking engine', () => {
  it('links reports sharing a payee card or a phone, transitively, and keeps the evidence', () => {
    const { result, same } = run([{ ids: [cardId('6222021234567890128')] }, { ids: [cardId('6222021234567890128'), phoneId('+8613800138000')] }, { ids: [phoneId('+8613800138000')] }, { ids: [cardId('6222000000000000000')] }]);
    expect(same(0, 1) && same(1, 2)).toBe(true);
    expect(same(0, 3)).toBe(false);
    const link = result.links.find((l) => l.a === 0 && l.b === 1);
    expect(link?.evidence).toEqual([{ type: 'identifier', kind: 'bank_card', value: '6222021234567890128', weight: 1 }]);
  });

  it('never links through ignore-listed values, service numbers or platform URLs', () => {
    const ignore = makeIgnoreList(shippedIgnoreEntries());
    const { same } = run(
      [
        { ids: [phoneId('95588', 'landline')] },
        { ids: [phoneId('95588', 'landline')] },
        { ids: [phoneId('95533', 'service')] },
        { ids: [phoneId('95533', 'service')] },
        { ids: [urlId('https://item.taobao.com/item.htm?id=1', 'taobao.com')] },
        { ids: [urlId('https://item.taobao.com/item.htm?id=1', 'taobao.com')] },
      ],
      ignore,
    );
    expect(same(0, 1)).toBe(false);
    expect(same(2, 3)).toBe(false);
    expect(same(4, 5)).toBe(false);
  });

  it('detects a hub by itself: one value across many reports of many categories chains nothing', () => {
    const cats = ['loan', 'fake_prize', 'part_time_job', 'online_shopping', 'credit_record'];
    const reports: R[] = Array.from({ length: 25 }, (_, i) => ({ category: cats[i % 5] as string, ids: [phoneId('+8640088888888', 'landline'), cardId(`62220000000000${String(i).padStart(5, '0')}`)] }));
    const { result, same } = run(reports);
    expect(same(0, 5)).toBe(false);
    expect(result.hubs.map((h) => `${h.kind}:${h.value}:${h.reason}`)).toContain('phone:+8640088888888:auto');
  });

  it('joins reports of different categories only when two values agree (mule accounts are rented out)', () => {
    const { same } = run([
      { category: 'loan', ids: [cardId('6222021234567890128')] },
      { category: 'fake_prize', ids: [cardId('6222021234567890128')] },
      { category: 'loan', ids: [cardId('6222029999999999999'), phoneId('+8613900000000')] },
      { category: 'fake_prize', ids: [cardId('6222029999999999999'), phoneId('+8613900000000')] },
    ]);
    expect(same(0, 1)).toBe(false);
    expect(same(2, 3)).toBe(true);
  });

  it('lets near-duplicate text link only with agreeing category, time and brand', () => {
    const text = '【工商银行】尊敬的客户，您的积分可兑换礼品，请登录 icbc-jf.cn/lq 领取，回T退订';
    const { result, same } = run([
      { category: 'fake_prize', day: 1, text },
      { category: 'fake_prize', day: 3, text },
      { category: 'fake_prize', day: 200, text },
      { category: 'loan', day: 2, text },
    ]);
    expect(same(0, 1)).toBe(true);
    expect(same(0, 2)).toBe(false);
    expect(same(0, 3)).toBe(false);
    const link = result.links.find((l) => l.a === 0 && l.b === 1);
    expect(link?.evidence.map((e) => e.type)).toEqual(['text', 'category_time', 'brand']);
  });

  it('uses the same domain with different paths as weak evidence only', () => {
    const { same } = run([
      { day: 1, ids: [urlId('http://icbc-jf.cn/a', 'icbc-jf.cn')] },
      { day: 2, ids: [urlId('http://icbc-jf.cn/b', 'icbc-jf.cn')] },
      { day: 2, category: 'loan', ids: [urlId('http://icbc-jf.cn/c', 'icbc-jf.cn')] },
    ]);
    // Domain (0.6) + same category within the window (0.25) is not enough without a brand or text.
    expect(same(0, 1)).toBe(false);
    const text = '【工商银行】积分兑换 请登录领取礼品 回T退订 尊敬的客户您好';
    const withText = run([
      { day: 1, ids: [urlId('http://icbc-jf.cn/a', 'icbc-jf.cn')], text },
      { day: 2, ids: [urlId('http://icbc-jf.cn/b', 'icbc-jf.cn')], text },
    ]);
    expect(withText.same(0, 1)).toBe(true);
  });

  it('compares short links as whole URLs, never by their host', () => {
    const { same } = run([
      { ids: [urlId('http://t.cn/abc', 't.cn', 'short_link')] },
      { ids: [urlId('http://t.cn/abc', 't.cn', 'short_link')] },
      { ids: [urlId('http://t.cn/xyz', 't.cn', 'short_link')] },
    ], makeIgnoreList(shippedIgnoreEntries()));
    expect(same(0, 1)).toBe(true);
    expect(same(0, 2)).toBe(false);
  });

  it('guards against weak chains: one weak link does not merge two groups', () => {
    const text = '【京东】您购买的商品存在质量问题 我司将为您办理退款理赔 请联系客服处理';
    const { same } = run([
      { day: 1, ids: [cardId('6222021234567890128')], text },
      { day: 1, ids: [cardId('6222021234567890128')] },
      { day: 2, ids: [cardId('6222029999999999999')], text },
      { day: 2, ids: [cardId('6222029999999999999')] },
    ]);
    expect(same(0, 1) && same(2, 3)).toBe(true);
    expect(same(0, 2)).toBe(false);
  });

  it('caps how many reports join one group through weak links alone', () => {
    const text = '【京东】您购买的商品存在质量问题 我司将为您办理退款理赔 请联系客服处理';
    const reports: R[] = Array.from({ length: 10 }, () => ({ day: 1, text }));
    const { result } = run(reports, EMPTY_IGNORE_LIST, 3);
    const sizes = new Map<number, number>();
    for (const g of result.group) sizes.set(g, (sizes.get(g) ?? 0) + 1);
    expect(Math.max(...sizes.values())).toBe(4);
  });

  it('is deterministic', () => {
    const reports: R[] = Array.from({ length: 50 }, (_, i) => ({ day: i, ids: [cardId(`62220212345678${String(i % 7).padStart(5, '0')}`)] }));
    expect([...run(reports).result.group]).toEqual([...run(reports).result.group]);
  });
});
