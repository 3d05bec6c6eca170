// The demo's building blocks: the seeded generator, ID numbers, bank cards, written forms, time.
import { describe, expect, it } from 'vitest';
import { isLuhnValid, luhnCheckDigit } from '../../../src/core/demo/bank-cards';
import { ValueFactory } from '../../../src/core/demo/fraud-values';
import { idCheckChar, isValidIdNumber, makeIdNumber } from '../../../src/core/demo/id-number';
import { fullWidth, writeCard, writePhone, writeUrl } from '../../../src/core/demo/identifiers-format';
import { Rng, Weighted } from '../../../src/core/demo/prng';
import { rfc3339, warpTimeOfDay } from '../../../src/core/demo/time';
import { canonical, canonicalUrl, phoneDigits } from './canonical';

describe('Rng', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const seq = (seed: number): number[] =>
      Array.from(
        { length: 5 },
        (() => {
          const r = new Rng(seed);
          return () => r.u32();
        })(),
      );
    expect(seq(1)).toEqual(seq(1));
    expect(seq(1)).not.toEqual(seq(2));
  });

  it('stays in range and draws weighted items in proportion', () => {
    const r = new Rng(9);
    const table = new Weighted<string>([
      ['a', 3],
      ['b', 1],
    ]);
    let a = 0;
    for (let i = 0; i < 20_000; i++) {
      const x = r.int(3, 7);
      expect(x >= 3 && x <= 7 && Number.isInteger(x)).toBe(true);
      if (table.pick(r) === 'a') a++;
    }
    expect(a / 20_000).toBeCloseTo(0.75, 1);
    expect(
      new Weighted<number>([
        [2, 1],
        [4, 1],
      ]).mean(),
    ).toBe(3);
    expect(r.digits(13)).toMatch(/^\d{13}$/);
  });
});

describe('ID numbers', () => {
  it('check the published example and reject a wrong check character', () => {
    expect(idCheckChar('11010519491231002')).toBe('X');
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('110105194912310021')).toBe(false);
    expect(isValidIdNumber('11010519490231002X')).toBe(false);
  });

  it('makes valid numbers with the sex in the 17th digit', () => {
    const r = new Rng(4);
    for (let i = 0; i < 2000; i++) {
      const male = r.chance(0.5);
      const id = makeIdNumber(r, '320102', r.int(1940, 2012), r.int(1, 12), r.int(1, 28), male);
      expect(isValidIdNumber(id), id).toBe(true);
      expect(Number(id[16]) % 2).toBe(male ? 1 : 0);
    }
  });
});

describe('bank cards', () => {
  it('compute the Luhn digit', () => {
    expect(luhnCheckDigit('7992739871')).toBe('3');
    expect(isLuhnValid('4111111111111111')).toBe(true);
    expect(isLuhnValid('4111111111111112')).toBe(false);
  });

  it('are Luhn-valid, of the BIN length, and never repeat', () => {
    const f = new ValueFactory(new Rng(8));
    const seen = new Set<string>();
    for (let i = 0; i < 20_000; i++) {
      const { digits, bank } = f.card();
      expect(isLuhnValid(digits)).toBe(true);
      expect(bank.bins.some((b) => digits.startsWith(b.prefix) && digits.length === b.length)).toBe(true);
      seen.add(digits);
    }
    expect(seen.size).toBe(20_000);
  });

  it('keep the other value kinds unique too', () => {
    const f = new ValueFactory(new Rng(8));
    const values = Array.from({ length: 5000 }, () => [
      f.mobile(true),
      f.qq(),
      f.wechat(),
      f.site('bank').domain,
      f.shortLink(),
      f.smsSender(),
      f.landline(),
    ]).flat();
    expect(new Set(values).size).toBe(values.length);
  });
});

describe('written forms', () => {
  const r = new Rng(12);

  it('of one phone all come back to its digits', () => {
    const forms = new Set(Array.from({ length: 400 }, () => writePhone(r, '13800138000')));
    expect(forms.size).toBeGreaterThan(6);
    for (const f of forms) expect(phoneDigits(f)).toBe('13800138000');
    expect(forms).toContain('+86 138-0013-8000');
    expect(forms).toContain('138 0013 8000');
    expect(forms).toContain('0086 13800138000');
    expect(forms).toContain(fullWidth('13800138000'));
  });

  it('of one card and one URL all come back to the same value', () => {
    const cards = new Set(Array.from({ length: 300 }, () => writeCard(r, '6222021234567890128')));
    expect(cards).toContain('6222 0212 3456 7890 128');
    for (const c of cards) expect(canonical({ kind: 'bank_card', value: c })).toBe('card:6222021234567890128');
    const urls = new Set(Array.from({ length: 300 }, () => writeUrl(r, 'icbc-jf.cn/lq')));
    expect(urls).toContain('HTTP://WWW.ICBC-JF.CN/lq');
    for (const u of urls) expect(canonicalUrl(u)).toBe('icbc-jf.cn/lq');
    for (let i = 0; i < 100; i++) expect(canonicalUrl(writeUrl(r, 't.cn/A6xYz9', true))).toBe('t.cn/A6xYz9');
  });
});

describe('Nanjing time', () => {
  it('is written with the +08:00 offset', () => {
    expect(rfc3339(Date.UTC(2024, 1, 29, 16, 30, 5))).toBe('2024-03-01T00:30:05+08:00');
    expect(rfc3339(Date.UTC(2023, 11, 31, 15, 59, 59, 999))).toBe('2023-12-31T23:59:59+08:00');
  });

  it('warps the time of day without leaving the day or reordering', () => {
    const day = Date.UTC(2024, 5, 1, -8);
    let last = -Infinity;
    for (let i = 0; i < 1000; i++) {
      const w = warpTimeOfDay(day + i * 86_400);
      expect(w).toBeGreaterThanOrEqual(last);
      expect(w).toBeGreaterThanOrEqual(day);
      expect(w).toBeLessThan(day + 86_400_000);
      last = w;
    }
  });
});
