// Pulling one precinct's feed into the store (feed-protocol.md). The invariant everything else
// serves: a page's records and the cursor that follows them are committed in ONE transaction,
// so whenever the process dies the store holds whole pages and the cursor of the last one, and
// the next sync resumes exactly there — nothing skipped, nothing lost. Replays are harmless
// because ingest is idempotent on (id, version).
import type { Rejection } from '../../common/api';
import { Ingestor } from '../ingest/ingest';
import { parseRecord } from '../report/parse';
import { appendAudit } from '../store/audit';
import type { Db } from '../store/db';
import { Cancelled } from '../../common/result';
import { FeedTransport } from './feed-http';
import type { FeedPage } from './feed-page';
import { ensureFeedSource } from './feed-sources';
import { checkPrecinct, describeCursor, normaliseFeedBase, pageUrl } from './feed-url';
import { fetchPage, type PageFetch, type Wait } from './fetch-page';
import { redactToken, SyncConfigError, type SyncFailure } from './sync-error';
import { resolvePolicy, type SyncPolicyInput } from './sync-policy';
import { emptySyncCounts, finishRun, runPageRecorder, startRun, type SyncCounts } from './sync-runs';

export interface SyncOptions {
  readonly url: string;
  readonly precinct: string;
  /** The feed's bearer token. Never logged or stored here; hosts keep it in a TokenVault. */
  readonly token: string;
  readonly policy?: SyncPolicyInput;
  /** Cancels between pages and during waits; an unfinished page is dropped, never half stored. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (p: SyncProgress) => void;
  /** How many quarantined records to name in the summary (all are in the quarantine). */
  readonly keepRejections?: number;
  /** Jitter source, for reproducible tests. */
  readonly random?: () => number;
}

export type SyncProgress =
  | { readonly kind: 'page'; readonly counts: Readonly<SyncCounts> }
  | { readonly kind: 'waiting'; readonly page: number; readonly wait: Wait; readonly counts: Readonly<SyncCounts> };

/**
 * caught_up: the feed said `more: false`. more: the sync ended before that (a run of empty pages,
 * see `note`). cancelled: the caller aborted. failed: see `error`. In every case what was
 * committed stays and `cursor` is where the next sync starts.
 */
export type SyncStatus = 'caught_up' | 'more' | 'cancelled' | 'failed';

export interface SyncSummary extends Readonly<SyncCounts> {
  readonly sourceId: number;
  readonly url: string;
  readonly precinct: string;
  readonly status: SyncStatus;
  readonly error: SyncFailure | null;
  readonly note: string | null;
  readonly cursor: string | null;
  readonly rejections: readonly Rejection[];
  readonly elapsedMs: number;
}

const MAX_RAW = 64 * 1024;
// Visible ASCII only: anything else cannot go into an Authorization header as it is.
const TOKEN_CHARS = /^[\x21-\x7e]+$/;

class ConcurrentSync extends Error {}

/** Checks what a sync needs before it starts; throws SyncConfigError naming the problem. */
export function checkSyncConfig(url: string, precinct: string, token: string): { url: string; precinct: string } {
  const base = normaliseFeedBase(url);
  const code = checkPrecinct(precinct);
  if (token === '') throw new SyncConfigError('the feed token is empty');
  if (!TOKEN_CHARS.test(token))
    throw new SyncConfigError('the feed token contains spaces or characters that cannot be sent in an HTTP header');
  return { url: base, precinct: code };
}

