import { REFERENCE_CATEGORIES } from '../../common/model';
import { listReferenceDomains } from '../../core/linking/reference-domains';
import {
  addReference,
  ReferenceChangeError,
  ReferenceValueError,
  removeReference,
  type ReferenceChange,
} from '../../core/linking/reference-edit';
import { openStore } from '../../core/store/db';
import { CliError, UsageError, type Command, type CommandContext } from '../cli-kit';

const USAGE = [
  'casegraph references list [--json] [--db PATH]',
  '       casegraph references add DOMAIN [--category C] [--reason TEXT] [--json] [--db PATH]',
  '       casegraph references remove DOMAIN [--reason TEXT] [--json] [--db PATH]',
  '',
  'Reference sites (scanners, forums, search engines, block explorers, app stores, government',
  'portals, paste sites…) are cited in reports but say nothing about the fraudster: a URL on one',
  'never links reports. DOMAIN is a host (virustotal.com, tieba.baidu.com, *.gov.cn) and covers',
  'every host under it. The shipped entries cannot be deleted: remove turns one off in this store,',
  'add turns it back on.',
  `C is one of ${REFERENCE_CATEGORIES.join(', ')} (default other).`,
  'The next casegraph link relinks the reports a change affects.',
].join('\n');

function printChange(ctx: CommandContext, verb: 'add' | 'remove', c: ReferenceChange): void {
  if (ctx.json) {
    ctx.out(JSON.stringify(c));
    return;
  }
  const what = `${c.domain} (${c.category}${c.source === 'shipped' ? ', shipped' : ''})`;
  if (!c.changed) {
    ctx.out(`${what} is already ${verb === 'add' ? 'a reference site' : 'turned off'}; nothing to relink`);
    return;
  }
  const done =
    verb === 'add'
      ? c.source === 'shipped'
        ? 'turned back on'
        : 'added'
      : c.source === 'shipped'
        ? 'turned off in this store'
        : 'removed';
  ctx.out(`${what} ${done}; ${c.relink} report${c.relink === 1 ? '' : 's'} relink at the next casegraph link`);
}

export const referencesCommand: Command = {
  name: 'references',
  summary:
    'show or edit the reference sites (cited in reports, never a fraudster identifier); a change relinks the reports it affects at the next link',
  usage: USAGE,
  options: { category: { type: 'string' }, reason: { type: 'string' } },
  async run(ctx) {
    const [sub, domain, ...extra] = ctx.positionals;
    const category = ctx.values['category'];
    const reasonValue = ctx.values['reason'];
    if (sub === 'list') {
      if (ctx.positionals.length > 1)
        throw new UsageError(`references list takes no further arguments, got ${ctx.positionals.slice(1).join(' ')}`);
      if (category !== undefined || reasonValue !== undefined) throw new UsageError('--category and --reason go with add and remove');
    } else if (sub === 'add' || sub === 'remove') {
      if (domain === undefined || extra.length > 0) throw new UsageError(`references ${sub} takes one DOMAIN`);
      if (sub === 'remove' && category !== undefined) throw new UsageError('--category goes with add');
      if (typeof category === 'string' && !(REFERENCE_CATEGORIES as readonly string[]).includes(category)) {
        throw new UsageError(`--category must be one of ${REFERENCE_CATEGORIES.join(', ')}, got ${JSON.stringify(category)}`);
      }
      if (typeof reasonValue === 'string' && reasonValue.trim() === '') throw new UsageError('--reason must not be empty');
    } else {
      throw new UsageError(
        sub === undefined ? 'references needs list, add or remove' : `unknown references subcommand "${sub}"; list, add or remove`,
      );
    }
    const db = openStore(ctx.db);
    try {
      if (sub === 'list') {
        const list = listReferenceDomains(db);
        if (ctx.json) {
          ctx.out(JSON.stringify(list));
          return;
        }
        for (const e of list) {
          const state = e.source === 'shipped' ? (e.enabled ? 'shipped' : 'shipped, turned off') : 'added';
          const about = [e.note?.en ?? null, e.reason].filter((x) => x !== null).join(' — ');
          ctx.out(`${e.domain.padEnd(30)} ${e.category.padEnd(12)} ${state.padEnd(19)} ${about}`.trimEnd());
        }
        return;
      }
      const reason = typeof reasonValue === 'string' ? reasonValue.trim() : undefined;
      const options = { ...(reason !== undefined ? { reason } : {}) };
      const change =
        sub === 'add'
          ? addReference(db, domain as string, { ...options, ...(typeof category === 'string' ? { category } : {}) })
          : removeReference(db, domain as string, options);
      printChange(ctx, sub, change);
    } catch (e) {
      if (e instanceof ReferenceValueError) throw new UsageError(e.message);
      if (e instanceof ReferenceChangeError) throw new CliError(e.message);
      throw e;
    } finally {
      db.close();
    }
  },
};
