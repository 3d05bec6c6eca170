import { ExplainError, explain, formatExplanation } from '../../core/linking/explain';
import { openStore } from '../../core/store/db';
import { CliError, UsageError, type Command } from '../cli-kit';

export const explainCommand: Command = {
  name: 'explain',
  summary: 'why two reports are (or are not) in one series: the chain of evidence',
  usage: 'casegraph explain REPORT_ID REPORT_ID [--json] [--db PATH]',
  options: {},
  async run(ctx) {
    if (ctx.positionals.length !== 2) throw new UsageError('explain takes exactly two report ids');
    const [a, b] = ctx.positionals as [string, string];
    const db = openStore(ctx.db, { readonly: true });
    try {
      const e = explain(db, a, b);
      if (ctx.json) ctx.out(JSON.stringify(e));
      else for (const line of formatExplanation(e)) ctx.out(line);
    } catch (err) {
      if (err instanceof ExplainError) throw new CliError(err.message);
      throw err;
    } finally {
      db.close();
    }
  },
};
