// `npm run bench`: the speed and memory targets, measured on the built CLI (never in unit tests).
// BENCH_SIZES=100000,1000000 by default; BENCH_DIR keeps the generated files between runs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importBench } from './import-bench.mjs';
import { useBenchPassphrase } from './open-store.mjs';

useBenchPassphrase();

const sizes = (process.env.BENCH_SIZES ?? '100000,1000000').split(',').map(Number);
const workDir = process.env.BENCH_DIR ?? path.join(os.tmpdir(), 'casegraph-bench');
fs.mkdirSync(workDir, { recursive: true });
console.log(`# Casegraph benchmarks — ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
importBench(workDir, sizes);
for (const extra of ['link-bench.mjs', 'analysis-bench.mjs', 'sync-bench.mjs', 'bundle-bench.mjs', 'statements-bench.mjs']) {
  const file = path.join(import.meta.dirname, extra);
  if (fs.existsSync(file)) await (await import(file)).default({ workDir, sizes });
}
