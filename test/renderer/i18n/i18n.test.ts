import { describe, expect, it } from 'vitest';
import { CATEGORIES, IDENTIFIER_KINDS, MESSAGE_CHANNELS } from '../../../src/common/model';
import { DICTIONARIES } from '../../../src/renderer/src/i18n/dictionaries';
import { en } from '../../../src/renderer/src/i18n/en';
import { errorSummary } from '../../../src/renderer/src/i18n/error-text';
import { zhCN } from '../../../src/renderer/src/i18n/zh-cn';

describe('UI dictionaries', () => {
  it('have exactly the same keys in every language', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
    expect(Object.keys(DICTIONARIES).sort()).toEqual(['en', 'zh-CN']);
  });

  it('agree on which messages take arguments', () => {
    for (const key of Object.keys(zhCN) as (keyof typeof zhCN)[]) {
      expect(typeof en[key], key).toBe(typeof zhCN[key]);
    }
  });

  it('have no empty texts', () => {
    for (const dictionary of [zhCN, en]) {
      for (const [key, value] of Object.entries(dictionary)) {
        if (typeof value === 'string') expect(value.trim(), key).not.toBe('');
      }
    }
  });

  it('translate every category, identifier kind and channel', () => {
    for (const c of CATEGORIES) expect(zhCN[`category.${c}`]).not.toBe(en[`category.${c}`]);
    for (const k of IDENTIFIER_KINDS) expect(zhCN[`kind.${k}`]).toBeTruthy();
    for (const ch of MESSAGE_CHANNELS) expect(zhCN[`channel.${ch}`]).toBeTruthy();
  });

  it('use the Chinese category names of report-format.md', () => {
    expect(zhCN['category.part_time_job']).toBe('刷单返利');
    expect(zhCN['category.impersonating_officials']).toBe('冒充公检法');
    expect(zhCN['category.investment_romance']).toContain('杀猪盘');
  });

  it('keep Chinese text free of Latin words other than names and formats', () => {
    // Addresses (https://…) and host names (gov.cn) are formats; SH-PUDONG is a precinct code; PEM keys and SHA-256 are formats too;
    // MAC is how the banks name the column (MAC地址).
    const allowed =
      /^(?:NDJSON|CSV|ndjson|jsonl|csv|casegraph|serve|Luhn|IBAN|QQ|IP|MAC|T|ASCII|SH|PUDONG|casebundle|pem|PEM|SHA|BEGIN|END|PUBLIC|KEY|JSON|MiB|CNY|TRC|IPv|Ed|UTF|ZIP|GraphML|signer|xlsx|GB)$/;
    for (const [key, value] of Object.entries(zhCN)) {
      if (typeof value !== 'string') continue;
      for (const word of value
        .replace(/https?:\/\/\S*/g, '')
        .replace(/\b[a-z0-9-]+(?:\.[a-z0-9-]+)+\b/g, '')
        .match(/[A-Za-z]+/g) ?? [])
        expect(word, `${key}: ${value}`).toMatch(allowed);
    }
  });

  it('pluralise English counts', () => {
    expect(en['reports.total'](1, '1')).toBe('1 report');
    expect(en['reports.total'](12500, '12,500')).toBe('12,500 reports');
    expect(zhCN['reports.total'](12500, '12,500')).toBe('共 12,500 条报案');
  });

  it('explain errors by code, falling back to a generic sentence', () => {
    expect(errorSummary({ code: 'offline', message: 'fetch failed' }, zhCN)).toBe(zhCN['error.offline']);
    expect(errorSummary({ code: 'something_new', message: 'x' }, en)).toBe(en['error.failed']);
  });
});
