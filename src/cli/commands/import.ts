import { importFiles, ImportError } from '../../core/import/import-files';
import { openStore } from '../../core/store/db';
import { CliError, UsageError, progressReporter, type Command } from '../cli-kit';

export const importCommand: Command = {
  name: 'import',
  summary: 'import report files (NDJSON or CSV, report-format v1)',
  usage: 'casegraph import FILE... [--db PATH] [--json]',
  options: {},
  async run(ctx) {
    if (ctx.positionals.length === 0) throw new UsageError('import needs at least one FILE');
    const db = openStore(ctx.db);
    const bar = progressReporter('importing');
    try {
      const mib = (b: number): number => Math.round(b / 1048576);
      const r = await importFiles(
        db,
        ctx.positionals.map((p) => ({ path: p })),
        { onProgress: (p) => bar.update(mib(p.bytesDone), mib(p.bytesTotal), ' MiB') },
      ).catch((e: unknown) => {
        throw e instanceof ImportError ? new CliError(e.message) : e;
      });
      bar.end();
      if (ctx.json) {
        ctx.out(JSON.stringify(r));
        return;
      }
      for (const x of r.rejections) ctx.err(`rejected ${x.where}: ${x.field} ${x.reason}`);
      if (r.rejected > r.rejections.length)
        ctx.err(`… and ${r.rejected - r.rejections.length} more rejected records, all in the quarantine`);
      const rate = r.elapsedMs > 0 ? Math.round(((r.new + r.updated + r.unchanged + r.withdrawn + r.rejected) * 1000) / r.elapsedMs) : 0;
      ctx.out(
        `new ${r.new}, updated ${r.updated}, unchanged ${r.unchanged}, withdrawn ${r.withdrawn}, rejected ${r.rejected} (${(r.elapsedMs / 1000).toFixed(1)} s, ${rate} records/s)`,
      );
    } finally {
      bar.end();
      db.close();
    }
  },
};
