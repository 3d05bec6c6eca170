import { flowLinks } from '../../core/statements/flow-links';
import { flowPatterns } from '../../core/statements/flow-patterns';
import { seriesFlowAccounts } from '../../core/statements/series-flow';
import { FlowError, traceForward } from '../../core/statements/flow';
import { importStatements } from '../../core/statements/import-statements';
import { traceFormat, writeTrace } from '../../core/statements/trace-export';
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

export const flowCommand: Command = {
  name: 'flow',
  summary:
    'follow the money in the imported statements: trace --card CARD [--depth N] [--window-hours H], patterns, or links (shared IPs and MACs, one holder behind several cards)',
  usage:
    'casegraph flow trace --card CARD [--depth N] [--window-hours H] [--out FILE.xlsx|.csv|.graphml] [--json] | casegraph flow patterns [--json] | casegraph flow links [--series ID] [--max-accounts N] [--json] [--db PATH]',
  options: {
    card: { type: 'string' },
    depth: { type: 'string' },
    'window-hours': { type: 'string' },
    out: { type: 'string' },
    series: { type: 'string' },
    'max-accounts': { type: 'string' },
  },
  async run(ctx) {
    const [sub, ...rest] = ctx.positionals;
    if (rest.length > 0) throw new UsageError(`flow ${sub ?? ''} takes no further arguments`);
    const db = openStore(ctx.db, { readonly: true });
    try {
      if (sub === 'trace') {
        const card = ctx.values.card;
        if (typeof card !== 'string' || card === '') throw new UsageError('flow trace needs --card CARD');
        const depth = whole(ctx.values.depth, '--depth', 5);
        const windowHours = whole(ctx.values['window-hours'], '--window-hours', 48);
        const outFile = ctx.values.out;
        if (outFile !== undefined && typeof outFile === 'string') traceFormat(outFile);
        const t = traceForward(db, card, { depth, windowHours });
        if (typeof outFile === 'string') {
          const format = await writeTrace(t, outFile);
          ctx.err(`wrote the trace (${t.accounts.length} accounts, ${t.edges.length} flows) as ${format} to ${outFile}`);
        }
        if (ctx.json) {
          ctx.out(JSON.stringify(t));
          return;
        }
        for (const a of t.accounts)
          ctx.out(
            `layer ${a.layer}  ${a.account}${a.holder ? ` (${a.holder})` : ''}  received ${a.received}  sent ${a.sent}  cash out ${a.cash_out}  retained ${a.retained}${a.requested ? '' : '  [statement not requested]'}`,
          );
        for (const e of t.edges) ctx.out(`${e.from} → ${e.to}  ${e.amount} in ${e.count} (${e.first} … ${e.last})`);
        ctx.out(
          `entered ${t.totals.entered} = cash out ${t.totals.cash_out} + retained ${t.totals.retained} + beyond layer ${depth} ${t.totals.beyond} (and ${t.totals.returned} came back to the start)`,
        );
      } else if (sub === 'patterns') {
        const found = flowPatterns(db);
        if (ctx.json) ctx.out(JSON.stringify(found));
        else for (const p of found) ctx.out(`${p.pattern}  ${p.account}  ${p.evidence}`);
      } else if (sub === 'links') {
        const maxAccounts = whole(ctx.values['max-accounts'], '--max-accounts', 20);
        if (maxAccounts < 2) throw new UsageError('--max-accounts must be at least 2');
        const series = ctx.values.series;
        let within: Set<number> | undefined;
        if (typeof series === 'string') {
          if (db.prepare('SELECT 1 FROM series WHERE id = ?').get(series) === undefined) throw new CliError(`no series ${series}`);
          within = seriesFlowAccounts(db, series);
        }
        const links = flowLinks(db, { maxAccounts, ...(within ? { within } : {}) });
        if (ctx.json) {
          ctx.out(JSON.stringify(links));
          return;
        }
        for (const d of links.devices) ctx.out(`${d.kind}  ${d.value}  ${d.evidence}`);
        for (const h of links.holders) ctx.out(`holder  ${h.evidence}`);
        for (const i of links.ignored)
          ctx.out(`set aside  ${i.kind} ${i.value}: used by ${i.accounts} accounts, more than ${links.maxAccounts} (a gateway or NAT)`);
        if (links.devices.length + links.holders.length === 0) ctx.out('no accounts share a device or a holder');
      } else throw new UsageError('flow needs trace, patterns or links');
    } catch (e) {
      if (e instanceof FlowError) throw new CliError(e.message);
      throw e;
    } finally {
      db.close();
    }
  },
};

function whole(v: unknown, name: string, fallback: number): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (typeof v !== 'string' || !/^\d+$/.test(v) || n < 1) throw new UsageError(`${name} must be a whole number of at least 1`);
  return n;
}
