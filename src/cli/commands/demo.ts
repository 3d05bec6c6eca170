import fs from 'node:fs';
import { once } from 'node:events';
import { generateDemo } from '../../core/demo';
import { DEFAULT_DEMO_REPORTS, DEFAULT_DEMO_SEED, importDemo } from '../../core/import/import-demo';
import { writeDemoStatements, type DemoStatements } from '../../core/demo/statements';
import { importStatements } from '../../core/statements/import-statements';
import { openStore } from '../../core/store/db';
import { CliError, UsageError, intOption, progressReporter, type Command } from '../cli-kit';

/** Write the synthetic precinct as report-format NDJSON (to import elsewhere, or serve as a feed). */
async function writeDemoFile(file: string, reports: number, seed: number, onProgress: (n: number) => void): Promise<number> {
  const out = fs.createWriteStream(file, { mode: 0o600 });
  const failed = new Promise<never>((_, reject) => out.once('error', (e) => reject(new CliError(`cannot write ${file}: ${e.message}`))));
  let lines = 0;
  for (const item of generateDemo({ reports, seed })) {
    lines += 1;
    if (!out.write(`${JSON.stringify(item.record)}\n`)) await Promise.race([once(out, 'drain'), failed]);
    if (lines % 5000 === 0) onProgress(lines);
  }
  out.end();
  await Promise.race([once(out, 'finish'), failed]);
  return lines;
}

export const demoCommand: Command = {
  name: 'demo',
  summary: 'fill the store with a synthetic precinct (same seed, same data), or write it as NDJSON with --out',
  usage: `casegraph demo [--reports N] [--seed S] [--db PATH | --out FILE.ndjson] [--statements DIR] [--json]   (defaults: ${DEFAULT_DEMO_REPORTS} reports, seed ${DEFAULT_DEMO_SEED})`,
  options: { reports: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' }, statements: { type: 'string' } },
  async run(ctx) {
    if (ctx.positionals.length > 0) throw new UsageError(`demo takes no positional arguments, got ${ctx.positionals.join(' ')}`);
    const reports = intOption(ctx.values, 'reports', 1, 10_000_000) ?? DEFAULT_DEMO_REPORTS;
    const seed = intOption(ctx.values, 'seed', 0, 2 ** 32 - 1) ?? DEFAULT_DEMO_SEED;
    const bar = progressReporter('generating');
    const outFile = ctx.values['out'];
    const statementsDir = ctx.values['statements'];
    // The gangs' bank statements, written beside (and, into a store, imported with) the reports.
    const statements = async (): Promise<DemoStatements | null> => {
      if (typeof statementsDir !== 'string') return null;
      const written = await writeDemoStatements(generateDemo({ reports, seed }), statementsDir, seed);
      ctx.err(
        `wrote ${written.files.length} statement files (${written.accounts} accounts, ${written.transactions} rows) to ${statementsDir}`,
      );
      return written;
    };
    if (typeof outFile === 'string') {
      const lines = await writeDemoFile(outFile, reports, seed, (n) => bar.update(n, reports, ' records'));
      bar.end();
      await statements();
      if (ctx.json) ctx.out(JSON.stringify({ file: outFile, records: lines, reports, seed }));
      else ctx.out(`wrote ${lines} records (${reports} reports, seed ${seed}) to ${outFile}`);
      return;
    }
    const db = openStore(ctx.db);
    try {
      const r = await importDemo(db, { reports, seed, onProgress: (done, total) => bar.update(done, total, ' reports') });
      bar.end();
      const written = await statements();
      if (written) {
        const s = await importStatements(db, written.files);
        ctx.err(`imported the statements: new ${s.new}, duplicate ${s.duplicates}, rejected ${s.rejected}`);
      }
      if (ctx.json) ctx.out(JSON.stringify(r));
      else
        ctx.out(
          `demo precinct (seed ${seed}): new ${r.new}, updated ${r.updated}, unchanged ${r.unchanged}, withdrawn ${r.withdrawn} (${(r.elapsedMs / 1000).toFixed(1)} s) in ${ctx.db}`,
        );
    } finally {
      bar.end();
      db.close();
    }
  },
};
