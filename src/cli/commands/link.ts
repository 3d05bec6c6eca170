import { startLinkWorker } from '../../core/linking/link-client';
import type { LinkRunSummary } from '../../core/linking/store-io';
import { openStore } from '../../core/store/db';
import { builtWorker } from '../../core/worker/locate';
import { UsageError, progressReporter, type Command } from '../cli-kit';

export const linkCommand: Command = {
  name: 'link',
  summary:
    'link reports into series (incremental unless --full); prints the number of series, of series over the filing threshold and of suggestions',
  usage: 'casegraph link [--full [--estimate]] [--db PATH] [--json]',
  options: { full: { type: 'boolean' }, estimate: { type: 'boolean' } },
  async run(ctx) {
    if (ctx.positionals.length > 0) throw new UsageError(`link takes no positional arguments, got ${ctx.positionals.join(' ')}`);
    const full = ctx.values['full'] === true;
    const estimate = ctx.values['estimate'] === true;
    if (estimate && !full) throw new UsageError('--estimate goes with --full: the linking model is estimated from the whole store');
    // Make sure the store exists and is migrated before the worker opens it.
    openStore(ctx.db).close();
    const bar = progressReporter('linking');
    const workerFile = builtWorker('link');
    let summary: LinkRunSummary | null;
    if (workerFile !== null) {
      const job = startLinkWorker(workerFile, { dbPath: ctx.db, full, ...(estimate ? { estimate } : {}) }, (stage, done, total) =>
        bar.update(done, total, ` ${stage}`),
      );
      const stop = (): void => job.cancel();
      process.once('SIGINT', stop);
      try {
        summary = await job.done;
      } finally {
        process.off('SIGINT', stop);
        bar.end();
      }
    } else {
      // Running from source (tests): the same pure code, in this thread (loaded only then: the
      // worker loads it itself, and every command pays for what this file loads).
      const { linkStore } = await import('../../core/linking/store-io');
      const db = openStore(ctx.db);
      try {
        summary = linkStore(db, { full, ...(estimate ? { estimate } : {}) });
      } finally {
        db.close();
      }
    }
    if (summary === null) {
      ctx.err('linking cancelled; the store is unchanged');
      process.exitCode = 1;
      return;
    }
    if (ctx.json) ctx.out(JSON.stringify(summary));
    else {
      const model = summary.estimated ? ', linking model estimated from the store' : '';
      ctx.out(
        `${summary.series} series, ${summary.overThreshold} over the filing threshold, ${summary.suggestions} suggestion${summary.suggestions === 1 ? '' : 's'} ${summary.mode === 'full' ? 'to review' : 'found among the reports relinked'} (${summary.mode}: ${summary.changed} reports changed${model}, ${(summary.elapsedMs / 1000).toFixed(1)} s)`,
      );
    }
  },
};
