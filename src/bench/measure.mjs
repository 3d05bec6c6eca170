// Runs one command of the built CLI and measures its wall time and peak RSS.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BENCH_ENV } from './open-store.mjs';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const CLI = path.join(ROOT, 'out', 'main', 'casegraph.js');
const RSS_HOOK = path.join(import.meta.dirname, 'report-rss.mjs');

export function runCli(args, { env = {} } = {}) {
  const rssFile = path.join(os.tmpdir(), `casegraph-bench-rss-${process.pid}-${Date.now()}`);
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--import', RSS_HOOK, CLI, ...args], {
    env: { ...process.env, ...BENCH_ENV, ...env, BENCH_RSS_FILE: rssFile },
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0) throw new Error(`casegraph ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  const peakRss = fs.existsSync(rssFile) ? Number(fs.readFileSync(rssFile, 'utf8')) : NaN;
  fs.rmSync(rssFile, { force: true });
  return { seconds, peakRss, stdout: r.stdout, stderr: r.stderr };
}

export const mib = (bytes) => `${(bytes / 1048576).toFixed(0)} MiB`;

export function row(cells) {
  console.log(cells.map((c) => String(c).padEnd(22)).join(''));
}
