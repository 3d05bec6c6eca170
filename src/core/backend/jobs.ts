// Long jobs (import, demo, sync; later linking, export): one writing job at a time, each
// cancellable, reporting progress at most every 100 ms so the UI is not flooded.
import type { ApiError, JobKind, JobOutcome, JobProgress, JobSummaries } from '../../common/api';

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

export class Jobs {
  private running: { id: string; kind: JobKind; controller: AbortController; latest: JobProgress } | null = null;
  private nextId = 1;

  constructor(private readonly events: JobEvents) {}

  get busy(): boolean {
    return this.running !== null;
  }

  /** Start a job unless one is running; returns its id, or null when busy. */
  start<K extends JobKind>(kind: K, work: (ctx: JobContext) => Promise<JobSummaries[K]>): string | null {
    if (this.running) return null;
    const id = `${kind}-${Date.now().toString(36)}-${this.nextId++}`;
    const controller = new AbortController();
    this.running = { id, kind, controller, latest: { jobId: id, kind, phase: 'starting', done: 0, total: null } };
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
      (e: unknown) => this.finish({ jobId: id, kind, ok: false, error: toApiError(e) } as JobOutcome),
    );
    return id;
  }

  current(): JobProgress | null {
    return this.running?.latest ?? null;
  }

  cancel(id: string): boolean {
    if (this.running?.id !== id) return false;
    this.running.controller.abort();
    return true;
  }

  /** Abort whatever runs (the host is closing). */
  cancelRunning(): void {
    this.running?.controller.abort();
  }

  private finish(outcome: JobOutcome): void {
    this.running = null;
    this.events.done(outcome);
  }
}

export function toApiError(e: unknown): ApiError {
  const message = e instanceof Error ? e.message : String(e);
  return { code: 'failed', message };
}
