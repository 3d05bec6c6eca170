// Follows long jobs (import, demo) from the event stream. Outcomes are kept by job id because
// a quick job can finish before the `import.start` call that began it has returned its id.

import type { ApiEvent, JobOutcome, JobProgress } from '../../../common/api';

export interface JobsSnapshot {
  /** The job currently reporting progress, if any. */
  readonly running: JobProgress | null;
  /** Recent outcomes by job id, newest last. */
  readonly outcomes: ReadonlyMap<string, JobOutcome>;
}

const KEEP_OUTCOMES = 20;

export class JobTracker {
  private snapshot: JobsSnapshot = { running: null, outcomes: new Map() };
  private readonly listeners = new Set<() => void>();

  readonly getSnapshot = (): JobsSnapshot => this.snapshot;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  apply(event: ApiEvent): void {
    if (event.type === 'job.progress') {
      if (this.snapshot.outcomes.has(event.progress.jobId)) return; // a late progress after done
      this.set({ ...this.snapshot, running: event.progress });
    } else if (event.type === 'job.done') {
      const outcomes = new Map(this.snapshot.outcomes);
      outcomes.set(event.outcome.jobId, event.outcome);
      while (outcomes.size > KEEP_OUTCOMES) {
        const oldest = outcomes.keys().next().value;
        if (oldest === undefined) break;
        outcomes.delete(oldest);
      }
      const running = this.snapshot.running?.jobId === event.outcome.jobId ? null : this.snapshot.running;
      this.set({ running, outcomes });
    }
  }

  /** Mark a job as started before its first progress event, so the UI shows it at once. */
  started(jobId: string, kind: JobProgress['kind']): void {
    if (this.snapshot.outcomes.has(jobId) || this.snapshot.running?.jobId === jobId) return;
    this.set({ ...this.snapshot, running: { jobId, kind, phase: '', done: 0, total: null } });
  }

  /** The newest outcome of a kind of job. */
  latest(kind: JobProgress['kind']): JobOutcome | null {
    let found: JobOutcome | null = null;
    for (const outcome of this.snapshot.outcomes.values()) if (outcome.kind === kind) found = outcome;
    return found;
  }

  private set(next: JobsSnapshot): void {
    this.snapshot = next;
    for (const listener of [...this.listeners]) listener();
  }
}
