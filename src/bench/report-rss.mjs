// Loaded with `node --import` into a benchmarked process: on exit it writes the process's peak
// resident set size to the file named by BENCH_RSS_FILE, so the runner can report it.
import fs from 'node:fs';

const target = process.env.BENCH_RSS_FILE;
if (target) {
  process.on('exit', () => {
    fs.writeFileSync(target, String(process.resourceUsage().maxRSS * 1024));
  });
}
