// Every way a feed can deliver (within the protocol or not), over real HTTP into a real SQLite
// file: the final store must be exactly what a plain import of the same records gives, and a
// second sync must change nothing.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../src/core/store/db';
import { syncFeed, type SyncSummary } from '../../../src/core/sync/sync-feed';
import { randomFaults, type Fault, type FaultPlan, failFirstTries } from '../../feed-server/faults';
import { startFeedServer, type FeedServer, type FeedServerOptions } from '../../feed-server/feed-server';
import { mixedStream } from '../../feed-server/fixtures';
import { tempDir } from '../../support/tmp';
import { FAST, importedState, storeState } from './store-state';

const P = 'NJ-XUANWU';
const TOKEN = 'tok-feed-1234567890';
const RECORDS = mixedStream(P, 400);

const servers: FeedServer[] = [];
afterEach(async () => {
  while (servers.length) await (servers.pop() as FeedServer).close();
});

async function serve(extra: Partial<FeedServerOptions> = {}): Promise<FeedServer> {
  const server = await startFeedServer({ feeds: { [P]: RECORDS }, tokens: { [TOKEN]: [P] }, seed: 7, ...extra });
  servers.push(server);
  return server;
}

const httpDateIn = (ms: number): string => new Date(Date.now() + ms).toUTCString();

interface Scenario {
  readonly name: string;
  readonly server?: Partial<FeedServerOptions>;
  readonly pageSize?: number;
}

const everyFault = (seed: number): FaultPlan =>
  randomFaults({
    seed,
    rate: 0.35,
    maxPerOffset: 3,
    faults: [
      { kind: 'status', status: 503, retryAfter: '0' },
      { kind: 'status', status: 429, retryAfter: httpDateIn(-1000) },
      { kind: 'status', status: 500 },
      { kind: 'status', status: 502 },
      { kind: 'reset' },
      { kind: 'reset-mid-body' },
      { kind: 'delay', ms: 500 },
      { kind: 'stall-body', ms: 500 },
    ],
  });

const firstTry = (fault: Fault, times = 1): Partial<FeedServerOptions> => ({ faults: failFirstTries(fault, times) });

const SCENARIOS: readonly Scenario[] = [
  { name: 'a clean feed' },
  { name: 'one page for everything', pageSize: 5000 },
  { name: 'ragged page sizes, including empty pages', server: { ragged: true } },
  { name: 'runs of empty pages with more: true', server: { emptyPages: { probability: 0.5, maxRun: 4 } } },
  { name: 'replayed records and replayed pages', server: { replay: { probability: 0.5, maxBack: 25 } } },
  { name: '503 with Retry-After in seconds', server: firstTry({ kind: 'status', status: 503, retryAfter: '0' }, 2) },
  { name: '429 with Retry-After as an HTTP-date', server: firstTry({ kind: 'status', status: 429, retryAfter: httpDateIn(-5000) }) },
  { name: '503 without Retry-After (back-off)', server: firstTry({ kind: 'status', status: 503 }) },
  { name: '500s', server: firstTry({ kind: 'status', status: 500 }, 3) },
  { name: 'connection resets before the answer', server: firstTry({ kind: 'reset' }, 2) },
  { name: 'connection resets mid-body', server: firstTry({ kind: 'reset-mid-body' }) },
  { name: 'slow pages past the deadline', server: firstTry({ kind: 'delay', ms: 500 }) },
  { name: 'bodies that stall mid-way', server: firstTry({ kind: 'stall-body', ms: 500 }) },
  { name: 'gzip-compressed pages', server: { gzip: true } },
  {
    name: 'everything at once',
    server: {
      ragged: true,
      replay: { probability: 0.3, maxBack: 20 },
      emptyPages: { probability: 0.2, maxRun: 3 },
      faults: everyFault(11),
    },
  },
  {
    name: 'everything at once, another seed',
    server: { seed: 99, ragged: true, replay: { probability: 0.3, maxBack: 20 }, gzip: true, faults: everyFault(12) },
  },
];

const changes = (r: SyncSummary): number => r.new + r.updated + r.withdrawn;

describe('sync reaches exactly the state of a plain import', () => {
  it.each(SCENARIOS)('with $name', async ({ server: options, pageSize }) => {
    const dir = tempDir();
    const expected = await importedState(dir, RECORDS);
    const server = await serve(options);
    const db = openStore(path.join(dir, 'synced.db'));
    try {
      const policy = { ...FAST, pageSize: pageSize ?? 23, maxIdlePages: 50 };
      const first = await syncFeed(db, { url: server.url, precinct: P, token: TOKEN, policy });
      expect(first.error).toBeNull();
      expect(first.status).toBe('caught_up');
      expect(first.received).toBe(first.new + first.updated + first.unchanged + first.withdrawn + first.quarantined);
      expect(first.received).toBeGreaterThanOrEqual(RECORDS.length);
      expect(storeState(db)).toEqual(expected);
      if (options?.faults) expect(server.requests.some((r) => r.answer !== 200)).toBe(true);

      // Resuming from the stored cursor: nothing new.
      const again = await syncFeed(db, { url: server.url, precinct: P, token: TOKEN, policy });
      expect(again.status).toBe('caught_up');
      expect(changes(again)).toBe(0);
      expect(storeState(db)).toEqual(expected);

      // Even the whole feed again, from the beginning, changes nothing.
      db.prepare("UPDATE source SET cursor = NULL WHERE kind = 'feed'").run();
      const replay = await syncFeed(db, { url: server.url, precinct: P, token: TOKEN, policy });
      expect(changes(replay)).toBe(0);
      expect(replay.unchanged).toBeGreaterThan(0);
      expect(storeState(db)).toEqual(expected);
    } finally {
      db.close();
    }
  });

  it('picks up versions and tombstones that arrive after a sync, and records provenance on each version', async () => {
    const dir = tempDir();
    const server = await serve({ feeds: { [P]: RECORDS.slice(0, 100) } });
    const db = openStore(path.join(dir, 'synced.db'));
    try {
      const policy = { ...FAST, pageSize: 40 };
      await syncFeed(db, { url: server.url, precinct: P, token: TOKEN, policy });
      server.append(P, RECORDS.slice(100));
      const second = await syncFeed(db, { url: server.url, precinct: P, token: TOKEN, policy });
      expect(second.status).toBe('caught_up');
      expect(storeState(db)).toEqual(await importedState(dir, RECORDS));
      const sources = db
        .prepare('SELECT DISTINCT s.kind, s.url, s.precinct FROM report_version v JOIN source s ON s.id = v.source_id')
        .all();
      expect(sources).toEqual([{ kind: 'feed', url: server.url, precinct: P }]);
    } finally {
      db.close();
    }
  });
});
