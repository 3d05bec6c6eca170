import { importStatements } from '../../core/statements/import-statements';
import { StatementFileError } from '../../core/statements/read-sheets';
import { openStore } from '../../core/store/db';
import { CliError, UsageError, type Command } from '../cli-kit';

export const importStatementsCommand: Command = {
  name: 'import-statements',
  summary: 'import bank statements (xlsx, or CSV in UTF-8 or GB18030): new, duplicate and rejected rows, every rejected row named',
  usage: 'casegraph import-statements FILE... [--db PATH] [--json]',
  options: {},
  async run(ctx) {
    if (ctx.positionals.length === 0) throw new UsageError('import-statements needs at least one FILE');
    const db = openStore(ctx.db);
    try {
      const r = await importStatements(db, ctx.positionals).catch((e: unknown) => {
        throw e instanceof StatementFileError ? new CliError(e.message) : e;
      });
      if (ctx.json) {
        ctx.out(JSON.stringify(r));
        return;
      }
      for (const x of r.rejections) ctx.err(`rejected ${x.file} ${x.sheet} row ${x.row}: ${x.field} ${x.reason}`);
      for (const f of r.files) {
        if (f.alreadyImported) {
          ctx.out(`${f.file}: already imported, nothing changed`);
          continue;
        }
        const skipped = f.skippedSheets.length > 0 ? `; sheets without transactions: ${f.skippedSheets.join(', ')}` : '';
        ctx.out(
          `${f.file} (${f.encoding}; ${f.sheets.join(', ')}): ${f.rows} rows, new ${f.new}, duplicate ${f.duplicates}, rejected ${f.rejected}${skipped}`,
        );
      }
      ctx.out(`new ${r.new}, duplicate ${r.duplicates}, rejected ${r.rejected} (${(r.elapsedMs / 1000).toFixed(1)} s)`);
    } finally {
      db.close();
    }
  },
};
