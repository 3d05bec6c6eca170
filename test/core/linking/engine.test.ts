// The pure engine over hand-built corpora: what forms series, what is only suggested, what is
// neither.
import { describe, expect, it } from 'vitest';
import { CorpusBuilder, type IdentifierRow } from '../../../src/core/linking/corpus';
import { linksOf, runEngine, type EngineOptions } from '../../../src/core/linking/engine';
import { EMPTY_IGNORE_LIST, makeIgnoreList, shippedIgnoreEntries } from '../../../src/core/linking/ignore-list';
import { SERIES_BITS, SUGGESTION_BITS } from '../../../src/core/linking/model';
import { makeReferenceDomains, referenceKeys, shippedReferences } from '../../../src/core/linking/reference-domains';

interface R {
  readonly category?: string;
  readonly day?: number;
  readonly ids?: readonly IdentifierRow[];
  readonly text?: string;
  readonly sender?: string;
}

const cardId = (v: string, origin = 'reported'): IdentifierRow => ({ kind: 'bank_card', value: v, subtype: null, domain: null, origin });
const phoneId = (v: string, subtype = 'mobile', origin = 'reported'): IdentifierRow => ({
  kind: 'phone',
  value: v,
  subtype,
  domain: null,
  origin,
});
const urlId = (v: string, domain: string, subtype: string | null = null): IdentifierRow => ({
  kind: 'url',
  value: v,
  subtype,
  domain,
  origin: 'reported',
});
const SHIPPED_REFERENCES = referenceKeys(makeReferenceDomains(shippedReferences()));
const card = (i: number): string => `62220212${String(i).padStart(11, '0')}`;

function run(reports: readonly R[], options: Partial<EngineOptions> = {}) {
  const b = new CorpusBuilder();
  reports.forEach((r, i) => {
    b.addReport({
      rid: i + 1,
      id: `R${i}`,
      category: r.category ?? 'part_time_job',
      precinct: 'P',
      reportedMs: (r.day ?? 0) * 86_400_000,
      lossCents: 100000,
      currency: 'CNY',
    });
    for (const id of r.ids ?? []) b.addIdentifier(i, id);
    if (r.text) b.addMessage(i, r.sender ?? null, r.text);
  });
  const c = b.build();
  const engine = runEngine(c, { ignore: EMPTY_IGNORE_LIST, ...options });
  const result = { ...engine, links: linksOf(c, engine) };
  const same = (x: number, y: number): boolean => result.group[x] === result.group[y];
  const suggested = (x: number, y: number): boolean => result.suggestions.some((s) => (s.a === x && s.b === y) || (s.a === y && s.b === x));
  return { result, same, suggested, c };
}

/** Unrelated gangs of two reports each, tied by their own card: the background of a store. */
const background = (gangs: number, from = 1000): R[] =>
  Array.from({ length: gangs * 2 }, (_, i) => ({
    category: ['loan', 'fake_prize', 'online_shopping'][i % 3] as string,
    day: (i * 3) % 300,
    ids: [cardId(card(from + Math.floor(i / 2)))],
  }));

