// Sync benchmark: the demo precinct served by the reference feed (test/feed-server) on 127.0.0.1,
// pulled into a fresh store by the built CLI. Prints reports/s end to end (process start to exit),
// the rate the sync itself reports, and peak RSS; then the same feed again under another URL, so
// every record is a re-delivery (unchanged): that row is the feed path without the cost of storing. Sizes: BENCH_SYNC_SIZES (default 100000; the
// feed holds the whole file in memory), page sizes: BENCH_SYNC_LIMITS (default 1000,5000).
// Standalone: `node src/bench/sync-bench.mjs` after `npm run build`.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runnerImport } from 'vite';
import { CLI, ROOT, mib, row, runCli } from './measure.mjs';
import { useBenchPassphrase } from './open-store.mjs';

useBenchPassphrase();

const RSS_HOOK = path.join(import.meta.dirname, 'report-rss.mjs');
const PRECINCT = 'BENCH';
const TOKEN = 'bench-token-0000';

/** Like runCli, but asynchronous: the feed answers from this process while the CLI runs. */
function runCliAsync(args) {
  const rssFile = path.join(os.tmpdir(), `casegraph-bench-rss-${process.pid}-${Date.now()}`);
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', RSS_HOOK, CLI, ...args], {
      env: { ...process.env, BENCH_RSS_FILE: rssFile, CASEGRAPH_TOKEN: TOKEN },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const peakRss = fs.existsSync(rssFile) ? Number(fs.readFileSync(rssFile, 'utf8')) : NaN;
      fs.rmSync(rssFile, { force: true });
      if (status !== 0) reject(new Error(`casegraph ${args.join(' ')} failed (${status}): ${stderr}`));
      else resolve({ seconds, peakRss, stdout });
    });
  });
}

export default async function syncBench({ workDir }) {
  const sizes = (process.env.BENCH_SYNC_SIZES ?? '100000').split(',').map(Number);
  const limits = (process.env.BENCH_SYNC_LIMITS ?? '1000,5000').split(',').map(Number);
  const { module } = await runnerImport(path.join(ROOT, 'test', 'feed-server', 'feed-server.ts'));
  console.log('\n## sync (reference feed on 127.0.0.1 → store, built CLI)');
  row(['reports', 'page size', 'pass', 'wall s', 'reports/s', 'sync reports/s', 'peak RSS']);
  for (const n of sizes) {
    const file = path.join(workDir, `demo-${n}.ndjson`);
    if (!fs.existsSync(file)) runCli(['demo', '--reports', String(n), '--seed', '42', '--out', file]);
    const lines = fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '');
    const options = { feeds: {}, jsonFeeds: { [PRECINCT]: lines }, tokens: { [TOKEN]: [PRECINCT] } };
    const server = await module.startFeedServer(options);
    const again = await module.startFeedServer({ ...options, prefix: '/again' });
    try {
      for (const limit of limits) {
        const db = path.join(workDir, `sync-${n}-${limit}.db`);
        for (const f of [db, `${db}-wal`, `${db}-shm`]) fs.rmSync(f, { force: true });
        for (const [pass, url] of [
          ['first', server.url],
          ['re-delivery', again.url],
        ]) {
          const r = await runCliAsync(['sync', '--url', url, '--precinct', PRECINCT, '--db', db, '--limit', String(limit), '--json']);
          const s = JSON.parse(r.stdout);
          if (s.received !== lines.length) throw new Error(`sync received ${s.received} of ${lines.length} records`);
          row([
            n,
            limit,
            pass,
            r.seconds.toFixed(1),
            Math.round(s.received / r.seconds),
            Math.round((s.received * 1000) / s.elapsedMs),
            mib(r.peakRss),
          ]);
        }
        for (const f of [db, `${db}-wal`, `${db}-shm`]) fs.rmSync(f, { force: true });
      }
    } finally {
      await server.close();
      await again.close();
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const workDir = process.env.BENCH_DIR ?? path.join(os.tmpdir(), 'casegraph-bench');
  fs.mkdirSync(workDir, { recursive: true });
  await syncBench({ workDir });
}
