import { afterEach, describe, expect, it, vi } from 'vitest';
import type { JobOutcome } from '../../../src/common/api';
import { ChangeFeed } from '../../../src/renderer/src/jobs/change-feed';
import { JobTracker } from '../../../src/renderer/src/jobs/job-tracker';

const done = (jobId: string, kind: 'import' | 'demo' = 'import'): JobOutcome => ({
  jobId,
  kind,
  ok: true,
  summary: { new: 1, updated: 0, unchanged: 0, withdrawn: 0, rejected: 0, files: [], elapsedMs: 5, cancelled: false, rejections: [] },
});

describe('job tracker', () => {
  it('follows progress and keeps the outcome by job id', () => {
    const tracker = new JobTracker();
    tracker.apply({ type: 'job.progress', progress: { jobId: 'j1', kind: 'import', phase: 'read', done: 5, total: null } });
    expect(tracker.getSnapshot().running?.done).toBe(5);
    tracker.apply({ type: 'job.done', outcome: done('j1') });
    expect(tracker.getSnapshot().running).toBeNull();
    expect(tracker.getSnapshot().outcomes.get('j1')?.ok).toBe(true);
    expect(tracker.latest('import')?.jobId).toBe('j1');
  });

  it('knows a job that finished before its start call returned', () => {
    const tracker = new JobTracker();
    tracker.apply({ type: 'job.done', outcome: done('fast') });
    tracker.started('fast', 'import');
    expect(tracker.getSnapshot().running).toBeNull();
    tracker.apply({ type: 'job.progress', progress: { jobId: 'fast', kind: 'import', phase: '', done: 9, total: 9 } });
    expect(tracker.getSnapshot().running).toBeNull();
  });

  it('keeps a bounded number of outcomes', () => {
    const tracker = new JobTracker();
    for (let i = 0; i < 50; i++) tracker.apply({ type: 'job.done', outcome: done(`j${i}`) });
    expect(tracker.getSnapshot().outcomes.size).toBe(20);
    expect(tracker.getSnapshot().outcomes.has('j49')).toBe(true);
  });
});

describe('change feed', () => {
  afterEach(() => vi.useRealTimers());

  it('bumps at once, then at most once per interval, and always after the last change', () => {
    vi.useFakeTimers();
    const feed = new ChangeFeed(1000, () => Date.now());
    feed.changed();
    expect(feed.getSnapshot()).toBe(1);
    feed.changed();
    feed.changed();
    expect(feed.getSnapshot()).toBe(1);
    vi.advanceTimersByTime(1000);
    expect(feed.getSnapshot()).toBe(2);
    vi.advanceTimersByTime(5000);
    expect(feed.getSnapshot()).toBe(2);
  });
});
