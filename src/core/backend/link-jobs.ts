// Linking as a backend job: after an import, the demo or a sync changed reports, the engine
// runs incrementally in its own worker (src/core/linking/link-worker.ts) so series stay current
// without the investigator asking; `link.start` runs it on demand (full or incremental).
import type { JobKind, JobSummaries, LinkSummary } from '../../common/api';
import { startLinkWorker } from '../linking/link-client';
import type { Jobs } from './jobs';

export interface LinkJobsOptions {
  readonly jobs: Jobs;
  readonly dbPath: string;
  readonly nativeBinding?: string;
  /** The built link worker; without it (sources run under vitest) linking is not offered. */
  readonly workerFile?: string;
}

/** Did this job's outcome change reports, so that series may have changed? */
export function changedReports(kind: JobKind, summary: JobSummaries[JobKind]): boolean {
  if (kind === 'link' || kind === 'statements') return false;
  const s = summary as JobSummaries['import'] | JobSummaries['sync'];
  return s.new + s.updated + s.withdrawn > 0;
}

export class LinkJobs {
  constructor(private readonly options: LinkJobsOptions) {}

  get available(): boolean {
    return this.options.workerFile !== undefined;
  }

  /**
   * Start a link job; null when another job is running or no worker was built. `automatic`
   * runs (after a change) give way to whatever the investigator starts next, and are the running
   * job at once while their work begins on the next turn (Jobs' `deferred`).
   */
  start(full: boolean, automatic = false): string | null {
    const { workerFile, dbPath, nativeBinding } = this.options;
    if (workerFile === undefined) return null;
    const cancelled: LinkSummary = {
      mode: full ? 'full' : 'incremental',
      reports: 0,
      changed: 0,
      series: 0,
      overThreshold: 0,
      elapsedMs: 0,
      cancelled: true,
    };
    return this.options.jobs.start(
      'link',
      async (ctx): Promise<LinkSummary> => {
        // Pushed aside or cancelled before its turn came: nothing ran.
        if (ctx.signal.aborted) return cancelled;
        const run = startLinkWorker(workerFile, { dbPath, full, ...(nativeBinding ? { nativeBinding } : {}) }, (stage, done, total) =>
          ctx.progress(stage, done, total),
        );
        const cancel = (): void => run.cancel();
        ctx.signal.addEventListener('abort', cancel, { once: true });
        try {
          const summary = await run.done;
          if (summary === null) return cancelled;
          const { mode, reports, changed, series, overThreshold, elapsedMs } = summary;
          return { mode, reports, changed, series, overThreshold, elapsedMs, cancelled: false };
        } finally {
          ctx.signal.removeEventListener('abort', cancel);
        }
      },
      { preemptible: automatic, deferred: automatic },
    );
  }
}
