// The latest 'sync.status' of each running sync, by feed, from the event stream: the page, the
// counts so far, and whether it is waiting before a retry. Cleared when the job ends. A sync
// can end (a wrong token fails at once) before the `sync.start` call that began it has returned
// its id, so ended jobs are remembered and neither `started` nor a late status brings them back.

import type { ApiEvent, SyncCounts, SyncWait } from '../../../common/api';

export interface SyncStatus {
  readonly jobId: string;
  readonly sourceId: number;
  readonly page: number;
  readonly counts: SyncCounts | null;
  readonly waiting: SyncWait | null;
  /** When the wait began (Date.now()), for a countdown. */
  readonly since: number;
}

const KEEP_ENDED = 50;

export class SyncStatusTracker {
  private snapshot: ReadonlyMap<number, SyncStatus> = new Map();
  private readonly ended = new Set<string>();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly now: () => number = () => Date.now()) {}

  readonly getSnapshot = (): ReadonlyMap<number, SyncStatus> => this.snapshot;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  apply(event: ApiEvent): void {
    if (event.type === 'sync.status') {
      if (this.ended.has(event.jobId)) return;
      this.put({
        jobId: event.jobId,
        sourceId: event.sourceId,
        page: event.page,
        counts: event.counts,
        waiting: event.waiting,
        since: this.now(),
      });
    } else if (event.type === 'job.done' && event.outcome.kind === 'sync') {
      this.ended.add(event.outcome.jobId);
      if (this.ended.size > KEEP_ENDED) this.ended.delete(this.ended.values().next().value as string);
      const next = new Map(this.snapshot);
      for (const [sourceId, status] of next) if (status.jobId === event.outcome.jobId) next.delete(sourceId);
      this.set(next);
    }
  }

  /** A sync this UI started, shown before its first event. */
  started(jobId: string, sourceId: number): void {
    if (this.ended.has(jobId) || this.snapshot.get(sourceId)?.jobId === jobId) return;
    this.put({ jobId, sourceId, page: 1, counts: null, waiting: null, since: this.now() });
  }

  private put(status: SyncStatus): void {
    const next = new Map(this.snapshot);
    next.set(status.sourceId, status);
    this.set(next);
  }

  private set(next: ReadonlyMap<number, SyncStatus>): void {
    this.snapshot = next;
    for (const listener of [...this.listeners]) listener();
  }
}
