// The backend's events as a test sees them: every event kept in order, and waits that resolve
// the moment a matching event arrives (never by polling on a timer). The one wait-for-job helper
// of the tests: backend tests push the Backend's events here, the end-to-end tests the served
// event stream's or the Electron bridge's.
import type { ApiEvent, JobOutcome, JobProgress, Result } from '../../src/common/api';

/** job.current, however the test reaches the API. */
export type CurrentJob = () => Promise<JobProgress | null>;

/** job.current through anything with the transports' `call` (a Backend, a BackendClient). */
export function currentJobOf(api: { call(method: string, arg: unknown): Promise<Result<unknown>> }): CurrentJob {
  return async () => {
    const r = await api.call('job.current', {});
    if (!r.ok) throw new Error(`job.current: ${r.error.code} ${r.error.message}`);
    return r.value as JobProgress | null;
  };
}

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

  /**
   * Resolves once no job runs: the running job (as `current` says) is awaited to its end, then
   * the next one, until there is none. A relink a change asks for is the running job at once, so
   * it is awaited too.
   */
  async idle(current: CurrentJob, timeoutMs?: number): Promise<void> {
    for (;;) {
      const job = await current();
      if (job === null) return;
      await this.outcome(job.jobId, timeoutMs);
    }
  }
}
