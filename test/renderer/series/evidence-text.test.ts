import { describe, expect, it } from 'vitest';
import type { LinkEvidence } from '../../../src/common/api';
import { signedBits } from '../../../src/common/evidence-format';
import { evidenceSentence } from '../../../src/core/linking/evidence-text';
import { createFormat } from '../../../src/renderer/src/format/formatter';
import type { I18n } from '../../../src/renderer/src/i18n/I18nContext';
import { en } from '../../../src/renderer/src/i18n/en';
import { zhCN } from '../../../src/renderer/src/i18n/zh-cn';
import { barWidths, bitsText, evidenceText } from '../../../src/renderer/src/series/evidence-text';

const EN: I18n = { language: 'en', m: en, fmt: createFormat('en') };
const ZH: I18n = { language: 'zh-CN', m: zhCN, fmt: createFormat('zh-CN') };

const TERMS: readonly LinkEvidence[] = [
  { type: 'identifier', kind: 'bank_card', value: '6222021234567890128', weight: 9.4, origin: 'message', groups: 2 },
  { type: 'identifier', kind: 'phone', value: '+8613800138000', weight: 7, origin: 'reported', wrong: true },
  { type: 'domain', domain: 'jd-jr.cn', weight: 2.2 },
  { type: 'text', similarity: 0.93, weight: 4.1, groups: 12 },
  { type: 'text', similarity: 0.74, weight: 1.04 },
  { type: 'category_time', category: 'loan', days: 3, weight: 2.5 },
  { type: 'category', same: true, category: 'loan', weight: 1.2 },
  { type: 'category', same: false, category: 'loan/fake_customer_service', weight: -3.35 },
  { type: 'brand', brand: '京东金融', weight: 2.45, groups: 1 },
  { type: 'sender', pattern: '1069', weight: 0.8 },
  { type: 'prior', groups: 2400, weight: -11.23 },
  { type: 'correction', correction: 12, weight: 1 },
];

describe('evidence terms', () => {
  it('read in English, with where a value was found, how many groups carry it and the new category and prior terms', () => {
    expect(TERMS.map((e) => `${evidenceText(e, EN)}: ${bitsText(e.weight, en)}`)).toEqual([
      'Shared Bank card 6222021234567890128 · found in the fraudster’s message, 2 groups of reports carry it: +9.4 bits',
      'Shared Phone +8613800138000 · marked wrong: +7.0 bits',
      'Same domain jd-jr.cn: +2.2 bits',
      'Near-identical text (93% alike) · 12 groups of reports carry it: +4.1 bits',
      'Similar text (74% alike): +1.0 bits',
      'Same category (Fake loans) within 3 days: +2.5 bits',
      'Same category (Fake loans): +1.2 bits',
      'Different categories (Fake loans, Fake customer service): -3.4 bits',
      'Same impersonated brand: 京东金融 · 1 group of reports carries it: +2.5 bits',
      'Same sender pattern: 1069: +0.8 bits',
      'Prior odds: about 1 in 2,400 groups of reports: -11.2 bits',
      'Merged by an investigator (correction 12): +1.0 bits',
    ]);
  });

  it('read in Chinese, every term with its bits', () => {
    const zh = TERMS.map((e) => `${evidenceText(e, ZH)}：${bitsText(e.weight, zhCN)}`);
    expect(zh[0]).toBe('共同的银行卡 6222021234567890128 · 从诈骗信息中提取、2 组报案含有此项：+9.4 比特');
    expect(zh[7]).toBe(`案件类别不同（${zhCN['category.loan']}、${zhCN['category.fake_customer_service']}）：-3.4 比特`);
    expect(zh[10]).toBe('先验几率：约为 2,400 组报案之一：-11.2 比特');
    for (const line of zh) expect(line).toMatch(/：[+-]\d+\.\d 比特$/);
  });

  it('draw bars as shares of the strongest term, either sign', () => {
    expect(
      barWidths([
        { type: 'text', similarity: 1, weight: 4 },
        { type: 'prior', groups: 9, weight: -8 },
        { type: 'domain', domain: 'x.cn', weight: 0 },
      ]),
    ).toEqual([50, 100, 0]);
    expect(barWidths([])).toEqual([]);
    expect(signedBits(-0.04)).toBe('+0.0');
    expect(signedBits(-0.05)).toBe('-0.1');
  });

  it('say the same on the command line, in English sentences', () => {
    expect(TERMS.map(evidenceSentence)).toEqual([
      "same bank card 6222021234567890128 (in the fraudster's message), carried by 2 groups of reports: +9.4 bits",
      'same phone +8613800138000 (marked wrong by an investigator): +7.0 bits',
      'same domain jd-jr.cn, different addresses: +2.2 bits',
      'near-identical message text (similarity 0.93), a template seen in 12 groups of reports: +4.1 bits',
      'similar message text (similarity 0.74): +1.0 bits',
      'same category (loan) within 3 days: +2.5 bits',
      'same category (loan): +1.2 bits',
      'different categories (loan/fake customer service): -3.4 bits',
      'same brand 【京东金融】, used by 1 group of reports: +2.5 bits',
      'same sender pattern 1069: +0.8 bits',
      'prior odds of one gang among 2400 groups of reports: -11.2 bits',
      "an investigator's merge (correction #12): +1.0 bits",
    ]);
  });
});
