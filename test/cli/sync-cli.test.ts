// `casegraph sync` as built and run by a user, against the reference feed on 127.0.0.1: the
// summary line, one-line failures with exit 1, saved tokens, and a sync killed with SIGKILL at
// random moments that, resumed, ends exactly where an uninterrupted import does.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/core/store/db';
import { seededRandom } from '../feed-server/faults';
import { startFeedServer, type FeedServer, type FeedServerOptions } from '../feed-server/feed-server';
import { mixedStream } from '../feed-server/fixtures';
import { tempDir } from '../support/tmp';
import { importedState, storeState } from '../core/sync/store-state';

const CLI = path.resolve(import.meta.dirname, '../../out/main/casegraph.js');
const P = 'GZ-TIANHE';
const TOKEN = 'cli-token-5b7d9f1e3a';

interface Run {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

function cli(
  args: readonly string[],
  options: { env?: Record<string, string>; onSpawn?: (child: ChildProcess) => void } = {},
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, CASEGRAPH_DB: '/nonexistent/never-used.db', ...options.env };
    if (!options.env?.['CASEGRAPH_TOKEN']) delete env['CASEGRAPH_TOKEN'];
    const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    options.onSpawn?.(child);
    child.on('error', reject);
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr }));
  });
}

const servers: FeedServer[] = [];
afterEach(async () => {
  while (servers.length) await (servers.pop() as FeedServer).close();
});

async function serve(records: readonly unknown[], extra: Partial<FeedServerOptions> = {}): Promise<FeedServer> {
  const server = await startFeedServer({ feeds: { [P]: records }, tokens: { [TOKEN]: [P] }, ...extra });
  servers.push(server);
  return server;
}

