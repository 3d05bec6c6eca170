// Import benchmark: demo NDJSON files of 100k and 1M reports imported into fresh stores.
// Prints reports/s, wall time, peak RSS and store size per report. Target: >= 50,000 reports/s,
// memory flat in file size.
import fs from 'node:fs';
import path from 'node:path';
import { mib, row, runCli } from './measure.mjs';

export function importBench(workDir, sizes) {
  console.log('\n## import (NDJSON → store)');
  row(['reports', 'file', 'wall s', 'reports/s', 'peak RSS', 'store bytes/report']);
  for (const n of sizes) {
    const file = path.join(workDir, `demo-${n}.ndjson`);
    if (!fs.existsSync(file)) runCli(['demo', '--reports', String(n), '--seed', '42', '--out', file]);
    const db = path.join(workDir, `import-${n}.db`);
    for (const f of [db, `${db}-wal`, `${db}-shm`]) fs.rmSync(f, { force: true });
    const r = runCli(['import', file, '--db', db, '--json']);
    const result = JSON.parse(r.stdout);
    const records = result.new + result.updated + result.unchanged + result.withdrawn + result.rejected;
    const storeBytes = fs.statSync(db).size + (fs.existsSync(`${db}-wal`) ? fs.statSync(`${db}-wal`).size : 0);
    row([
      n,
      mib(fs.statSync(file).size),
      r.seconds.toFixed(1),
      Math.round(records / r.seconds),
      mib(r.peakRss),
      Math.round(storeBytes / n),
    ]);
  }
}
