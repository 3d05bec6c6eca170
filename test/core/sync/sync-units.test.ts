// The small pure parts of sync: Retry-After, back-off, base URLs, page shapes.
import { describe, expect, it } from 'vitest';
import { Cancelled } from '../../../src/common/result';
import { backoffDelay, sleep } from '../../../src/core/sync/backoff';
import { parseFeedPage } from '../../../src/core/sync/feed-page';
import { checkPrecinct, describeCursor, normaliseFeedBase, pageUrl } from '../../../src/core/sync/feed-url';
import { parseHttpDate, parseRetryAfter } from '../../../src/core/sync/retry-after';
import { SyncConfigError, redactToken } from '../../../src/core/sync/sync-error';
import { resolvePolicy } from '../../../src/core/sync/sync-policy';

describe('Retry-After', () => {
  const now = Date.UTC(1994, 10, 6, 8, 49, 30);
  it('reads seconds and the three HTTP-date forms; a past date means now; junk is null', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('Sun, 06 Nov 1994 08:49:37 GMT', now)).toBe(7000);
    expect(parseRetryAfter('Sunday, 06-Nov-94 08:49:37 GMT', now)).toBe(7000);
    expect(parseRetryAfter('Sun Nov  6 08:49:37 1994', now)).toBe(7000);
    expect(parseRetryAfter('Sun, 06 Nov 1994 08:00:00 GMT', now)).toBe(0);
    for (const junk of [null, undefined, '', '-1', '1.5', 'soon', 'Sun, 31 Feb 1994 08:49:37 GMT', 'Sun, 06 Nov 1994 08:49:37 CET']) {
      expect(parseRetryAfter(junk, now)).toBeNull();
    }
  });
  it('reads what Date#toUTCString writes', () => {
    const at = Date.UTC(2031, 0, 2, 3, 4, 5);
    expect(parseHttpDate(new Date(at).toUTCString())).toBe(at);
  });
});

describe('back-off', () => {
  it('doubles up to the cap, with half of each delay random', () => {
    const policy = { baseMs: 100, maxMs: 1000 };
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, policy, () => 0))).toEqual([50, 100, 200, 400, 500]);
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, policy, () => 1))).toEqual([100, 200, 400, 800, 1000]);
  });
  it('waits are cancellable', async () => {
    const c = new AbortController();
    const waiting = sleep(10_000, c.signal);
    c.abort();
    await expect(waiting).rejects.toBeInstanceOf(Cancelled);
  });
});

describe('feed URLs', () => {
  it('normalises the base and builds page URLs with an escaped precinct and cursor', () => {
    expect(normaliseFeedBase('https://Feed.Example.cn/platform/')).toBe('https://feed.example.cn/platform');
    expect(normaliseFeedBase('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080');
    expect(normaliseFeedBase('http://[::1]:8080/')).toBe('http://[::1]:8080');
    const url = pageUrl('https://feed.example.cn/platform', 'NJ/玄武', 'a+b=c&d', 500);
    expect(url.href).toBe('https://feed.example.cn/platform/v1/precincts/NJ%2F%E7%8E%84%E6%AD%A6/reports?after=a%2Bb%3Dc%26d&limit=500');
    expect(url.searchParams.get('after')).toBe('a+b=c&d');
    expect(pageUrl('https://x.cn', 'P', null, 1).search).toBe('?limit=1');
    expect(pageUrl('https://x.cn', 'P', '', 1).search).toBe('?limit=1');
    expect(describeCursor('x'.repeat(100))).toBe(`after "${'x'.repeat(37)}..."`);
  });
  it('refuses plain http off this computer, credentials, queries and bad precincts', () => {
    expect(() => normaliseFeedBase('http://feed.example.cn')).toThrow(/must use https:\/\//);
    expect(() => normaliseFeedBase('ftp://feed.example.cn')).toThrow(SyncConfigError);
    expect(() => normaliseFeedBase('https://u:p@feed.example.cn')).toThrow(/user name or password/);
    expect(() => normaliseFeedBase('https://feed.example.cn/?token=x')).toThrow(/query/);
    expect(() => normaliseFeedBase('feed.example.cn')).toThrow(/not a valid URL/);
    expect(() => checkPrecinct('')).toThrow(SyncConfigError);
    expect(() => checkPrecinct(' P')).toThrow(SyncConfigError);
    expect(() => checkPrecinct('P\n')).toThrow(SyncConfigError);
  });
});

describe('feed pages', () => {
  const page = (text: string): ReturnType<typeof parseFeedPage> => parseFeedPage(Buffer.from(text), 'application/json');
  it('accepts exactly the protocol shape, unknown extra fields included', () => {
    expect(page('{"reports":[{"id":"A"},5],"next":"","more":false,"extra":1}')).toEqual({
      ok: true,
      page: { reports: [{ id: 'A' }, 5], next: '', more: false },
    });
  });
  it('names what is wrong', () => {
    expect(page('{"reports":null,"next":"x","more":true}')).toEqual({ ok: false, reason: '"reports" is null, not an array' });
    expect(page('{"reports":[],"more":true}')).toEqual({ ok: false, reason: '"next" is missing' });
    expect(page('{"reports":[],"next":"x","more":1}')).toEqual({ ok: false, reason: '"more" is a number, not true or false' });
    expect(page('"hello"')).toEqual({ ok: false, reason: 'the body is a string, not an object' });
    expect(parseFeedPage(Buffer.from([0xff, 0xfe, 0x00]), undefined)).toEqual({ ok: false, reason: 'the body is not UTF-8 text' });
    expect(page(`{"reports":[],"next":"${'c'.repeat(20_000)}","more":true}`)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/"next" is longer than/),
    });
  });
});

describe('policy and redaction', () => {
  it('checks the bounds it is given', () => {
    expect(resolvePolicy({ backoff: { baseMs: 5 } }).backoff).toEqual({ baseMs: 5, maxMs: 30_000 });
    expect(() => resolvePolicy({ pageSize: 5001 })).toThrow(/pageSize/);
    expect(() => resolvePolicy({ attempts: 0 })).toThrow(/attempts/);
  });
  it('never lets the token through a message', () => {
    expect(redactToken('bad header: Bearer abcd1234 rejected', 'abcd1234')).toBe('bad header: Bearer [token] rejected');
  });
});
