// The renderer's view of running syncs: latest status per feed from 'sync.status', cleared on job.done.
import { describe, expect, it } from 'vitest';
import type { SyncSummary } from '../../../src/common/api';
import { SyncStatusTracker } from '../../../src/renderer/src/sources/sync-status';

const counts = { pages: 1, received: 10, new: 10, updated: 0, unchanged: 0, withdrawn: 0, quarantined: 0 };

describe('SyncStatusTracker', () => {
  it('keeps the latest status per feed, with its wait, until the job ends', () => {
    const t = new SyncStatusTracker(() => 1000);
    let calls = 0;
    t.subscribe(() => calls++);
    t.started('sync-1', 7);
    expect(t.getSnapshot().get(7)).toMatchObject({ jobId: 'sync-1', page: 1, counts: null, waiting: null });
    t.apply({
      type: 'sync.status',
      jobId: 'sync-1',
      sourceId: 7,
      page: 2,
      counts,
      waiting: { ms: 2000, reason: 'HTTP 503, Retry-After', retry: 1 },
    });
    expect(t.getSnapshot().get(7)).toMatchObject({ page: 2, counts, waiting: { ms: 2000 }, since: 1000 });
    t.apply({ type: 'job.done', outcome: { jobId: 'import-1', kind: 'import', ok: false, error: { code: 'failed', message: 'x' } } });
    expect(t.getSnapshot().has(7)).toBe(true);
    const summary = {
      ...counts,
      sourceId: 7,
      url: 'u',
      precinct: 'P',
      status: 'caught_up',
      error: null,
      note: null,
      rejections: [],
      elapsedMs: 1,
    } satisfies SyncSummary;
    t.apply({ type: 'job.done', outcome: { jobId: 'sync-1', kind: 'sync', ok: true, summary } });
    expect(t.getSnapshot().has(7)).toBe(false);
    expect(calls).toBe(3);
  });

  it('does not show a sync as running when it ended before the call that started it returned', () => {
    const t = new SyncStatusTracker(() => 1000);
    // A wrong token fails at once: the job.done event outruns the sync.start answer.
    t.apply({
      type: 'job.done',
      outcome: { jobId: 'sync-2', kind: 'sync', ok: false, error: { code: 'unauthorised', message: 'not authorised' } },
    });
    t.started('sync-2', 7);
    expect(t.getSnapshot().has(7)).toBe(false);
    t.apply({ type: 'sync.status', jobId: 'sync-2', sourceId: 7, page: 1, counts, waiting: null });
    expect(t.getSnapshot().has(7)).toBe(false);
    // A later sync of the same feed is shown as usual.
    t.started('sync-3', 7);
    expect(t.getSnapshot().get(7)).toMatchObject({ jobId: 'sync-3' });
  });
});
