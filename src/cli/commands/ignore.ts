import {
  addIgnored,
  IGNORE_KINDS,
  IgnoreChangeError,
  IgnoreValueError,
  removeIgnored,
  type IgnoreChange,
} from '../../core/linking/ignore-edit';
import { listIgnored } from '../../core/linking/ignore-store';
import { openStore } from '../../core/store/db';
import { CliError, UsageError, type Command, type CommandContext } from '../cli-kit';

const USAGE = [
  'casegraph ignore list [--json] [--db PATH]',
  '       casegraph ignore add KIND VALUE [--reason TEXT] [--json] [--db PATH]',
  '       casegraph ignore remove KIND VALUE [--override] [--reason TEXT] [--json] [--db PATH]',
  '',
  `KIND is one of ${IGNORE_KINDS.join(', ')} (domain: every address on one registrable domain).`,
  'VALUE is normalised as reported identifiers are. Shipped defaults cannot be removed;',
  '--override turns one off in this store, and "ignore add" turns it back on.',
  'The next casegraph link relinks the reports a change affects.',
].join('\n');

function printChange(ctx: CommandContext, verb: 'add' | 'remove', c: IgnoreChange): void {
  if (ctx.json) {
    ctx.out(JSON.stringify(c));
    return;
  }
  const what = `${c.kind} ${c.value}${c.source === 'shipped' ? ' (shipped default)' : ''}`;
  if (!c.changed) ctx.out(`${what} is already ${verb === 'add' ? 'ignored' : 'not ignored'}; nothing to relink`);
  else
    ctx.out(
      `${verb === 'add' ? 'ignoring' : 'no longer ignoring'} ${what}; ${c.relink} report${c.relink === 1 ? '' : 's'} relink at the next casegraph link`,
    );
}

export const ignoreCommand: Command = {
  name: 'ignore',
  summary: 'show or edit the ignore list (values that never link reports); a change relinks the reports it affects at the next link',
  usage: USAGE,
  options: { reason: { type: 'string' }, override: { type: 'boolean' } },
  async run(ctx) {
    const [sub, kind, value, ...extra] = ctx.positionals;
    if (sub === 'list') {
      if (ctx.positionals.length > 1)
        throw new UsageError(`ignore list takes no further arguments, got ${ctx.positionals.slice(1).join(' ')}`);
      if (ctx.values['reason'] !== undefined || ctx.values['override'] !== undefined)
        throw new UsageError('--reason and --override go with add and remove');
    } else if (sub === 'add' || sub === 'remove') {
      if (kind === undefined || value === undefined || extra.length > 0)
        throw new UsageError(`ignore ${sub} takes KIND VALUE (quote a value with spaces)`);
      if (sub === 'add' && ctx.values['override'] !== undefined) throw new UsageError('--override goes with remove');
      if (typeof ctx.values['reason'] === 'string' && ctx.values['reason'].trim() === '')
        throw new UsageError('--reason must not be empty');
    } else {
      throw new UsageError(
        sub === undefined ? 'ignore needs list, add or remove' : `unknown ignore subcommand "${sub}"; list, add or remove`,
      );
    }
    const db = openStore(ctx.db);
    try {
      if (sub === 'list') {
        const list = listIgnored(db);
        if (ctx.json) {
          ctx.out(JSON.stringify(list));
          return;
        }
        for (const e of list) {
          const state = e.source === 'shipped' ? (e.ignored ? 'shipped' : 'shipped, turned off') : 'added';
          const about = [e.note, e.reason].filter((x) => x !== null).join(' — ');
          ctx.out(`${e.kind.padEnd(12)} ${e.value.padEnd(28)} ${state.padEnd(19)} ${about}`.trimEnd());
        }
        return;
      }
      const reason = typeof ctx.values['reason'] === 'string' ? ctx.values['reason'].trim() : undefined;
      const options = { ...(reason !== undefined ? { reason } : {}), override: ctx.values['override'] === true };
      const change =
        sub === 'add'
          ? addIgnored(db, kind as string, value as string, options)
          : removeIgnored(db, kind as string, value as string, options);
      printChange(ctx, sub, change);
    } catch (e) {
      if (e instanceof IgnoreValueError) throw new UsageError(e.message);
      if (e instanceof IgnoreChangeError) throw new CliError(e.message);
      throw e;
    } finally {
      db.close();
    }
  },
};