describe('linking engine', () => {
  it('links reports sharing a payee card or a phone, transitively, and writes out every term in bits', () => {
    const { result, same } = run([
      { ids: [cardId(card(1))] },
      { ids: [cardId(card(1)), phoneId('+8613800138000')] },
      { ids: [phoneId('+8613800138000')] },
      { ids: [cardId(card(2))] },
      ...background(20),
    ]);
    expect(same(0, 1) && same(1, 2)).toBe(true);
    expect(same(0, 3)).toBe(false);
    const link = result.links.find((l) => l.a === 0 && l.b === 1);
    expect(link?.strong).toBe(true);
    expect(link?.evidence.map((e) => e.type)).toEqual(['prior', 'identifier', 'category_time']);
    const id = link?.evidence.find((e) => e.type === 'identifier');
    expect(id).toMatchObject({ kind: 'bank_card', value: card(1), origin: 'reported', groups: 2 });
    // The terms add up to the link's weight, which is over the series threshold.
    const sum = (link?.evidence ?? []).reduce((s, e) => s + e.weight, 0);
    expect(Math.abs(sum - (link?.weight ?? 0))).toBeLessThan(0.05);
    expect(link?.weight).toBeGreaterThanOrEqual(SERIES_BITS);
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
      { ignore },
    );
    expect(same(0, 1)).toBe(false);
    expect(same(2, 3)).toBe(false);
    expect(same(4, 5)).toBe(false);
  });

  it("weighs a value by the groups carrying it: a hotline in one dominant category joins nothing, a big gang's phone joins its gang", () => {
    // 30 brushing reports over a year, of 30 unrelated victims who all mention one customer-service number.
    const hotline: R[] = Array.from({ length: 30 }, (_, i) => ({
      category: 'part_time_job',
      day: i * 13,
      ids: [phoneId('+8640088888888', 'landline'), cardId(card(100 + i))],
    }));
    // 30 reports of one gang: one phone, and cards each shared with the next report.
    const gang: R[] = Array.from({ length: 30 }, (_, i) => ({
      category: 'part_time_job',
      day: i * 3,
      ids: [phoneId('+8613911112222'), cardId(card(200 + i)), cardId(card(201 + i))],
    }));
    const { result, same } = run([...hotline, ...gang, ...background(20)]);
    for (let i = 1; i < 30; i++) expect(same(0, i)).toBe(false);
    for (let i = 31; i < 60; i++) expect(same(30, i)).toBe(true);
    // No rule on categories: every report here is of one category.
    expect(result.hubs).toEqual([]);
  });

  it('keeps an absolute cap: a value held by more reports than max(2,000, 0.5 %) is a hub', () => {
    const { result, same } = run(
      Array.from({ length: 12 }, (_, i) => ({ ids: [phoneId('+8613900000001'), cardId(card(i))] })),
      { hubRules: { maxShare: 0.005, floorReports: 10 } },
    );
    expect(same(0, 1)).toBe(false);
    expect(result.hubs.map((h) => `${h.kind}:${h.value}:${h.reason}`)).toEqual(['phone:+8613900000001:auto']);
  });

  it('joins reports of different categories only when two values agree (mule accounts are rented out)', () => {
    const { same, suggested } = run([
      { category: 'loan', ids: [cardId(card(1))] },
      { category: 'fake_prize', ids: [cardId(card(1))] },
      { category: 'loan', ids: [cardId(card(2)), phoneId('+8613900000000')] },
      { category: 'fake_prize', ids: [cardId(card(2)), phoneId('+8613900000000')] },
      ...background(20),
    ]);
    expect(same(0, 1)).toBe(false);
    expect(suggested(0, 1)).toBe(true);
    expect(same(2, 3)).toBe(true);
  });

  it('weighs a value mentioned in a narrative below one the citizen listed', () => {
    const listed = run([{ ids: [cardId(card(1))] }, { ids: [cardId(card(1))] }, ...background(20)]);
    const mentioned = run([{ ids: [cardId(card(1), 'narrative')] }, { ids: [cardId(card(1))] }, ...background(20)]);
    const bits = (r: ReturnType<typeof run>): number =>
      (r.result.links.find((l) => l.a === 0 && l.b === 1)?.weight ??
        r.result.suggestions.find((l) => l.a === 0 && l.b === 1)?.weight) as number;
    expect(bits(mentioned)).toBeLessThan(bits(listed));
  });

  it('never forms a series from text, time and brand alone: a near-identical text is a suggestion', () => {
    const text = '【工商银行】尊敬的客户，您的积分可兑换礼品，请登录领取，名额有限先到先得';
    const { result, same, suggested } = run([
      { category: 'fake_prize', day: 1, text },
      { category: 'fake_prize', day: 3, text },
      ...background(20),
    ]);
    expect(same(0, 1)).toBe(false);
    expect(suggested(0, 1)).toBe(true);
    const s = result.suggestions.find((l) => l.a === 0 && l.b === 1);
    expect(s?.strong).toBe(false);
    expect(s?.evidence.map((e) => e.type)).toEqual(['prior', 'text', 'category_time', 'brand']);
    expect(s?.weight).toBeGreaterThanOrEqual(SUGGESTION_BITS);
  });

  it('does not join, nor suggest joining, unrelated gangs that bought one identifier-free template', () => {
    const template = '您的贷款已审批，需先缴纳保证金至账户解冻，逾期将影响征信，请尽快办理';
    // Twelve gangs of two reports, each gang with its own card, all sending the same template.
    const reports: R[] = Array.from({ length: 24 }, (_, i) => ({
      category: 'loan',
      day: i % 5,
      ids: [cardId(card(300 + Math.floor(i / 2)))],
      text: template,
    }));
    const { result, same } = run([...reports, ...background(20)]);
    for (let g = 0; g < 12; g++) expect(same(2 * g, 2 * g + 1)).toBe(true);
    for (let g = 1; g < 12; g++) expect(same(0, 2 * g)).toBe(false);
    const between = result.suggestions.filter((s) => s.a < 24 && s.b < 24);
    expect(between).toEqual([]);
  });

  it('uses the same domain with different paths as a lead only', () => {
    const { same, suggested } = run([
      { day: 1, ids: [urlId('http://icbc-jf.cn/a', 'icbc-jf.cn')] },
      { day: 2, ids: [urlId('http://icbc-jf.cn/b', 'icbc-jf.cn')] },
      ...background(20),
    ]);
    expect(same(0, 1)).toBe(false);
    expect(suggested(0, 1)).toBe(true);
  });

  it('treats reference sites as no evidence at all', () => {
    const scan = urlId('https://virustotal.com/#/url/1f2e/detection', 'virustotal.com');
    const { same, suggested } = run([{ ids: [scan] }, { ids: [scan] }, ...background(20)], { isReference: SHIPPED_REFERENCES });
    expect(same(0, 1)).toBe(false);
    expect(suggested(0, 1)).toBe(false);
  });

  it('takes a hosting platform for no evidence by its own address, and its pages and sites for evidence', () => {
    const bare = urlId('http://medium.com', 'medium.com');
    const page = urlId('http://medium.com/@eth-giveaway/10000-eth-6488a2', 'medium.com');
    const other = urlId('http://medium.com/@tesla-gift/double-back-50dea9', 'medium.com');
    const site = urlId('http://claim-dot.pages.dev/login', 'claim-dot.pages.dev');
    const { same, suggested } = run(
      [
        { ids: [bare] },
        { ids: [bare] },
        { ids: [page] },
        { ids: [page] },
        { ids: [other] },
        { ids: [site] },
        { ids: [site] },
        ...background(20),
      ],
      { isReference: SHIPPED_REFERENCES },
    );
    expect(same(0, 1)).toBe(false);
    expect(suggested(0, 1)).toBe(false);
    expect(same(2, 3)).toBe(true);
    expect(same(5, 6)).toBe(true);
    // Two pages of one platform share only its domain, which is none of the fraudster's.
    expect(same(3, 4)).toBe(false);
    expect(suggested(3, 4)).toBe(false);
  });

  it('compares short links as whole URLs, never by their host', () => {
    const { same } = run(
      [
        { ids: [urlId('http://t.cn/abc', 't.cn', 'short_link')] },
        { ids: [urlId('http://t.cn/abc', 't.cn', 'short_link')] },
        { ids: [urlId('http://t.cn/xyz', 't.cn', 'short_link')] },
      ],
      { ignore: makeIgnoreList(shippedIgnoreEntries()) },
    );
    expect(same(0, 1)).toBe(true);
    expect(same(0, 2)).toBe(false);
  });

  it('makes no suggestion between groups an investigator rejected', () => {
    const text = '【京东】您购买的商品存在质量问题 我司将为您办理退款理赔 请联系客服处理';
    const reports: R[] = [
      { day: 1, ids: [cardId(card(1))], text },
      { day: 1, ids: [cardId(card(1))] },
      { day: 2, ids: [cardId(card(2))], text },
      ...background(20),
    ];
    expect(run(reports).suggested(0, 2)).toBe(true);
    // Rejected between other members of the same two groups.
    const after = run(reports, { rejected: [[1, 2]] });
    expect(after.suggested(0, 2)).toBe(false);
    expect(after.same(0, 1)).toBe(true);
  });

  it('estimates the model from the corpus, and weighs with a given one unchanged', () => {
    const reports = [...background(40), { ids: [cardId(card(1))] }, { ids: [cardId(card(1))] }];
    const first = run(reports);
    expect(first.result.estimated).toBe(true);
    expect(first.result.model.reports).toBe(reports.length);
    const again = run(reports, { model: first.result.model });
    expect(again.result.estimated).toBe(false);
    expect(again.result.model).toEqual(first.result.model);
    expect([...again.result.group]).toEqual([...first.result.group]);
  });

  it('is deterministic', () => {
    const reports: R[] = Array.from({ length: 50 }, (_, i) => ({ day: i, ids: [cardId(card(i % 7))] }));
    expect([...run(reports).result.group]).toEqual([...run(reports).result.group]);
    expect(run(reports).result.suggestions).toEqual(run(reports).result.suggestions);
  });
});
