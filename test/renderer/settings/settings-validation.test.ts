import { describe, expect, it } from 'vitest';
import { parseAmount, parseDays, parseInterval } from '../../../src/renderer/src/settings/settings-validation';
import { precinctProblem, tokenProblem, urlProblem } from '../../../src/renderer/src/sources/source-validation';

describe('settings validation', () => {
  it('accepts amounts with at most two decimals', () => {
    expect(parseAmount('5000')).toBe('5000');
    expect(parseAmount(' 5000.5 ')).toBe('5000.5');
    expect(parseAmount('0.01')).toBe('0.01');
  });

  it('rejects other amounts', () => {
    for (const bad of ['', '12.345', '-1', '1,000', '1e3', '12.', '.5', 'abc']) expect(parseAmount(bad), bad).toBeNull();
  });

  it('accepts positive whole days only', () => {
    expect(parseDays('90')).toBe(90);
    expect(parseDays(' 7 ')).toBe(7);
    for (const bad of ['', '0', '-3', '1.5', '30d', '99999999999999999999']) expect(parseDays(bad), bad).toBeNull();
  });
});

describe('sync interval and source fields', () => {
  it('accepts 0–1440 whole minutes only', () => {
    expect(parseInterval('0')).toBe(0);
    expect(parseInterval(' 15 ')).toBe(15);
    expect(parseInterval('1440')).toBe(1440);
    for (const bad of ['', '-1', '1441', '1.5', 'abc', '99999']) expect(parseInterval(bad)).toBeNull();
  });

  it('checks feed URL, precinct and token as the backend does', () => {
    expect(urlProblem('https://feed.example.gov.cn/base')).toBeNull();
    expect(urlProblem('http://127.0.0.1:8080')).toBeNull();
    expect(urlProblem('feed.example.gov.cn')).toBe('sources.invalidUrl');
    expect(urlProblem('ftp://feed.example.gov.cn')).toBe('sources.invalidUrl');
    expect(urlProblem('http://feed.example.gov.cn')).toBe('sources.invalidUrlHttp');
    expect(urlProblem('https://u:p@feed.example.gov.cn')).toBe('sources.invalidUrlParts');
    expect(urlProblem('https://feed.example.gov.cn/?a=1')).toBe('sources.invalidUrlParts');
    expect(precinctProblem('SH-PUDONG')).toBeNull();
    for (const bad of ['', ' SH', 'x'.repeat(129), 'a\u0001b']) expect(precinctProblem(bad)).toBe('sources.invalidPrecinct');
    expect(tokenProblem('abc-DEF_123.~')).toBeNull();
    for (const bad of ['', 'has space', '令牌', 'x'.repeat(4097)]) expect(tokenProblem(bad)).toBe('sources.invalidToken');
  });
});
