// The API's feed methods (sources.*, sync.start) over the feed service (../feed-sync.ts). Tokens go
// into the host's vault on the way in and come out of it only to start a sync: no answer here
// ever carries one.
import type { ApiEvent, CasegraphApi } from '../../../common/api';
import { fail, ok } from '../../../common/result';
import type { Db } from '../../store/db';
import { ensureFeedSource, getFeedSource, listFeedSources, removeFeedSource } from '../../sync/feed-sources';
import { SyncConfigError } from '../../sync/sync-error';
import { checkSyncConfig } from '../../sync/sync-feed';
import { listRuns } from '../../sync/sync-runs';
import { runView, type FeedSync } from '../feed-sync';

export type SyncHandlers = Pick<
  CasegraphApi,
  'sources.list' | 'sources.add' | 'sources.setToken' | 'sources.remove' | 'sources.runs' | 'sync.start'
>;

export function syncHandlers(deps: { readonly db: Db; readonly feeds: FeedSync; readonly emit: (event: ApiEvent) => void }): SyncHandlers {
  const { db, feeds } = deps;
  return {
    'sources.list': async () => ok(listFeedSources(db).map((s) => feeds.view(s))),
    'sources.add': async ({ url, precinct, token }) => {
      let checked: { url: string; precinct: string };
      try {
        checked = checkSyncConfig(url, precinct, token);
      } catch (e) {
        if (e instanceof SyncConfigError) return fail('invalid_argument', e.message);
        throw e;
      }
      const source = ensureFeedSource(db, checked.url, checked.precinct);
      const sealed = await feeds.saveToken(source, token);
      if (sealed) return sealed;
      return feeds.changed(source.id);
    },
    'sources.setToken': async ({ sourceId, token }) => {
      const source = feeds.active(sourceId);
      if (!source) return feeds.unknown(sourceId);
      const sealed = await feeds.saveToken(source, token);
      if (sealed) return sealed;
      return feeds.changed(source.id);
    },
    'sources.remove': async ({ sourceId }) => {
      if (feeds.isSyncing(sourceId)) return fail('busy', 'this feed is syncing; cancel the sync before removing the feed');
      const removed = removeFeedSource(db, sourceId);
      if (removed) deps.emit({ type: 'store.changed' });
      return ok({ removed });
    },
    'sources.runs': async ({ sourceId, limit }) => {
      if (!getFeedSource(db, sourceId)) return feeds.unknown(sourceId);
      return ok(listRuns(db, sourceId, limit).map(runView));
    },
    'sync.start': async ({ sourceId }) => {
      const started = await feeds.start(sourceId, 'manual');
      return started.ok ? ok({ jobId: started.value.jobId }) : started;
    },
  };
}
