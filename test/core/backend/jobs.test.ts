// One writing job at a time; a job the backend started by itself gives way to the investigator's.
import { describe, expect, it } from 'vitest';
import type { JobOutcome, LinkSummary, SyncSummary } from '../../../src/common/api';
import { Jobs, type JobContext } from '../../../src/core/backend/jobs';
import { EventLog } from '../../support/events';

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

function setup(): { jobs: Jobs; done: JobOutcome[]; events: EventLog } {
  const done: JobOutcome[] = [];
  const events = new EventLog();
  const jobs = new Jobs({
    progress: () => undefined,
    done: (o) => {
      done.push(o);
      events.push({ type: 'job.done', outcome: o });
    },
  });
  return { jobs, done, events };
}

describe('jobs', () => {
  it('refuses a second job while one runs', async () => {
    const { jobs, events } = setup();
    const first = jobs.start('link', untilAborted);
    expect(first).not.toBeNull();
    expect(jobs.start('link', untilAborted)).toBeNull();
    jobs.cancelRunning();
    await events.outcome(first as string);
  });

  it('cancels a preemptible job for the investigator’s job, which then runs', async () => {
    const { jobs, done, events } = setup();
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
    await events.outcome(mine as string);
    expect(started).toBe(true);
    expect(done.map((o) => o.jobId)).toEqual([auto, mine]);
    expect(done[0]).toMatchObject({ ok: true, summary: { cancelled: true } });
  });

  it('is busy but not blocked while only a preemptible job runs', async () => {
    const { jobs, events } = setup();
    expect([jobs.busy, jobs.blocked]).toEqual([false, false]);
    const auto = jobs.start('link', untilAborted, { preemptible: true });
    expect([jobs.busy, jobs.blocked]).toEqual([true, false]);
    jobs.start('link', untilAborted);
    expect([jobs.busy, jobs.blocked]).toEqual([true, true]);
    jobs.cancelRunning();
    await events.outcome(auto as string);
  });

  it('does not let a preemptible job push another preemptible job aside', () => {
    const { jobs } = setup();
    jobs.start('link', untilAborted, { preemptible: true });
    expect(jobs.start('link', untilAborted, { preemptible: true })).toBeNull();
    jobs.cancelRunning();
  });

  it('cancels a waiting job before it starts', async () => {
    const { jobs, done, events } = setup();
    const auto = jobs.start('link', untilAborted, { preemptible: true });
    let ran = false;
    const waiting = jobs.start('sync', async () => {
      ran = true;
      return {} as SyncSummary;
    });
    expect(jobs.cancel(waiting as string)).toBe(true);
    await events.outcome(auto as string);
    expect(ran).toBe(false);
    expect(done.find((o) => o.jobId === waiting)).toMatchObject({ ok: false, error: { code: 'cancelled' } });
  });

  it('makes a deferred job the running job at once, its work beginning on the next turn', async () => {
    const { jobs, events } = setup();
    let began = false;
    const relink = jobs.start(
      'link',
      async (ctx) => {
        began = true;
        return untilAborted(ctx);
      },
      { preemptible: true, deferred: true },
    );
    expect(began).toBe(false);
    expect(jobs.current()).toMatchObject({ jobId: relink, kind: 'link', phase: 'starting' });
    expect([jobs.busy, jobs.blocked]).toEqual([true, false]);
    await new Promise((r) => setImmediate(r));
    expect(began).toBe(true);
    jobs.cancelRunning();
    await events.outcome(relink as string);
  });

  it('hands a deferred job pushed aside before its turn an aborted signal, then runs the investigator’s job', async () => {
    const { jobs, done, events } = setup();
    let aborted: boolean | null = null;
    const relink = jobs.start(
      'link',
      async (ctx) => {
        aborted = ctx.signal.aborted;
        return linkSummary;
      },
      { preemptible: true, deferred: true },
    );
    const mine = jobs.start('sync', async () => ({}) as SyncSummary);
    expect(jobs.current()).toMatchObject({ jobId: mine });
    await events.outcome(mine as string);
    expect(aborted).toBe(true);
    expect(done.map((o) => o.jobId)).toEqual([relink, mine]);
  });

  it('lets the job that waited run before a job asked for on hearing of the end', async () => {
    const done: JobOutcome[] = [];
    const events = new EventLog();
    let again: string | null = 'not asked';
    const jobs: Jobs = new Jobs({
      progress: () => undefined,
      done: (o) => {
        done.push(o);
        events.push({ type: 'job.done', outcome: o });
        // As the backend does when a relink was asked for while the link run was pushed aside.
        if (o.kind === 'link' && again === 'not asked') again = jobs.start('link', untilAborted, { preemptible: true, deferred: true });
      },
    });
    jobs.start('link', untilAborted, { preemptible: true });
    let ran = false;
    const mine = jobs.start('sync', async () => {
      ran = true;
      return {} as SyncSummary;
    });
    await events.outcome(mine as string);
    expect(ran).toBe(true);
    expect(again).toBeNull();
  });
});
