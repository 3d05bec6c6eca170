import { openStore, type Db } from '../../core/store/db';
import { FileTokenVault, tokenKeyPathFor } from '../../core/sync/file-token-vault';
import { ensureFeedSource, findFeedSource, loadFeedToken, saveFeedToken } from '../../core/sync/feed-sources';
import { SyncConfigError } from '../../core/sync/sync-error';
import { checkSyncConfig, syncFeed, type SyncSummary } from '../../core/sync/sync-feed';
import { checkPrecinct, normaliseFeedBase } from '../../core/sync/feed-url';
import { TokenVaultError } from '../../core/sync/token-vault';
import { CliError, UsageError, intOption, progressReporter, type Command } from '../cli-kit';

function summaryLine(r: SyncSummary): string {
  const rate = r.elapsedMs > 0 ? Math.round((r.received * 1000) / r.elapsedMs) : 0;
  return `pages ${r.pages}, received ${r.received}, new ${r.new}, updated ${r.updated}, unchanged ${r.unchanged}, withdrawn ${r.withdrawn}, quarantined ${r.quarantined} (${(r.elapsedMs / 1000).toFixed(1)} s, ${rate} records/s)`;
}

function stringOption(values: Record<string, unknown>, name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
}

/** The token saved for this feed with --save-token, if any. */
async function storedToken(db: Db, vault: FileTokenVault, url: string, precinct: string): Promise<string | undefined> {
  const known = findFeedSource(db, url, precinct);
  if (!known) return undefined;
  try {
    return (await loadFeedToken(db, vault, known)) ?? undefined;
  } catch (e) {
    throw e instanceof TokenVaultError ? new CliError(e.message) : e;
  }
}

export const syncCommand: Command = {
  name: 'sync',
  summary: 'pull the reports of a precinct from a feed (feed-protocol v1); resumes where the last sync stopped',
  usage: [
    'casegraph sync --url BASE --precinct P [--token T] [--limit N] [--save-token] [--db PATH] [--json]',
    '',
    'The token comes from --token, else $CASEGRAPH_TOKEN, else the one saved for this feed with --save-token',
    '(sealed with a key file beside the store). Prefer $CASEGRAPH_TOKEN: other users can see command lines.',
    '--limit is the page size asked for (1-5000, default 1000). Ctrl-C stops at once; every whole page synced stays stored.',
  ].join('\n'),
  options: {
    url: { type: 'string' },
    precinct: { type: 'string' },
    token: { type: 'string' },
    limit: { type: 'string' },
    'save-token': { type: 'boolean' },
  },
  async run(ctx) {
    if (ctx.positionals.length > 0) throw new UsageError(`sync takes no positional arguments, got ${ctx.positionals.join(' ')}`);
    const urlArg = stringOption(ctx.values, 'url');
    const precinctArg = stringOption(ctx.values, 'precinct');
    if (urlArg === undefined) throw new UsageError('sync needs --url BASE');
    if (precinctArg === undefined) throw new UsageError('sync needs --precinct P');
    let url: string;
    let precinct: string;
    try {
      url = normaliseFeedBase(urlArg);
      precinct = checkPrecinct(precinctArg);
    } catch (e) {
      throw e instanceof SyncConfigError ? new UsageError(e.message) : e;
    }
    const pageSize = intOption(ctx.values, 'limit', 1, 5000);
    const given = stringOption(ctx.values, 'token') ?? (process.env['CASEGRAPH_TOKEN'] || undefined);

    const db = openStore(ctx.db);
    const vault = new FileTokenVault(tokenKeyPathFor(ctx.db));
    const bar = progressReporter('syncing');
    const controller = new AbortController();
    const onSigint = (): void => controller.abort();
    process.once('SIGINT', onSigint);
    try {
      const token = given ?? (await storedToken(db, vault, url, precinct));
      if (token === undefined)
        throw new UsageError('sync needs a token: --token T or $CASEGRAPH_TOKEN (or one saved earlier with --save-token)');
      try {
        checkSyncConfig(url, precinct, token);
      } catch (e) {
        throw e instanceof SyncConfigError ? new UsageError(e.message) : e;
      }

      const r = await syncFeed(db, {
        url,
        precinct,
        token,
        signal: controller.signal,
        ...(pageSize !== undefined ? { policy: { pageSize } } : {}),
        onProgress: (p) => {
          if (p.kind === 'page') {
            bar.update(p.counts.received, null, ' records');
            return;
          }
          bar.end();
          ctx.err(`waiting ${(p.wait.ms / 1000).toFixed(1)} s before retrying page ${p.page} (${p.wait.reason})`);
        },
      });
      bar.end();
      if (ctx.values['save-token'] === true && given !== undefined && r.error?.code !== 'unauthorised') {
        await saveFeedToken(db, vault, ensureFeedSource(db, url, precinct), given);
      }
      if (ctx.json) ctx.out(JSON.stringify(r));
      else {
        for (const x of r.rejections) ctx.err(`quarantined ${x.where}: ${x.field} ${x.reason}`);
        if (r.quarantined > r.rejections.length)
          ctx.err(`… and ${r.quarantined - r.rejections.length} more quarantined records, all in the quarantine`);
        if (r.note) ctx.err(r.note);
        ctx.out(summaryLine(r));
      }
      if (r.status === 'failed' && r.error) throw new CliError(r.error.message);
      if (r.status === 'cancelled')
        throw new CliError(`sync cancelled after ${r.pages} pages; everything up to there is stored — sync again to continue`);
    } finally {
      process.off('SIGINT', onSigint);
      bar.end();
      db.close();
    }
  },
};
