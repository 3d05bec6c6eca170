import { listSeries } from '../../core/linking/series-list';
import { openStore } from '../../core/store/db';
import { UsageError, type Command } from '../cli-kit';

export const seriesCommand: Command = {
  name: 'series',
  summary:
    'list series, largest loss first (--over-threshold: only those over the filing threshold; --only-together: only those no report of which reaches it alone; --all: with single reports)',
  usage: 'casegraph series [--json] [--over-threshold] [--only-together] [--all] [--db PATH]',
  options: { 'over-threshold': { type: 'boolean' }, 'only-together': { type: 'boolean' }, all: { type: 'boolean' } },
  async run(ctx) {
    if (ctx.positionals.length > 0) throw new UsageError(`series takes no positional arguments, got ${ctx.positionals.join(' ')}`);
    const db = openStore(ctx.db, { readonly: true });
    try {
      const list = listSeries(db, {
        overThreshold: ctx.values['over-threshold'] === true,
        onlyTogether: ctx.values['only-together'] === true,
        all: ctx.values['all'] === true,
      });
      if (ctx.json) {
        ctx.out(JSON.stringify(list));
        return;
      }
      for (const s of list) {
        const loss =
          Object.entries(s.loss)
            .map(([cur, amount]) => `${amount} ${cur}`)
            .join(', ') || '—';
        ctx.out(
          `${s.id.padEnd(14)} ${String(s.reports.length).padStart(5)} reports  ${loss.padEnd(18)} ${s.over_threshold ? `over threshold (${s.over_by}${s.only_together ? ', only together' : ''})` : ''}`.trimEnd(),
        );
      }
      if (list.length === 0) ctx.err('no series (run casegraph link first)');
    } finally {
      db.close();
    }
  },
};
