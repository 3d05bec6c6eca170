// Background sync: every `syncIntervalMinutes` (0: off) one round syncs each feed that has a
// token, one at a time, each as an ordinary sync job (so the UI shows and can cancel it). A
// round never competes with the investigator: it waits while any job runs. A feed that cannot
// be reached ('network': offline) ends the round — the other feeds are most likely unreachable
// too — and nothing is tried again before the next interval, so an offline workstation is not
// kept busy or shown a stream of failures. Each failure is recorded on its feed by the engine.
import type { SyncSummary } from '../../common/api';

export interface SchedulerDeps {
  intervalMinutes(): number;
  busy(): boolean;
  /** Feeds to sync in a round, in order. */
  sources(): readonly number[];
  /** Start one feed's sync; its summary when it ends, or null when it did not run or failed. */
  sync(sourceId: number): Promise<{ readonly started: boolean; readonly summary: SyncSummary | null }>;
}

/** How long a round waits for a running job before looking again. */
export const BUSY_RETRY_MS = 60_000;

export type RoundResult = 'done' | 'offline' | 'busy' | 'off';

export class SyncScheduler {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inRound = false;
  private closed = false;

  constructor(private readonly deps: SchedulerDeps) {}

  /** (Re)arm the timer for one interval from now, e.g. after the interval setting changed. */
  schedule(delayMs?: number): void {
    if (this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const minutes = this.deps.intervalMinutes();
    if (minutes <= 0) return;
    this.timer = setTimeout(() => void this.tick(), delayMs ?? minutes * 60_000);
    // The timer must not keep a host (or a test) alive on its own.
    this.timer.unref?.();
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** One round now; exposed for tests. */
  async round(): Promise<RoundResult> {
    if (this.deps.intervalMinutes() <= 0) return 'off';
    if (this.inRound) return 'busy';
    this.inRound = true;
    try {
      for (const id of this.deps.sources()) {
        if (this.closed) return 'done';
        if (this.deps.busy()) return 'busy';
        const { started, summary } = await this.deps.sync(id);
        if (!started && this.deps.busy()) return 'busy';
        if (summary?.error?.code === 'network') return 'offline';
      }
      return 'done';
    } finally {
      this.inRound = false;
    }
  }

  private async tick(): Promise<void> {
    this.timer = null;
    let result: RoundResult;
    try {
      result = await this.round();
    } catch {
      // A store failure surfaces in the next job the investigator starts; the rounds go on.
      result = 'done';
    }
    this.schedule(result === 'busy' ? BUSY_RETRY_MS : undefined);
  }
}
