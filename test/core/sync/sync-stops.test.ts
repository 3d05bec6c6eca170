// The answers that stop a sync (feed-protocol.md, "Errors the client must handle"), bounded
// waits, cancellation, and records set aside one by one. A stop keeps everything committed
// before it, names what went wrong in one sentence, and never contains the token.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Db } from '../../../src/core/store/db';
import { getFeedSource } from '../../../src/core/sync/feed-sources';
import { listRuns } from '../../../src/core/sync/sync-runs';
import { syncFeed, type SyncOptions } from '../../../src/core/sync/sync-feed';
import { fromRequest, onRequest, type Fault } from '../../feed-server/faults';
import { startFeedServer, type FeedServer, type FeedServerOptions } from '../../feed-server/feed-server';
import { invalidRecords, mixedStream, report } from '../../feed-server/fixtures';
import { tempDir } from '../../support/tmp';
import { FAST, importedState, sourceCursor, storeState } from './store-state';

const P = 'SH-PUDONG';
const OTHER = 'SH-JINGAN';
const TOKEN = 'secret-token-for-pudong-0042';
const RECORDS = mixedStream(P, 120);

const servers: FeedServer[] = [];
const dbs: Db[] = [];
afterEach(async () => {
  while (dbs.length) (dbs.pop() as Db).close();
  while (servers.length) await (servers.pop() as FeedServer).close();
});

async function serve(extra: Partial<FeedServerOptions> = {}): Promise<FeedServer> {
  const server = await startFeedServer({
    feeds: { [P]: RECORDS, [OTHER]: [report(1, OTHER)] },
    tokens: { [TOKEN]: [P], 'token-for-jingan': [OTHER] },
    ...extra,
  });
  servers.push(server);
  return server;
}

function store(): { db: Db; dir: string } {
  const dir = tempDir();
  const db = openStore(path.join(dir, 'store.db'));
  dbs.push(db);
  return { db, dir };
}

const count = (db: Db, table: string): number => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

function sync(db: Db, server: FeedServer, extra: Partial<SyncOptions> = {}): ReturnType<typeof syncFeed> {
  return syncFeed(db, { url: server.url, precinct: P, token: TOKEN, ...extra, policy: { ...FAST, pageSize: 20, ...extra.policy } });
}

