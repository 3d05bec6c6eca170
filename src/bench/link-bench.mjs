// Linking benchmark: for each size, the demo NDJSON (same seed as the import bench) is imported
// but for its last 1,000 records, linked in full, then those 1,000 (the most recent reports: the
// demo stream is in filing order) are imported and linked incrementally. The baseline (union on
// shared identifiers, src/bench/link-baseline.mjs) runs on the same store. Prints wall time,
// reports/s and peak RSS. Targets (2 cores): full link of 1M < 30 s, peak RSS < 2 GB;
// incremental 1k into 1M < 1 s.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mib, row, runCli } from './measure.mjs';

const INCREMENT = 1000;
const RSS_HOOK = path.join(import.meta.dirname, 'report-rss.mjs');

function runBaseline(db) {
  const rssFile = path.join(os.tmpdir(), `casegraph-bench-rss-${process.pid}-${Date.now()}`);
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--import', RSS_HOOK, path.join(import.meta.dirname, 'link-baseline.mjs'), db], {
    env: { ...process.env, BENCH_RSS_FILE: rssFile },
    encoding: 'utf8',
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0) throw new Error(`baseline failed: ${r.stderr}`);
  const peakRss = Number(fs.readFileSync(rssFile, 'utf8'));
  fs.rmSync(rssFile, { force: true });
  return { seconds, peakRss, result: JSON.parse(r.stdout) };
}

/** The file but its last INCREMENT lines, and those lines, as two files (read from the end: the
 * 1M file is larger than a JavaScript string may be). */
function split(file, dir, n) {
  const base = path.join(dir, `link-base-${n}.ndjson`);
  const inc = path.join(dir, `link-inc-${n}.ndjson`);
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const chunk = Buffer.alloc(1 << 20);
    let end = size;
    let newlines = 0;
    let cut = -1;
    // The file ends with a newline: the cut follows the (INCREMENT + 1)-th newline from the end.
    while (cut === -1 && end > 0) {
      const from = Math.max(0, end - chunk.length);
      fs.readSync(fd, chunk, 0, end - from, from);
      for (let i = end - from - 1; i >= 0; i--) {
        if (chunk[i] === 0x0a && ++newlines === INCREMENT + 1) {
          cut = from + i + 1;
          break;
        }
      }
      end = from;
    }
    if (cut === -1) throw new Error(`${file} has fewer than ${INCREMENT + 1} lines`);
    fs.copyFileSync(file, base);
    fs.truncateSync(base, cut);
    const tail = Buffer.alloc(size - cut);
    fs.readSync(fd, tail, 0, tail.length, cut);
    fs.writeFileSync(inc, tail);
  } finally {
    fs.closeSync(fd);
  }
  return { base, inc };
}

export default async function linkBench({ workDir, sizes }) {
  console.log('\n## linking');
  row(['reports', 'run', 'wall s', 'reports/s', 'peak RSS', 'result']);
  for (const n of sizes) {
    const file = path.join(workDir, `demo-${n}.ndjson`);
    if (!fs.existsSync(file)) runCli(['demo', '--reports', String(n), '--seed', '42', '--out', file]);
    const { base, inc } = split(file, workDir, n);
    const db = path.join(workDir, `link-${n}.db`);
    for (const f of [db, `${db}-wal`, `${db}-shm`]) fs.rmSync(f, { force: true });
    const imported = runCli(['import', base, '--db', db, '--json']);
    row([n, 'import', imported.seconds.toFixed(1), Math.round(n / imported.seconds), mib(imported.peakRss), '']);
    const full = runCli(['link', '--full', '--db', db, '--json']);
    const fr = JSON.parse(full.stdout);
    row([
      n,
      'link --full',
      full.seconds.toFixed(1),
      Math.round(fr.reports / full.seconds),
      mib(full.peakRss),
      `${fr.series} series, ${fr.overThreshold} over (engine ${(fr.elapsedMs / 1000).toFixed(1)} s)`,
    ]);
    const baseline = runBaseline(db);
    row([
      n,
      'baseline (union)',
      baseline.seconds.toFixed(1),
      Math.round(baseline.result.reports / baseline.seconds),
      mib(baseline.peakRss),
      `${baseline.result.groups} groups`,
    ]);
    runCli(['import', inc, '--db', db, '--json']);
    const incremental = runCli(['link', '--db', db, '--json']);
    const ir = JSON.parse(incremental.stdout);
    row([
      n,
      `link +${INCREMENT} (incr.)`,
      incremental.seconds.toFixed(2),
      Math.round(ir.changed / incremental.seconds),
      mib(incremental.peakRss),
      `${ir.changed} changed, ${ir.reports} relinked, engine ${(ir.elapsedMs / 1000).toFixed(2)} s`,
    ]);
  }
}
