// The feed methods of the API on a real Backend: a real store file, the key-file vault, and the
// reference feed server on 127.0.0.1. Tokens go in sealed and never come back out.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiEvent, FeedSourceView, JobOutcome, SyncRunView } from '../../../src/common/api';
import { Backend } from '../../../src/core/backend/backend';
import { FileTokenVault, tokenKeyPathFor } from '../../../src/core/sync/file-token-vault';
import { onRequest } from '../../feed-server/faults';
import { startFeedServer, type FeedServer } from '../../feed-server/feed-server';
import { report, tombstone } from '../../feed-server/fixtures';
import { EventLog } from '../../support/events';
import { tempDir } from '../../support/tmp';

const P = 'SH-PUDONG';
const TOKEN = 'secret-token-for-pudong-0042';
const RECORDS = [...Array.from({ length: 45 }, (_, i) => report(i + 1, P)), report(3, P, 2), tombstone(`RPT-${P}-000004`, 2)];
const POLICY = { pageSize: 10, timeoutMs: 2000, attempts: 2, backoff: { baseMs: 1, maxMs: 5 } };

const servers: FeedServer[] = [];
const backends: Backend[] = [];
afterEach(async () => {
  while (backends.length) (backends.pop() as Backend).close();
  while (servers.length) await (servers.pop() as FeedServer).close();
});

function start(): { b: Backend; events: EventLog; dbPath: string } {
  const dbPath = path.join(tempDir(), 'store.db');
  const events = new EventLog();
  const b = new Backend({ dbPath, vault: new FileTokenVault(tokenKeyPathFor(dbPath)), syncPolicy: POLICY, onEvent: events.push });
  backends.push(b);
  return { b, events, dbPath };
}

