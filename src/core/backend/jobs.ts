// Long jobs (import, demo, sync, linking; later export): one writing job at a time, each
// cancellable, reporting progress at most every 100 ms so the UI is not flooded.
// A job the backend started by itself (the incremental link after a change) is preemptible:
// when the investigator starts something, it is cancelled and their job starts as soon as it
// has stopped. Nothing is lost: the next link run picks up every change since the last
// completed one. Such a job is usually asked for as another one ends (`deferred`): it is the
// running job at once — job.current shows it, a new job waits for it or pushes it aside — and
// its work begins on the next turn of the event loop, once the ended job is fully released.
import type { ApiError, JobKind, JobOutcome, JobProgress, JobSummaries } from '../../common/api';
import { diskFullMessage, isDiskFull, type DiskFullWhat } from '../store/disk-full';

export type { JobKind };

export interface JobContext {
  readonly jobId: string;
  readonly signal: AbortSignal;
  progress(phase: string, done: number, total: number | null): void;
}

export type JobEvents = {
  progress(p: JobProgress): void;
  done(outcome: JobOutcome): void;
};

type Work = (ctx: JobContext) => Promise<JobSummaries[JobKind]>;

interface Running {
  readonly id: string;
  readonly kind: JobKind;
  readonly controller: AbortController;
  readonly preemptible: boolean;
  latest: JobProgress;
}

interface Queued {
  readonly id: string;
  readonly kind: JobKind;
  readonly work: Work;
}

export interface StartOptions {
  /** Started by the backend itself: gives way to a job the investigator starts. */
  readonly preemptible?: boolean;
  /**
   * Its work begins on the next turn of the event loop (it is the running job meanwhile); it is
   * then handed a signal already aborted if it was cancelled or pushed aside before that.
   */
  readonly deferred?: boolean;
}

export class Jobs {
  private running: Running | null = null;
  private waiting: Queued | null = null;
  private nextId = 1;

  /** `storePath` names the store in a full disk's message. */
  constructor(
    private readonly events: JobEvents,
    private readonly storePath?: string,
  ) {}

  get busy(): boolean {
    return this.running !== null;
  }

  /** Busy with something that would refuse a new job (not a preemptible one, which gives way). */
  get blocked(): boolean {
    return this.running !== null && (!this.running.preemptible || this.waiting !== null);
  }

  /**
   * Start a job; returns its id, or null when busy. A preemptible job in the way is cancelled
   * and the new one starts when it has stopped.
   */
  start<K extends JobKind>(kind: K, work: (ctx: JobContext) => Promise<JobSummaries[K]>, options: StartOptions = {}): string | null {
    const id = `${kind}-${Date.now().toString(36)}-${this.nextId++}`;
    if (this.running) {
      if (!this.running.preemptible || options.preemptible || this.waiting) return null;
      this.waiting = { id, kind, work };
      this.running.controller.abort();
      return id;
    }
    const job = { id, kind, work };
    this.register(job, options.preemptible === true);
    if (options.deferred === true) setImmediate(() => this.begin(job));
    else this.begin(job);
    return id;
  }

  /** The running job from now on; its work has not begun. */
  private register(job: Queued, preemptible: boolean): void {
    const { id, kind } = job;
    this.running = {
      id,
      kind,
      controller: new AbortController(),
      preemptible,
      latest: { jobId: id, kind, phase: 'starting', done: 0, total: null },
    };
  }

  private begin({ id, kind, work }: Queued): void {
    const running = this.running;
    if (running?.id !== id) return;
    const { controller } = running;
    let last = 0;
    const ctx: JobContext = {
      jobId: id,
      signal: controller.signal,
      progress: (phase, done, total) => {
        if (this.running?.id === id) this.running.latest = { jobId: id, kind, phase, done, total };
        const now = performance.now();
        if (now - last < 100 && done !== total) return;
        last = now;
        this.events.progress({ jobId: id, kind, phase, done, total });
      },
    };
    void work(ctx).then(
      // The casts restate what K guarantees: the summary is the one of this kind of job.
      (summary) => this.finish({ jobId: id, kind, ok: true, summary } as JobOutcome),
      (e: unknown) => this.finish({ jobId: id, kind, ok: false, error: toApiError(e, this.storePath, kind) } as JobOutcome),
    );
  }

  current(): JobProgress | null {
    if (this.waiting) return { jobId: this.waiting.id, kind: this.waiting.kind, phase: 'starting', done: 0, total: null };
    return this.running?.latest ?? null;
  }

  cancel(id: string): boolean {
    if (this.waiting?.id === id) {
      const { kind } = this.waiting;
      this.waiting = null;
      this.events.done({ jobId: id, kind, ok: false, error: { code: 'cancelled', message: 'cancelled before it started' } } as JobOutcome);
      return true;
    }
    if (this.running?.id !== id) return false;
    this.running.controller.abort();
    return true;
  }

  /** Abort whatever runs (the host is closing). */
  cancelRunning(): void {
    this.waiting = null;
    this.running?.controller.abort();
  }

  private finish(outcome: JobOutcome): void {
    // The job that waited for this one is the running job before anyone hears of the end, so a
    // job asked for on hearing it (a relink) waits its turn; its work begins after the event.
    const next = this.waiting;
    this.waiting = null;
    this.running = null;
    if (next) this.register(next, false);
    this.events.done(outcome);
    if (next) this.begin(next);
  }
}

/** A failure as the API answers it; a full disk as one sentence saying what `what` left (disk-full.ts). */
export function toApiError(e: unknown, storePath?: string, what: DiskFullWhat = 'change'): ApiError {
  if (isDiskFull(e)) return { code: 'disk_full', message: diskFullMessage(storePath ? `the store ${storePath}` : 'the store', what) };
  const message = e instanceof Error ? e.message : String(e);
  return { code: 'failed', message };
}
