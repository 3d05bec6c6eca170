import { nextRequests } from '../../core/statements/flow-next';
import { flowPatterns } from '../../core/statements/flow-patterns';
import { FlowError, traceAccount } from '../../core/statements/flow';
import { flowLinks } from '../../core/statements/flow-links';
import { seriesFlowAccounts } from '../../core/statements/series-flow';
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
    'follow the money in the imported statements: trace --card CARD [--backward] [--depth N] [--window-hours H] [--tolerance P%], patterns, next (accounts to request), or links (shared IPs and MACs, one holder behind several cards)',
  usage:
    'casegraph flow trace --card CARD [--backward] [--depth N] [--window-hours H] [--tolerance P%] [--out FILE.xlsx|.csv|.graphml] [--json] | casegraph flow patterns [--json] | casegraph flow next [--limit N] [--json] | casegraph flow links [--series ID] [--max-accounts N] [--json] [--db PATH]',
  options: {
    card: { type: 'string' },
    depth: { type: 'string' },
    'window-hours': { type: 'string' },
    tolerance: { type: 'string' },
    backward: { type: 'boolean' },
    out: { type: 'string' },
    limit: { type: 'string' },
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
        const tolerance = toleranceOf(ctx.values.tolerance);
        const backward = ctx.values.backward === true;
        const outFile = ctx.values.out;
        if (outFile !== undefined && typeof outFile === 'string') traceFormat(outFile);
        const t = traceAccount(db, card, {
          depth,
          windowHours,
          direction: backward ? 'backward' : 'forward',
          ...(tolerance === undefined ? {} : { tolerance }),
        });
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
        if (backward)
          ctx.out(
            `paid in by layer ${depth} ${t.totals.beyond} = reached the start ${t.totals.entered} + retained on the way ${t.totals.retained}; the start withdrew ${t.totals.cash_out} in cash (and paid ${t.totals.returned} back into the trace)`,
          );
        else
          ctx.out(
            `entered ${t.totals.entered} = cash out ${t.totals.cash_out} + retained ${t.totals.retained} + beyond layer ${depth} ${t.totals.beyond} (and ${t.totals.returned} came back to the start)`,
          );
      } else if (sub === 'patterns') {
        const found = flowPatterns(db);
        if (ctx.json) ctx.out(JSON.stringify(found));
        else for (const p of found) ctx.out(`${p.pattern}  ${p.account}  ${p.evidence}`);
      } else if (sub === 'next') {
        const limit = whole(ctx.values.limit, '--limit', 50);
        if (limit > 10_000) throw new UsageError('--limit must be at most 10000');
        const next = nextRequests(db, limit);
        if (ctx.json) ctx.out(JSON.stringify(next));
        else
          for (const n of next)
            ctx.out(
              `${n.role.padEnd(7)}  ${n.account}${n.holder ? ` (${n.holder})` : ''}  received ${n.received} from ${n.mules} mule card${n.mules === 1 ? '' : 's'}, paid in ${n.paid}  (${n.first} … ${n.last})`,
            );
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
      } else throw new UsageError('flow needs trace, patterns, next or links');
    } catch (e) {
      if (e instanceof FlowError) throw new CliError(e.message);
      throw e;
    } finally {
      db.close();
    }
  },
};

/** A tolerance as typed: "5%" or "5" (per cent, 0 to 100), as a share. */
function toleranceOf(v: unknown): number | undefined {
  if (v === undefined) return undefined;
  const m = typeof v === 'string' ? /^(\d{1,3}(?:\.\d+)?)%?$/.exec(v.trim()) : null;
  const n = m ? Number(m[1]) : NaN;
  if (!(n >= 0 && n <= 100)) throw new UsageError('--tolerance must be a percentage from 0 to 100, like 5%');
  return n / 100;
}

function whole(v: unknown, name: string, fallback: number): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (typeof v !== 'string' || !/^\d+$/.test(v) || n < 1) throw new UsageError(`${name} must be a whole number of at least 1`);
  return n;
}
