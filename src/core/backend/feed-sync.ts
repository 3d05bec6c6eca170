// The feed service behind the API's feed methods (handlers/sync.ts) and the background scheduler:
// a sync runs as a job of kind 'sync' (progress, cancellation and its summary as for imports, plus
// 'sync.status' events naming the page, the counts so far and any wait before a retry), one feed
// at a time. Tokens are sealed by the host's vault and unsealed only to start a sync.
import { fail, JOB_BUSY, ok } from '../../common/result';
import type { ApiError, ApiEvent, FeedSourceView, Result, SyncRunView, SyncSummary } from '../../common/api';
import type { Db } from '../store/db';
import { getFeedSource, listFeedSources, loadFeedToken, saveFeedToken, type FeedSource } from '../sync/feed-sources';
import { syncFeed, type SyncSummary as EngineSummary } from '../sync/sync-feed';
import type { SyncPolicyInput } from '../sync/sync-policy';
import { listRuns, type SyncRun } from '../sync/sync-runs';
import { TokenVaultError, type TokenVault } from '../sync/token-vault';
import type { Jobs } from './jobs';

export interface FeedSyncOptions {
  readonly db: Db;
  readonly vault: TokenVault;
  readonly jobs: Jobs;
  readonly emit: (event: ApiEvent) => void;
  /** Bounds of a sync the investigator started (tests pass small ones). */
  readonly policy?: SyncPolicyInput;
  /** Bounds of a background sync: fewer tries, so an offline workstation gives up quickly. */
  readonly backgroundPolicy?: SyncPolicyInput;
}

/** A started sync job, and its summary once it ends (null when it ended in an error). */
export interface StartedSync {
  readonly jobId: string;
  readonly finished: Promise<SyncSummary | null>;
}

const STATUS_INTERVAL_MS = 100;
const BACKGROUND_POLICY: SyncPolicyInput = { attempts: 2 };

export function runView(r: SyncRun): SyncRunView {
  const { id, startedAt, finishedAt, status, error, pages, received, updated, unchanged, withdrawn, quarantined } = r;
  return { id, startedAt, finishedAt, status, error, pages, received, new: r.new, updated, unchanged, withdrawn, quarantined };
}

function summaryView(r: EngineSummary): SyncSummary {
  const {
    sourceId,
    url,
    precinct,
    status,
    error,
    note,
    rejections,
    elapsedMs,
    pages,
    received,
    updated,
    unchanged,
    withdrawn,
    quarantined,
  } = r;
  return {
    sourceId,
    url,
    precinct,
    status,
    error,
    note,
    rejections,
    elapsedMs,
    pages,
    received,
    new: r.new,
    updated,
    unchanged,
    withdrawn,
    quarantined,
  };
}

export class FeedSync {
  private runningSource: number | null = null;

  /** Whether this feed is syncing now. */
  isSyncing(sourceId: number): boolean {
    return this.runningSource === sourceId;
  }

  constructor(private readonly options: FeedSyncOptions) {}

  /** Feeds a background round may sync: not removed, with a token. */
  syncableSources(): readonly number[] {
    return listFeedSources(this.options.db)
      .filter((s) => s.hasToken)
      .map((s) => s.id);
  }