export async function syncFeed(db: Db, options: SyncOptions): Promise<SyncSummary> {
  const started = performance.now();
  const { url, precinct } = checkSyncConfig(options.url, options.precinct, options.token);
  const policy = resolvePolicy(options.policy);
  const source = ensureFeedSource(db, url, precinct);
  const runId = startRun(db, source.id, source.cursor, new Date().toISOString());
  const transport = new FeedTransport(url, {
    token: options.token,
    timeoutMs: policy.timeoutMs,
    maxBodyBytes: policy.maxPageBytes,
    maxRedirects: policy.maxRedirects,
  });
  const ingestor = new Ingestor(db, source.id);
  const recordRunPage = runPageRecorder(db);
  const readCursor = db.prepare<[number], { cursor: string | null }>('SELECT cursor FROM source WHERE id = ?');
  const writeCursor = db.prepare('UPDATE source SET cursor = ? WHERE id = ?');
  const counts = emptySyncCounts();
  const rejections: Rejection[] = [];
  const keep = options.keepRejections ?? 100;

  // One page, one transaction: its records, its quarantined records, its cursor, the run's counts.
  // Counts and rejections are adopted only after the commit, so a rollback leaves no trace.
  const commitPage = db.transaction(
    (page: FeedPage, expected: string | null, label: string): { counts: SyncCounts; rejected: Rejection[] } => {
      if ((readCursor.get(source.id)?.cursor ?? null) !== expected) throw new ConcurrentSync();
      const c = { ...counts, pages: counts.pages + 1, received: counts.received + page.reports.length };
      const rejected: Rejection[] = [];
      page.reports.forEach((value, i) => {
        const raw = JSON.stringify(value);
        const parsed = parseRecord(value);
        if (parsed.ok) {
          c[ingestor.apply(parsed.value.record, parsed.value.reportedMs, raw)] += 1;
          return;
        }
        const where = `${label} record ${i + 1}`;
        const { id, field, reason } = parsed.error;
        c.quarantined += 1;
        ingestor.quarantine({ location: where, recordId: id, field, reason, raw: raw.length > MAX_RAW ? raw.slice(0, MAX_RAW) : raw });
        rejected.push({ where: id ? `${where} (${id})` : where, field, reason });
      });
      writeCursor.run(page.next, source.id);
      recordRunPage(runId, c, page.next);
      return { counts: c, rejected };
    },
  );

  // While a page is being committed (synchronous SQLite work), the next one is already on its way:
  // its cursor is known as soon as the page is parsed. Only the commits are sequential, and they
  // are what the invariant is about; a prefetched page is simply dropped if the sync stops.
  const stopFetching = new AbortController();
  const fetchSignal = options.signal ? AbortSignal.any([options.signal, stopFetching.signal]) : stopFetching.signal;
  const request = (pageNo: number, after: string | null): { label: string; result: Promise<PageFetch> } => {
    const label = `page ${pageNo} (${describeCursor(after)})`;
    const result = fetchPage(transport, {
      url: pageUrl(url, precinct, after, policy.pageSize),
      precinct,
      label,
      policy,
      signal: fetchSignal,
      ...(options.random ? { random: options.random } : {}),
      onWait: (wait) => options.onProgress?.({ kind: 'waiting', page: pageNo, wait, counts: { ...counts } }),
    });
    // Awaited later, or abandoned when the sync stops: never an unhandled rejection.
    result.catch(() => undefined);
    return { label, result };
  };

  let cursor = source.cursor;
  let status: SyncStatus = 'caught_up';
  let error: SyncFailure | null = null;
  let note: string | null = null;
  let idle = 0;
  let next = request(1, cursor);
  try {
    for (;;) {
      if (options.signal?.aborted) {
        status = 'cancelled';
        break;
      }
      const { label, result } = next;
      const fetched = await result;
      if (!fetched.ok) {
        status = 'failed';
        error = fetched.failure;
        break;
      }
      const { page } = fetched;
      const before = cursor;
      idle = page.reports.length === 0 || page.next === before ? idle + 1 : 0;
      const goOn = page.more && idle < policy.maxIdlePages;
      if (goOn) {
        next = request(counts.pages + 2, page.next);
        // Let the request leave before the commit holds the thread.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      try {
        const committed = commitPage(page, before, label);
        Object.assign(counts, committed.counts);
        rejections.push(...committed.rejected.slice(0, Math.max(0, keep - rejections.length)));
      } catch (e) {
        if (!(e instanceof ConcurrentSync)) throw e;
        status = 'failed';
        error = {
          code: 'concurrent',
          message: `another sync of this feed moved its cursor while ${label} was fetched; stopped so that nothing is skipped — sync again`,
        };
        break;
      }
      cursor = page.next;
      options.onProgress?.({ kind: 'page', counts: { ...counts } });
      if (!page.more) break;
      if (!goOn) {
        status = 'more';
        note = `stopped after ${idle} pages in a row without new records although the feed says there is more; everything so far is stored — sync again to continue`;
        break;
      }
    }
  } catch (e) {
    if (e instanceof Cancelled) {
      status = 'cancelled';
    } else {
      // A store failure (disk full, …): record it if the store still lets us, then let it surface.
      const message = redactToken(e instanceof Error ? e.message : String(e), options.token);
      try {
        finishRun(db, runId, 'failed', message, new Date().toISOString());
        db.prepare('UPDATE source SET last_error = ? WHERE id = ?').run(message, source.id);
      } catch {
        // The original error is the one worth reporting.
      }
      throw e;
    }
  } finally {
    stopFetching.abort();
    transport.close();
  }

  if (error) error = { code: error.code, message: redactToken(error.message, options.token) };
  const finished = new Date().toISOString();
  db.transaction(() => {
    finishRun(db, runId, status, error?.message ?? null, finished);
    db.prepare('UPDATE source SET last_run_at = ?, last_error = ? WHERE id = ?').run(finished, error?.message ?? null, source.id);
    appendAudit(db, { action: 'sync', subject: source.name, detail: { ...counts, status, ...(error ? { error: error.code } : {}) } });
  })();
  return {
    ...counts,
    sourceId: source.id,
    url,
    precinct,
    status,
    error,
    note,
    cursor,
    rejections,
    elapsedMs: Math.round(performance.now() - started),
  };
}
