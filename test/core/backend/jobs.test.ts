// One writing job at a time; a job the backend started by itself gives way to the investigator's.
import { describe, expect, it } from 'vitest';
import type { JobOutcome, LinkSummary, SyncSummary } from '../../../src/common/api';
import { Jobs, type JobContext } from '../../../src/core/backend/jobs';

const linkSummary: LinkSummary = {
  mode: 'incremental',
  reports: 0,
  changed: 0,
  series: 0,
  overThreshold: 0,
  elapsedMs: 0,
  cancelled: true,
};

function untilAborted(ctx: JobContext): Promise<LinkSummary> {
  return new Promise((resolve) => ctx.signal.addEventListener('abort', () => resolve(linkSummary), { once: true }));
}

function setup(): { jobs: Jobs; done: JobOutcome[]; order: string[] } {
  const done: JobOutcome[] = [];
  const jobs = new Jobs({ progress: () => undefined, done: (o) => done.push(o) });
  return { jobs, done, order: [] };
}

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 10));

describe('jobs', () => {
  it('refuses a second job while one runs', async () => {
    const { jobs } = setup();
    const first = jobs.start('link', untilAborted);
    expect(first).not.toBeNull();
    expect(jobs.start('link', untilAborted)).toBeNull();
    jobs.cancelRunning();
    await tick();
  });

  it('cancels a preemptible job for the investigator’s job, which then runs', async () => {
    const { jobs, done } = setup();
    const auto = jobs.start('link', untilAborted, { preemptible: true });
    let started = false;
    const mine = jobs.start('sync', async () => {
      started = true;
      return {} as SyncSummary;
    });
    expect(mine).not.toBeNull();
    expect(jobs.current()).toMatchObject({ jobId: mine, phase: 'starting' });
    // A third job waits its turn like any other.
    expect(jobs.start('import', async () => ({}) as never)).toBeNull();
    await tick();
    expect(started).toBe(true);
    expect(done.map((o) => o.jobId)).toEqual([auto, mine]);
    expect(done[0]).toMatchObject({ ok: true, summary: { cancelled: true } });
  });

  it('is busy but not blocked while only a preemptible job runs', async () => {
    const { jobs } = setup();
    expect([jobs.busy, jobs.blocked]).toEqual([false, false]);
    jobs.start('link', untilAborted, { preemptible: true });
    expect([jobs.busy, jobs.blocked]).toEqual([true, false]);
    jobs.start('link', untilAborted);
    expect([jobs.busy, jobs.blocked]).toEqual([true, true]);
    jobs.cancelRunning();
    await tick();
  });

  it('does not let a preemptible job push another preemptible job aside', () => {
    const { jobs } = setup();
    jobs.start('link', untilAborted, { preemptible: true });
    expect(jobs.start('link', untilAborted, { preemptible: true })).toBeNull();
    jobs.cancelRunning();
  });

  it('cancels a waiting job before it starts', async () => {
    const { jobs, done } = setup();
    jobs.start('link', untilAborted, { preemptible: true });
    let ran = false;
    const waiting = jobs.start('sync', async () => {
      ran = true;
      return {} as SyncSummary;
    });
    expect(jobs.cancel(waiting as string)).toBe(true);
    await tick();
    expect(ran).toBe(false);
    expect(done.find((o) => o.jobId === waiting)).toMatchObject({ ok: false, error: { code: 'cancelled' } });
  });
});