  /** Open the feed's token and start its sync as a job; the manual and the background path alike. */
  async start(sourceId: number, mode: 'manual' | 'background'): Promise<Result<StartedSync>> {
    const { db, vault, jobs } = this.options;
    const source = this.active(sourceId);
    if (!source) return this.unknown(sourceId);
    // A background round waits for any job; the investigator's sync makes an automatic link run give way.
    if (mode === 'background' ? jobs.busy : jobs.blocked) return fail('busy', JOB_BUSY);
    let token: string | null;
    try {
      token = await loadFeedToken(db, vault, source);
    } catch (e) {
      if (e instanceof TokenVaultError) return fail('token_unreadable', e.message);
      throw e;
    }
    if (token === null) return fail('no_token', `no token is stored for ${source.precinct} at ${source.url}; set one first`);
    const policy = mode === 'background' ? (this.options.backgroundPolicy ?? BACKGROUND_POLICY) : this.options.policy;
    const { emit } = this.options;
    let settle: (s: SyncSummary | null) => void = () => undefined;
    const finished = new Promise<SyncSummary | null>((resolve) => (settle = resolve));
    const secret = token;
    const jobId = jobs.start('sync', async (ctx) => {
      this.runningSource = source.id;
      let lastStatus = Number.NEGATIVE_INFINITY;
      try {
        const r = await syncFeed(db, {
          url: source.url,
          precinct: source.precinct,
          token: secret,
          signal: ctx.signal,
          ...(policy ? { policy } : {}),
          onProgress: (p) => {
            ctx.progress('sync', p.counts.received, null);
            const now = performance.now();
            if (p.kind === 'page' && now - lastStatus < STATUS_INTERVAL_MS) return;
            lastStatus = now;
            const page = p.kind === 'page' ? p.counts.pages : p.page;
            emit({
              type: 'sync.status',
              jobId: ctx.jobId,
              sourceId: source.id,
              page,
              counts: p.counts,
              waiting: p.kind === 'waiting' ? p.wait : null,
            });
          },
        });
        const summary = summaryView(r);
        settle(summary);
        return summary;
      } catch (e) {
        settle(null);
        throw e;
      } finally {
        this.runningSource = null;
      }
    });
    if (jobId === null) return fail('busy', JOB_BUSY);
    return ok({ jobId, finished });
  }

  active(sourceId: number): FeedSource | undefined {
    const source = getFeedSource(this.options.db, sourceId);
    return source && source.removedAt === null ? source : undefined;
  }

  unknown(sourceId: number): Result<never> {
    return fail('not_found', `no feed with id ${sourceId}`);
  }

  async saveToken(source: FeedSource, token: string): Promise<Result<never> | null> {
    try {
      await saveFeedToken(this.options.db, this.options.vault, source, token);
      return null;
    } catch (e) {
      if (e instanceof TokenVaultError)
        return fail('token_unreadable', `the token could not be stored (${this.options.vault.kind}): ${e.message}`);
      throw e;
    }
  }

  changed(sourceId: number): Result<FeedSourceView> {
    const source = getFeedSource(this.options.db, sourceId) as FeedSource;
    this.options.emit({ type: 'store.changed' });
    return ok(this.view(source));
  }

  view(s: FeedSource): FeedSourceView {
    const last = listRuns(this.options.db, s.id, 1)[0];
    const lastRun = last ? runView(last) : null;
    return {
      id: s.id,
      url: s.url,
      precinct: s.precinct,
      hasToken: s.hasToken,
      lastRunAt: s.lastRunAt,
      lastError: this.lastError(s, lastRun),
      lastRun,
    };
  }

  /**
   * The stored sentence with its code. The source row keeps only the sentence; the code comes
   * from the audit entry the engine writes in the same transaction as the run's end (an entry
   * older than the run's end belongs to an earlier run, and the code is then unknown).
   */
  private lastError(s: FeedSource, lastRun: SyncRunView | null): ApiError | null {
    if (s.lastError === null) return null;
    let code = 'failed';
    const entry = this.options.db
      .prepare<[string], { at: string; detail: string | null }>(
        "SELECT at, detail FROM audit_log WHERE action = 'sync' AND subject = ? ORDER BY at DESC, id DESC LIMIT 1",
      )
      .get(s.name);
    if (entry?.detail && lastRun?.finishedAt && entry.at >= lastRun.finishedAt) {
      const detail = JSON.parse(entry.detail) as { error?: unknown };
      if (typeof detail.error === 'string') code = detail.error;
    }
    return { code, message: s.lastError };
  }
}