beforeAll(() => {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: npm test builds it first (npm run build)`);
});

describe('casegraph sync', () => {
  it('prints the summary line; a second sync changes nothing', async () => {
    const dir = tempDir();
    const records = mixedStream(P, 150);
    const server = await serve(records);
    const db = path.join(dir, 's.db');
    const env = { CASEGRAPH_TOKEN: TOKEN };
    const first = await cli(['sync', '--url', server.url, '--precinct', P, '--db', db, '--limit', '37'], { env });
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(
      /^pages \d+, received \d+, new \d+, updated \d+, unchanged \d+, withdrawn \d+, quarantined 3 \(\d+\.\d s, \d+ records\/s\)\n$/,
    );
    expect(first.stderr).toMatch(/quarantined page \d+ \([^)]*\) record \d+ \(BAD-FLOAT\): loss\.amount must be a decimal string/);
    const again = await cli(['sync', '--url', server.url, '--precinct', P, '--db', db, '--json'], { env });
    expect(again.status).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ status: 'caught_up', new: 0, updated: 0, withdrawn: 0, error: null });
    const store = openStore(db);
    try {
      expect(storeState(store)).toEqual(await importedState(dir, records));
    } finally {
      store.close();
    }
  });

  it('exits 1 with one clear line for a wrong token, a wrong precinct or a garbage page, never printing the token', async () => {
    const dir = tempDir();
    const server = await serve(mixedStream(P, 10));
    const db = path.join(dir, 's.db');
    const wrong = 'not-the-token-31337';
    const denied = await cli(['sync', '--url', server.url, '--precinct', P, '--db', db, '--token', wrong]);
    expect(denied.status).toBe(1);
    expect(denied.stderr).toBe(
      `casegraph: not authorised for precinct ${P} (HTTP 401): the token is wrong, expired or not valid for this precinct; everything synced before is kept\n`,
    );
    expect(denied.stdout + denied.stderr).not.toContain(wrong);

    const unknown = await cli(['sync', '--url', server.url, '--precinct', 'NOPE', '--db', db], { env: { CASEGRAPH_TOKEN: TOKEN } });
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/^casegraph: unknown precinct NOPE or wrong base URL \(HTTP 404 for [^)]+\)\n$/);

    const garbage = await serve([], {
      feeds: { [P]: [] },
      faults: () => ({ kind: 'body', body: '<html>502 Bad Gateway</html>', contentType: 'text/html' }),
    });
    const bad = await cli(['sync', '--url', garbage.url, '--precinct', P, '--db', db], { env: { CASEGRAPH_TOKEN: TOKEN } });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toBe(
      'casegraph: page 1 (from the beginning) is not a feed page: the body is not JSON (Content-Type text/html); nothing of it was stored\n',
    );
  });

  it('refuses bad usage with exit 2', async () => {
    const db = path.join(tempDir(), 's.db');
    expect((await cli(['sync', '--precinct', P, '--db', db])).stderr).toMatch(/^casegraph: sync needs --url BASE\n/);
    const insecure = await cli(['sync', '--url', 'http://feed.example.cn', '--precinct', P, '--db', db, '--token', 'x']);
    expect(insecure.status).toBe(2);
    expect(insecure.stderr).toMatch(/must use https:\/\//);
    const noToken = await cli(['sync', '--url', 'https://feed.example.cn', '--precinct', P, '--db', db]);
    expect(noToken.status).toBe(2);
    expect(noToken.stderr).toMatch(/^casegraph: sync needs a token/);
    expect(
      (await cli(['sync', '--url', 'https://feed.example.cn', '--precinct', P, '--db', db, '--token', 'x', '--limit', '9000'])).status,
    ).toBe(2);
  });

  it('saves the token sealed with --save-token and uses it next time', async () => {
    const dir = tempDir();
    const server = await serve(mixedStream(P, 20));
    const db = path.join(dir, 's.db');
    const saved = await cli(['sync', '--url', server.url, '--precinct', P, '--db', db, '--save-token'], {
      env: { CASEGRAPH_TOKEN: TOKEN },
    });
    expect(saved.status).toBe(0);
    server.append(P, mixedStream(P, 30).slice(25));
    const reused = await cli(['sync', '--url', server.url, '--precinct', P, '--db', db, '--json']);
    expect(reused.status).toBe(0);
    expect(JSON.parse(reused.stdout).received).toBeGreaterThan(0);
    expect(server.requests.at(-1)?.authorization).toBe(`Bearer ${TOKEN}`);
    for (const f of fs.readdirSync(dir)) expect(fs.readFileSync(path.join(dir, f)).includes(Buffer.from(TOKEN))).toBe(false);
    expect(fs.statSync(path.join(dir, 'token-vault.key')).mode & 0o777).toBe(0o600);
  });

  it('stops at once on Ctrl-C (SIGINT), keeping the whole pages synced, exit 1 with one line', async () => {
    const dir = tempDir();
    let child: ChildProcess | null = null;
    let seen = 0;
    const server = await serve(mixedStream(P, 600), {
      latencyMs: 5,
      faults: () => {
        if (++seen === 4) child?.kill('SIGINT');
        return undefined;
      },
    });
    const db = path.join(dir, 's.db');
    const r = await cli(['sync', '--url', server.url, '--precinct', P, '--db', db, '--limit', '50'], {
      env: { CASEGRAPH_TOKEN: TOKEN },
      onSpawn: (c) => (child = c),
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/casegraph: sync cancelled after [2-5] pages; everything up to there is stored — sync again to continue\n$/);
    const store = openStore(db);
    try {
      const pages = Number(/after (\d) pages/.exec(r.stderr)?.[1]);
      const cursor = (store.prepare("SELECT cursor FROM source WHERE kind = 'feed'").get() as { cursor: string }).cursor;
      expect(server.offsetOf(cursor)).toBe(pages * 50);
      expect(store.prepare('SELECT status FROM sync_run').get()).toEqual({ status: 'cancelled' });
    } finally {
      store.close();
    }
  });

  it('killed with SIGKILL at random moments and resumed, ends with every record once and nothing skipped', async () => {
    const dir = tempDir();
    const records = mixedStream(P, 2500);
    const random = seededRandom(2024);
    // The kill is timed by the feed: when the child asks for its n-th page (while it may be
    // committing the previous one), plus a few random milliseconds — mid-run whatever the speed.
    let killAt: { requests: number; child: ChildProcess } | null = null;
    const server = await serve(records, {
      ragged: true,
      latencyMs: 2,
      seed: 5,
      faults: () => {
        if (killAt && --killAt.requests === 0) {
          const { child } = killAt;
          setTimeout(() => child.kill('SIGKILL'), Math.floor(random() * 12));
        }
        return undefined;
      },
    });
    const db = path.join(dir, 'killed.db');
    const args = ['sync', '--url', server.url, '--precinct', P, '--db', db, '--limit', '60'];
    const env = { CASEGRAPH_TOKEN: TOKEN };
    let killedMidway = 0;
    let cursorBefore: string | null = null;
    for (let round = 0; round < 8; round += 1) {
      const requestsBefore = server.requests.length;
      const run = await cli(args, { env, onSpawn: (child) => (killAt = { requests: 2 + Math.floor(random() * 8), child }) });
      expect(run.signal, run.stderr).toBe('SIGKILL');
      // The run asked first for the cursor the last one committed: resumed, not restarted.
      expect(server.requests[requestsBefore]?.after).toBe(cursorBefore);
      const store = openStore(db);
      try {
        expect(store.pragma('integrity_check', { simple: true })).toBe('ok');
        const row = store.prepare("SELECT cursor FROM source WHERE kind = 'feed'").get() as { cursor: string | null } | undefined;
        cursorBefore = row?.cursor ?? null;
        const offset = server.offsetOf(cursorBefore) ?? -1;
        // Exactly the records before the cursor are stored: whole pages, nothing beyond, nothing missing.
        expect(storeState(store)).toEqual(await importedState(dir, records.slice(0, offset), `prefix-${round}`));
        if (offset > 0 && offset < records.length) killedMidway += 1;
      } finally {
        store.close();
      }
    }
    killAt = null;
    expect(killedMidway).toBeGreaterThanOrEqual(6);
    const last = await cli([...args, '--json'], { env });
    expect(last.status).toBe(0);
    const store = openStore(db);
    try {
      expect(storeState(store)).toEqual(await importedState(dir, records, 'all'));
      const ids = store.prepare('SELECT count(*) AS n, count(DISTINCT id) AS d FROM report').get() as { n: number; d: number };
      expect(ids.n).toBe(ids.d);
      const runs = store.prepare('SELECT status, count(*) AS n FROM sync_run GROUP BY status').all() as { status: string; n: number }[];
      expect(runs.find((r) => r.status === 'interrupted')?.n).toBeGreaterThanOrEqual(6);
    } finally {
      store.close();
    }
  });
});
