// Where an import spends its time, thread by thread: `node src/bench/import-profile.mjs [reports]`
// after `npx electron-vite build` (BENCH_DIR keeps the demo file between runs, TOP sets the rows).
// Imports a demo file with the built CLI under the V8 CPU profiler, which writes one profile per
// thread: the main thread runs SQLite (time inside better-sqlite3-multiple-ciphers shows as the function calling
// it: applyPrepared, writeText, exec for COMMIT), the import worker reads, parses and prepares
// records. A thread that is mostly idle is waiting for the other one, the bottleneck.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { CLI, runCli } from './measure.mjs';
import { useBenchPassphrase } from './open-store.mjs';

useBenchPassphrase();

const reports = Number(process.argv[2] ?? 100_000);
const top = Number(process.env.TOP ?? 15);
const workDir = process.env.BENCH_DIR ?? path.join(os.tmpdir(), 'casegraph-bench');
fs.mkdirSync(workDir, { recursive: true });
const file = path.join(workDir, `demo-${reports}.ndjson`);
if (!fs.existsSync(file)) runCli(['demo', '--reports', String(reports), '--seed', '42', '--out', file]);
const db = path.join(workDir, `profile-${reports}.db`);
const profDir = fs.mkdtempSync(path.join(os.tmpdir(), 'casegraph-import-profile-'));
for (const f of [db, `${db}-wal`, `${db}-shm`]) fs.rmSync(f, { force: true });

const started = process.hrtime.bigint();
const r = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', profDir, CLI, 'import', file, '--db', db, '--json'], {
  encoding: 'utf8',
});
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
if (r.status !== 0) throw new Error(`import failed (${r.status}): ${r.stderr}`);
const result = JSON.parse(r.stdout);
const records = result.new + result.updated + result.unchanged + result.withdrawn + result.rejected;
console.log(`${records} records in ${seconds.toFixed(1)} s (${Math.round(records / seconds)} reports/s, profiler on)`);

/** Self time per function of one .cpuprofile, largest first. */
function selfTimes(profile) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const { functionName, url, lineNumber } = nodes.get(id).callFrame;
    const key = `${functionName || '(anonymous)'} ${path.basename(url)}${url ? `:${lineNumber + 1}` : ''}`;
    const dt = profile.timeDeltas[i] ?? 0;
    self.set(key, (self.get(key) ?? 0) + dt);
    total += dt;
  });
  return { total, rows: [...self].sort((a, b) => b[1] - a[1]) };
}

// Thread ids are in the file names; the main thread's profile is the one with thread id 0.
for (const name of fs.readdirSync(profDir).sort()) {
  const { total, rows } = selfTimes(JSON.parse(fs.readFileSync(path.join(profDir, name), 'utf8')));
  const thread = /\.0\.\d+\.cpuprofile$/.test(name) ? 'main thread (SQLite)' : 'import worker (read, parse, prepare)';
  console.log(`\n## ${thread}: ${(total / 1e6).toFixed(1)} s profiled`);
  for (const [key, us] of rows.slice(0, top)) console.log(`${((us / total) * 100).toFixed(1).padStart(5)}%  ${key}`);
}
fs.rmSync(profDir, { recursive: true, force: true });
for (const f of [db, `${db}-wal`, `${db}-shm`]) fs.rmSync(f, { force: true });