async function value<T>(p: Promise<{ ok: true; value: unknown } | { ok: false; error: { code: string; message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

const outcome = (events: EventLog, jobId: string): Promise<JobOutcome> => events.outcome(jobId);

async function syncNow(
  b: Backend,
  events: EventLog,
  sourceId: number,
): Promise<Extract<JobOutcome, { kind: 'sync'; ok: true }>['summary']> {
  const { jobId } = await value<{ jobId: string }>(b.call('sync.start', { sourceId }));
  const done = await outcome(events, jobId);
  if (done.kind !== 'sync' || !done.ok) throw new Error(`unexpected outcome ${JSON.stringify(done)}`);
  return done.summary;
}

describe('feed sources and sync through the API', () => {
  it('adds a feed, syncs it as a job with status events, lists the last run, and keeps the token sealed', async () => {
    const server = await startFeedServer({
      feeds: { [P]: RECORDS },
      tokens: { [TOKEN]: [P] },
      faults: onRequest(1, { kind: 'status', status: 503, retryAfter: '1' }),
    });
    servers.push(server);
    const { b, events, dbPath } = start();

    expect(await b.call('sources.add', { url: server.url, precinct: P, token: 'has space' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument' },
    });
    expect(await b.call('sources.add', { url: 'ftp://example.org', precinct: P, token: TOKEN })).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument' },
    });

    const added = await value<FeedSourceView>(b.call('sources.add', { url: `${server.url}/`, precinct: P, token: TOKEN }));
    expect(added).toEqual({ id: added.id, url: server.url, precinct: P, hasToken: true, lastRunAt: null, lastError: null, lastRun: null });
    expect(JSON.stringify(added)).not.toContain(TOKEN);
    expect(events.events.some((e) => e.type === 'store.changed')).toBe(true);

    const summary = await syncNow(b, events, added.id);
    expect(summary).toMatchObject({
      sourceId: added.id,
      status: 'caught_up',
      error: null,
      received: 47,
      new: 45,
      updated: 1,
      withdrawn: 1,
      quarantined: 0,
      pages: 5,
    });
    expect(JSON.stringify(events.events)).not.toContain(TOKEN);

    // Progress: a sync job, the wait the server asked for, then pages with counts.
    const statuses = events.events.filter((e): e is Extract<ApiEvent, { type: 'sync.status' }> => e.type === 'sync.status');
    expect(statuses.find((e) => e.waiting !== null)).toMatchObject({
      sourceId: added.id,
      page: 2,
      waiting: { ms: 1000, reason: 'HTTP 503, Retry-After', retry: 1 },
    });
    expect(statuses[0]).toMatchObject({ page: 1, counts: { pages: 1, received: 10 } });
    expect(statuses.at(-1)?.waiting).toBeNull();
    expect(events.events.some((e) => e.type === 'job.progress' && e.progress.kind === 'sync')).toBe(true);

    const [listed] = await value<FeedSourceView[]>(b.call('sources.list', {}));
    expect(listed).toMatchObject({
      id: added.id,
      hasToken: true,
      lastError: null,
      lastRun: { status: 'caught_up', new: 45, updated: 1, withdrawn: 1, received: 47, pages: 5 },
    });
    expect(listed?.lastRunAt).not.toBeNull();

    // Again: nothing new, and the history has both runs, newest first.
    expect(await syncNow(b, events, added.id)).toMatchObject({ status: 'caught_up', new: 0 });
    const runs = await value<SyncRunView[]>(b.call('sources.runs', { sourceId: added.id, limit: 10 }));
    expect(runs.map((r) => [r.status, r.new])).toEqual([
      ['caught_up', 0],
      ['caught_up', 45],
    ]);

    b.close();
    backends.pop();
    for (const file of [dbPath, `${dbPath}-wal`]) if (fs.existsSync(file)) expect(fs.readFileSync(file).includes(TOKEN)).toBe(false);
    expect(fs.existsSync(tokenKeyPathFor(dbPath))).toBe(true);
  });

  it('says why a sync stopped: a wrong token is "unauthorised", kept on the feed with its code', async () => {
    const server = await startFeedServer({ feeds: { [P]: RECORDS }, tokens: { [TOKEN]: [P] } });
    servers.push(server);
    const { b, events } = start();
    const added = await value<FeedSourceView>(b.call('sources.add', { url: server.url, precinct: P, token: 'wrong-token-0123456789' }));
    const failed = await syncNow(b, events, added.id);
    expect(failed).toMatchObject({
      status: 'failed',
      error: { code: 'unauthorised', message: expect.stringMatching(/^not authorised for precinct SH-PUDONG/) },
    });
    const [listed] = await value<FeedSourceView[]>(b.call('sources.list', {}));
    expect(listed?.lastError).toEqual({ code: 'unauthorised', message: failed.error?.message });

    // The right token fixes it, and the error goes.
    await value(b.call('sources.setToken', { sourceId: added.id, token: TOKEN }));
    expect(await syncNow(b, events, added.id)).toMatchObject({ status: 'caught_up', new: 45 });
    expect((await value<FeedSourceView[]>(b.call('sources.list', {})))[0]?.lastError).toBeNull();
  });

  it('answers unknown feeds, a busy backend and removal with results', async () => {
    const server = await startFeedServer({ feeds: { [P]: RECORDS }, tokens: { [TOKEN]: [P] }, latencyMs: 100 });
    servers.push(server);
    const { b, events } = start();
    expect(await b.call('sync.start', { sourceId: 999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await b.call('sync.start', { sourceId: 0 })).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    const added = await value<FeedSourceView>(b.call('sources.add', { url: server.url, precinct: P, token: TOKEN }));
    const { jobId } = await value<{ jobId: string }>(b.call('sync.start', { sourceId: added.id }));
    expect(await b.call('sync.start', { sourceId: added.id })).toMatchObject({ ok: false, error: { code: 'busy' } });
    expect(await b.call('sources.remove', { sourceId: added.id })).toMatchObject({ ok: false, error: { code: 'busy' } });
    expect(await b.call('job.cancel', { jobId })).toEqual({ ok: true, value: { cancelled: true } });
    const done = await outcome(events, jobId);
    expect(done).toMatchObject({ kind: 'sync', ok: true, summary: { status: 'cancelled' } });

    expect(await b.call('sources.remove', { sourceId: added.id })).toEqual({ ok: true, value: { removed: true } });
    expect(await value<FeedSourceView[]>(b.call('sources.list', {}))).toEqual([]);
    expect(await b.call('sync.start', { sourceId: added.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('reports an unreachable feed as "network" (offline)', async () => {
    const server = await startFeedServer({ feeds: { [P]: RECORDS }, tokens: { [TOKEN]: [P] } });
    const url = server.url;
    await server.close();
    const { b, events } = start();
    const added = await value<FeedSourceView>(b.call('sources.add', { url, precinct: P, token: TOKEN }));
    const r = await syncNow(b, events, added.id);
    expect(r).toMatchObject({
      status: 'failed',
      error: { code: 'network', message: expect.stringMatching(/cannot reach the feed .*offline/) },
    });
    expect((await value<FeedSourceView[]>(b.call('sources.list', {})))[0]?.lastError?.code).toBe('network');
  });
});
