import { describe, expect, it } from 'vitest';
import type { ReportPage, ReportRow, Result } from '../../../src/common/api';
import { ReportPageCache } from '../../../src/renderer/src/reports/report-page-cache';

function row(i: number): ReportRow {
  return {
    id: `R${i}`,
    version: 1,
    withdrawn: false,
    precinct: 'P',
    reportedAt: '2017-06-03T09:12:00+08:00',
    category: 'loan',
    loss: null,
    summary: '',
  };
}

/** A fake backend whose answers the test releases by hand. */
function backend(total: () => number) {
  const pending: { offset: number; limit: number; resolve: (r: Result<ReportPage>) => void }[] = [];
  const fetchPage = (offset: number, limit: number) =>
    new Promise<Result<ReportPage>>((resolve) => pending.push({ offset, limit, resolve }));
  const answer = async (tag = 'R') => {
    const next = pending.shift();
    if (!next) throw new Error('no request pending');
    const rows = [];
    for (let i = next.offset; i < Math.min(total(), next.offset + next.limit); i++) rows.push({ ...row(i), id: `${tag}${i}` });
    next.resolve({ ok: true, value: { total: total(), offset: next.offset, rows } });
    await Promise.resolve();
    await Promise.resolve();
  };
  return { pending, fetchPage, answer };
}

describe('report page cache', () => {
  it('fetches only the pages covering the visible rows, once', async () => {
    const b = backend(() => 1_000_000);
    const cache = new ReportPageCache(b.fetchPage, 200);
    cache.ensure(0, 50);
    cache.ensure(0, 60);
    expect(b.pending.map((p) => p.offset)).toEqual([0]);
    await b.answer();
    expect(cache.total).toBe(1_000_000);
    expect(cache.row(10)?.id).toBe('R10');
    cache.ensure(390, 420);
    expect(b.pending.map((p) => p.offset)).toEqual([200, 400]);
  });

  it('refetches visible pages after a data change and keeps stale rows meanwhile', async () => {
    let total = 500;
    const b = backend(() => total);
    const cache = new ReportPageCache(b.fetchPage, 200);
    cache.sync(0);
    cache.ensure(0, 10);
    await b.answer();
    total = 600;
    cache.sync(1);
    expect(cache.row(0)?.id).toBe('R0');
    expect(b.pending).toHaveLength(1);
    await b.answer('N');
    expect(cache.row(0)?.id).toBe('N0');
    expect(cache.total).toBe(600);
  });

  it('stops on an error until retried', async () => {
    const calls: number[] = [];
    let fail = true;
    const cache = new ReportPageCache(async (offset) => {
      calls.push(offset);
      return fail ? { ok: false, error: { code: 'offline', message: 'down' } } : { ok: true, value: { total: 1, offset, rows: [row(0)] } };
    }, 200);
    cache.ensure(0, 10);
    await new Promise((r) => setTimeout(r, 0));
    expect(cache.error?.code).toBe('offline');
    cache.ensure(0, 10);
    expect(calls).toHaveLength(1);
    fail = false;
    cache.retry();
    await new Promise((r) => setTimeout(r, 0));
    expect(cache.error).toBeNull();
    expect(cache.row(0)?.id).toBe('R0');
  });

  it('keeps a bounded number of pages', async () => {
    const b = backend(() => 1_000_000);
    const cache = new ReportPageCache(b.fetchPage, 10, 3);
    for (let page = 0; page < 6; page++) {
      cache.ensure(page * 10, page * 10 + 5);
      await b.answer();
    }
    expect(cache.row(55)).toBeDefined();
    expect(cache.row(0)).toBeUndefined();
  });
});
