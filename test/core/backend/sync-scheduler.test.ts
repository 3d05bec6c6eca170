// Background sync rounds: one feed at a time, never beside another job, a round ended by an
// offline feed, nothing when the interval is 0, and the timer armed from the setting.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SyncSummary } from '../../../src/common/api';
import { BUSY_RETRY_MS, SyncScheduler, type SchedulerDeps } from '../../../src/core/backend/sync-scheduler';

function summary(sourceId: number, code: string | null): SyncSummary {
  return {
    sourceId,
    url: 'http://feed',
    precinct: 'P',
    status: code ? 'failed' : 'caught_up',
    error: code ? { code, message: code } : null,
    note: null,
    rejections: [],
    elapsedMs: 1,
    pages: 1,
    received: 0,
    new: 0,
    updated: 0,
    unchanged: 0,
    withdrawn: 0,
    quarantined: 0,
  };
}

function deps(over: Partial<SchedulerDeps> & { errors?: Record<number, string> } = {}): SchedulerDeps & { synced: number[] } {
  const synced: number[] = [];
  return {
    synced,
    intervalMinutes: () => 15,
    busy: () => false,
    sources: () => [1, 2, 3],
    sync: async (id) => {
      synced.push(id);
      return { started: true, summary: summary(id, over.errors?.[id] ?? null) };
    },
    ...over,
  };
}

afterEach(() => vi.useRealTimers());

describe('SyncScheduler', () => {
  it('syncs every feed in turn; a failing feed does not stop the others, an offline one does', async () => {
    const all = deps({ errors: { 1: 'unauthorised' } });
    expect(await new SyncScheduler(all).round()).toBe('done');
    expect(all.synced).toEqual([1, 2, 3]);
    const offline = deps({ errors: { 2: 'network' } });
    expect(await new SyncScheduler(offline).round()).toBe('offline');
    expect(offline.synced).toEqual([1, 2]);
  });

  it('does nothing when off, and waits while another job runs', async () => {
    const off = deps({ intervalMinutes: () => 0 });
    expect(await new SyncScheduler(off).round()).toBe('off');
    const busy = deps({ busy: () => true });
    expect(await new SyncScheduler(busy).round()).toBe('busy');
    expect([...off.synced, ...busy.synced]).toEqual([]);
  });

  it('runs a round each interval, and again a minute later when it found a job running', async () => {
    vi.useFakeTimers();
    let busy = true;
    const d = deps({ busy: () => busy });
    const s = new SyncScheduler(d);
    s.schedule();
    await vi.advanceTimersByTimeAsync(15 * 60_000);
    expect(d.synced).toEqual([]);
    busy = false;
    await vi.advanceTimersByTimeAsync(BUSY_RETRY_MS);
    expect(d.synced).toEqual([1, 2, 3]);
    await vi.advanceTimersByTimeAsync(15 * 60_000);
    expect(d.synced).toHaveLength(6);
    s.close();
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(d.synced).toHaveLength(6);
  });
});
