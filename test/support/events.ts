// The backend's events as a test sees them: every event kept in order, and waits that resolve
// the moment a matching event arrives (never by polling on a timer).
import type { ApiEvent, JobOutcome } from '../../src/common/api';

interface Waiter {
  readonly match: (e: ApiEvent) => boolean;
  readonly resolve: (e: ApiEvent) => void;
}

export class EventLog {
  readonly events: ApiEvent[] = [];
  private waiters: Waiter[] = [];

  /** Pass as the backend's onEvent. */
  readonly push = (e: ApiEvent): void => {
    this.events.push(e);
    const due = this.waiters.filter((w) => w.match(e));
    this.waiters = this.waiters.filter((w) => !w.match(e));
    for (const w of due) w.resolve(e);
  };

  /** The first event from index `after` on that matches, as soon as it has arrived; rejects after `timeoutMs`. */
  next(match: (e: ApiEvent) => boolean, options: { after?: number; timeoutMs?: number; what?: string } = {}): Promise<ApiEvent> {
    const found = this.events.slice(options.after ?? 0).find(match);
    if (found !== undefined) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`no ${options.what ?? 'matching event'} within ${options.timeoutMs ?? 60_000} ms`));
      }, options.timeoutMs ?? 60_000);
      const waiter: Waiter = {
        match,
        resolve: (e) => {
          clearTimeout(timer);
          resolve(e);
        },
      };
      this.waiters.push(waiter);
    });
  }

  /** The outcome of the first job from index `after` on that finishes and matches. */
  async done(match: (o: JobOutcome) => boolean, options: { after?: number; timeoutMs?: number } = {}): Promise<JobOutcome> {
    const e = await this.next((x) => x.type === 'job.done' && match(x.outcome), { ...options, what: 'such job finished' });
    return (e as Extract<ApiEvent, { type: 'job.done' }>).outcome;
  }

  /** The outcome of the job with this id. */
  outcome(jobId: string, timeoutMs?: number): Promise<JobOutcome> {
    return this.done((o) => o.jobId === jobId, timeoutMs === undefined ? {} : { timeoutMs });
  }
}
