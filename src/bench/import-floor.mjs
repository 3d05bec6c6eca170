// `node src/bench/import-floor.mjs [reports]`: builds import-floor.ts for Node with Vite (as the
// app's own build does) and runs it on the benchmark's demo file (BENCH_DIR, generated when missing).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { build } from 'vite';
import { ROOT, runCli } from './measure.mjs';

const reports = Number(process.argv[2] ?? 50_000);
const workDir = process.env.BENCH_DIR ?? path.join(os.tmpdir(), 'casegraph-bench');
fs.mkdirSync(workDir, { recursive: true });
const file = path.join(workDir, 'demo-100000.ndjson');
if (!fs.existsSync(file)) runCli(['demo', '--reports', '100000', '--seed', '42', '--out', file]);

// Inside the project, so that the built file finds better-sqlite3-multiple-ciphers in node_modules.
const outDir = path.join(ROOT, 'out', 'bench');
await build({
  root: ROOT,
  logLevel: 'warn',
  configFile: false,
  build: {
    ssr: path.join(ROOT, 'src', 'bench', 'import-floor.ts'),
    outDir,
    emptyOutDir: true,
    target: 'node20',
    rolldownOptions: { external: ['better-sqlite3-multiple-ciphers'], output: { entryFileNames: 'import-floor.mjs' } },
  },
});
const r = spawnSync(process.execPath, [path.join(outDir, 'import-floor.mjs'), file, String(reports)], { stdio: 'inherit', cwd: ROOT });
process.exitCode = r.status ?? 1;