describe('sync stops', () => {
  it('on 401 with "not authorised for precinct", keeping what was synced, never echoing the token', async () => {
    const { db } = store();
    const server = await serve();
    const wrong = 'wrong-token-0123456789';
    const r = await sync(db, server, { token: wrong });
    expect(r.status).toBe('failed');
    expect(r.error?.code).toBe('unauthorised');
    expect(r.error?.message).toMatch(/^not authorised for precinct SH-PUDONG \(HTTP 401\)/);
    expect(JSON.stringify(r)).not.toContain(wrong);
    expect(count(db, 'report')).toBe(0);
    const source = getFeedSource(db, r.sourceId);
    expect(source?.lastError).toBe(r.error?.message);
    expect(source?.lastRunAt).not.toBeNull();
    expect(listRuns(db, r.sourceId)[0]).toMatchObject({ status: 'failed', error: r.error?.message });
    // The token went in the header, as a bearer token, and only there.
    expect(server.requests[0]?.authorization).toBe(`Bearer ${wrong}`);

    // Revoked half-way: the pages before stay.
    const revoked = await serve({ faults: fromRequest(2, { kind: 'status', status: 401 }) });
    const { db: db2 } = store();
    const half = await sync(db2, revoked);
    expect(half).toMatchObject({ status: 'failed', pages: 2 });
    expect(count(db2, 'report_version')).toBeGreaterThan(0);
  });

  it('on 403 (a token for another precinct) and on 404 (unknown precinct, wrong base URL)', async () => {
    const { db } = store();
    const server = await serve();
    const forbidden = await sync(db, server, { precinct: OTHER });
    expect(forbidden.error).toMatchObject({
      code: 'unauthorised',
      message: expect.stringMatching(/^not authorised for precinct SH-JINGAN \(HTTP 403\)/),
    });
    const unknown = await sync(db, server, { precinct: 'NOWHERE' });
    expect(unknown.error).toMatchObject({
      code: 'not_found',
      message: expect.stringMatching(
        /^unknown precinct NOWHERE or wrong base URL \(HTTP 404 for http:\/\/127\.0\.0\.1:\d+\/v1\/precincts\/NOWHERE\/reports\)$/,
      ),
    });
    const wrongBase = await syncFeed(db, { url: `${server.url}/api`, precinct: P, token: TOKEN, policy: FAST });
    expect(wrongBase.error?.code).toBe('not_found');
    expect(count(db, 'report')).toBe(0);
  });

  const garbage: readonly [string, Fault, RegExp][] = [
    [
      'an HTML page',
      { kind: 'body', body: '<html><body>Login</body></html>', contentType: 'text/html' },
      /the body is not JSON \(Content-Type text\/html\)/,
    ],
    ['an empty body', { kind: 'body', body: '' }, /the body is empty/],
    ['a JSON array', { kind: 'body', body: '[]' }, /the body is an array, not an object/],
    ['reports as an object', { kind: 'body', body: '{"reports":{},"next":"x","more":true}' }, /"reports" is an object, not an array/],
    ['next as a number', { kind: 'body', body: '{"reports":[],"next":5,"more":true}' }, /"next" is a number, not a string/],
    ['more as a string', { kind: 'body', body: '{"reports":[],"next":"x","more":"yes"}' }, /"more" is a string, not true or false/],
    ['more missing', { kind: 'body', body: '{"reports":[],"next":"x"}' }, /"more" is missing/],
    ['truncated JSON', { kind: 'body', body: '{"reports":[{"id":"A","version":1' }, /the body is not JSON/],
  ];

  it.each(garbage)('on a 200 with %s, naming the page and storing nothing of it', async (_name, fault, reason) => {
    const { db, dir } = store();
    // Request 0 is page 1 (served); request 1 is page 2 (garbage).
    const server = await serve({ faults: onRequest(1, fault) });
    const r = await sync(db, server);
    expect(r.status).toBe('failed');
    expect(r.error?.code).toBe('bad_page');
    expect(r.error?.message).toMatch(/^page 2 \(after "[^"]+"\) is not a feed page: /);
    expect(r.error?.message).toMatch(reason);
    expect(r.error?.message).toMatch(/nothing of it was stored$/);
    // Exactly page 1 is stored, and the cursor is page 1's.
    expect(r.pages).toBe(1);
    expect(storeState(db)).toEqual(await importedState(dir, RECORDS.slice(0, 20), 'page1'));
    expect(server.offsetOf(sourceCursor(db, r.sourceId))).toBe(20);
    // The feed recovers; the next sync resumes at page 2 and ends where a clean import does.
    const again = await sync(db, server);
    expect(again.status).toBe('caught_up');
    expect(server.requests.find((q) => q.answer === 200 && q.after === server.requests[1]?.after)).toBeDefined();
    expect(storeState(db)).toEqual(await importedState(dir, RECORDS));
  });

  it('after a bounded number of tries on 5xx, resets and timeouts, then resumes from the last committed page', async () => {
    for (const [fault, last] of [
      [{ kind: 'status', status: 500 }, 'HTTP 500'],
      [{ kind: 'reset' }, 'the connection was reset'],
      [{ kind: 'delay', ms: 400 }, 'no complete answer within 150 ms'],
    ] as const) {
      const { db, dir } = store();
      const server = await serve({ faults: fromRequest(3, fault) });
      const started = performance.now();
      const r = await sync(db, server, { policy: { attempts: 3, timeoutMs: 150 } });
      expect(r.status).toBe('failed');
      expect(r.error).toEqual({
        code: 'unavailable',
        message: expect.stringMatching(
          new RegExp(`^the feed failed 3 times on page 4 \\(after "[^"]+"\\) \\(last: ${last}\\); sync again later`),
        ),
      });
      expect(performance.now() - started).toBeLessThan(5000);
      expect(r.pages).toBe(3);
      expect(storeState(db)).toEqual(await importedState(dir, RECORDS.slice(0, 60), 'first60'));
      // Requests 3, 4, 5: the three tries of page 4, all from the same cursor.
      expect(new Set(server.requests.slice(3).map((q) => q.after)).size).toBe(1);
    }
  });

  it('honours Retry-After in seconds and as an HTTP-date, and stops when asked to wait longer than the bound', async () => {
    const { db } = store();
    const waits: number[] = [];
    const seconds = await serve({ faults: onRequest(0, { kind: 'status', status: 503, retryAfter: '1' }) });
    let t = performance.now();
    const a = await sync(db, seconds, { onProgress: (p) => p.kind === 'waiting' && waits.push(p.wait.ms) });
    expect(a.status).toBe('caught_up');
    expect(waits).toEqual([1000]);
    expect(performance.now() - t).toBeGreaterThanOrEqual(990);

    const date = await serve({
      faults: onRequest(0, { kind: 'status', status: 429, retryAfter: new Date(Date.now() + 2000).toUTCString() }),
    });
    const { db: db2 } = store();
    t = performance.now();
    const b = await sync(db2, date);
    expect(b.status).toBe('caught_up');
    // HTTP-dates have whole seconds: between 1 and 2 s from now.
    expect(performance.now() - t).toBeGreaterThanOrEqual(900);

    const tooLong = await serve({ faults: onRequest(0, { kind: 'status', status: 429, retryAfter: '120' }) });
    const { db: db3 } = store();
    t = performance.now();
    const c = await sync(db3, tooLong);
    expect(c.error).toEqual({
      code: 'throttled',
      message:
        'the feed asked to wait 120 s before page 1 (from the beginning) (HTTP 429), longer than the 3 s a sync waits; sync again later',
    });
    expect(performance.now() - t).toBeLessThan(1000);

    const forever = await serve({ faults: fromRequest(0, { kind: 'status', status: 503, retryAfter: '0' }) });
    const { db: db4 } = store();
    const d = await sync(db4, forever);
    expect(d.error?.code).toBe('throttled');
    expect(forever.requests).toHaveLength(FAST.throttleRetries + 1);
  });

  it('refuses a redirect to another origin without sending the token there; follows one on the same origin', async () => {
    const elsewhere = await serve();
    const { db } = store();
    const server = await serve({ faults: onRequest(0, { kind: 'redirect', location: `${elsewhere.url}/v1/precincts/${P}/reports` }) });
    const r = await sync(db, server);
    expect(r.error).toMatchObject({
      code: 'redirect',
      message: expect.stringMatching(/redirected page 1 \(from the beginning\) to another origin \(http:\/\/127\.0\.0\.1:\d+\); refused/),
    });
    expect(elsewhere.requests).toHaveLength(0);

    const same = await serve({
      prefix: '/feed',
      faults: onRequest(0, { kind: 'redirect', location: `/feed/v1/precincts/${P}/reports?limit=20`, status: 307 }),
    });
    const { db: db2 } = store();
    const ok = await sync(db2, same);
    expect(ok.status).toBe('caught_up');
  });

  it('on answers the protocol does not define (400, 410) without retrying', async () => {
    const { db } = store();
    const server = await serve({ faults: onRequest(0, { kind: 'status', status: 410 }) });
    const r = await sync(db, server);
    expect(r.error).toEqual({
      code: 'http_error',
      message: 'the feed answered HTTP 410 for page 1 (from the beginning), an answer the feed protocol does not define',
    });
    expect(server.requests).toHaveLength(1);
  });

  it('after a bounded run of empty pages with more: true, saying so, with everything stored', async () => {
    const { db, dir } = store();
    const server = await serve({ neverDone: true });
    const r = await sync(db, server, { policy: { maxIdlePages: 5 } });
    expect(r.status).toBe('more');
    expect(r.error).toBeNull();
    expect(r.note).toMatch(/^stopped after 5 pages in a row without new records although the feed says there is more/);
    expect(storeState(db)).toEqual(await importedState(dir, RECORDS));
    expect(listRuns(db, r.sourceId)[0]?.status).toBe('more');
  });

  it('when cancelled, during a wait or between pages, with whole pages only', async () => {
    const { db } = store();
    const server = await serve({ faults: onRequest(2, { kind: 'status', status: 503, retryAfter: '2' }) });
    const controller = new AbortController();
    const t = performance.now();
    const r = await sync(db, server, { signal: controller.signal, onProgress: (p) => p.kind === 'waiting' && controller.abort() });
    expect(r.status).toBe('cancelled');
    expect(performance.now() - t).toBeLessThan(1000);
    expect(r.pages).toBe(2);
    expect(count(db, 'report_version') + count(db, 'quarantine')).toBe(40);

    const between = new AbortController();
    const { db: db2 } = store();
    const s = await sync(db2, server, {
      signal: between.signal,
      onProgress: (p) => p.kind === 'page' && p.counts.pages === 3 && between.abort(),
    });
    expect(s).toMatchObject({ status: 'cancelled', pages: 3 });
    expect(listRuns(db2, s.sourceId)[0]?.status).toBe('cancelled');
  });

  it('when another sync moves the cursor meanwhile, rather than skip or repeat', async () => {
    const { db, dir } = store();
    const server = await serve({ latencyMs: 50 });
    const other = openStore(path.join(dir, 'store.db'));
    dbs.push(other);
    const r = await sync(db, server, {
      onProgress: (p) => {
        if (p.kind === 'page' && p.counts.pages === 2) other.prepare("UPDATE source SET cursor = 'moved' WHERE kind = 'feed'").run();
      },
    });
    expect(r.error?.code).toBe('concurrent');
    expect(r.pages).toBe(2);
  });
});

describe('records set aside', () => {
  it('quarantines a float amount, an impossible date and a missing id, naming each, and stores the rest of the page', async () => {
    const { db, dir } = store();
    const bad = invalidRecords(P);
    const records = [report(1, P), bad[0]?.record, report(2, P), bad[1]?.record, bad[2]?.record, report(3, P)];
    const server = await serve({ feeds: { [P]: records } });
    const r = await sync(db, server, { policy: { pageSize: 100 } });
    expect(r).toMatchObject({ status: 'caught_up', pages: 1, received: 6, new: 3, quarantined: 3 });
    expect(r.rejections).toEqual([
      {
        where: 'page 1 (from the beginning) record 2 (BAD-FLOAT)',
        field: 'loss.amount',
        reason: 'must be a decimal string like "1234.50", not the number 1234.5',
      },
      {
        where: 'page 1 (from the beginning) record 4 (BAD-DATE)',
        field: 'reported_at',
        reason: expect.stringContaining('"2024-02-30T10:00:00+08:00"'),
      },
      { where: 'page 1 (from the beginning) record 5', field: 'id', reason: 'is required' },
    ]);
    const rows = db.prepare('SELECT location, record_id, field, reason FROM quarantine ORDER BY id').all();
    expect(rows).toEqual(
      bad.map((b, i) => ({
        location: `page 1 (from the beginning) record ${[2, 4, 5][i]}`,
        record_id: b.id,
        field: b.field,
        reason: expect.stringMatching(b.reason),
      })),
    );
    expect(storeState(db)).toEqual(await importedState(dir, records));
  });
});

describe('several feeds in one store', () => {
  it('keeps a source row and a cursor per (url, precinct), and provenance per version', async () => {
    const { db } = store();
    const server = await serve();
    const second = await serve({ feeds: { [P]: [report(500, P), report(1, P, 9)] } });
    const a = await sync(db, server);
    const b = await sync(db, second);
    const c = await syncFeed(db, { url: server.url, precinct: OTHER, token: 'token-for-jingan', policy: FAST });
    expect(new Set([a.sourceId, b.sourceId, c.sourceId]).size).toBe(3);
    expect(b).toMatchObject({ new: 1, updated: 1 });
    const provenance = db
      .prepare(
        'SELECT v.version, s.precinct, s.url FROM report_version v JOIN source s ON s.id = v.source_id WHERE v.report_id = ? ORDER BY v.version',
      )
      .all(`RPT-${P}-000001`);
    expect(provenance).toEqual([
      { version: 1, precinct: P, url: server.url },
      { version: 9, precinct: P, url: second.url },
    ]);
    for (const s of [a, b, c]) expect(sourceCursor(db, s.sourceId)).not.toBeNull();
  });
});
