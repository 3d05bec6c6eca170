// Generation throughput, never a unit test: `npx vitest bench --config test/vitest.config.ts --run src/core/demo`.
// Target 200,000 records/s on the 2-core reference machine; a bigger young generation
// (node --max-semi-space-size=64) gains about a fifth, the collector being a large share.
import { bench } from 'vitest';
import { generateDemo } from '.';

bench(
  'generateDemo: 100,000 reports',
  () => {
    let n = 0;
    for (const item of generateDemo({ reports: 100_000, seed: 7 })) if (item.record.version > 0) n++;
    if (n < 100_000) throw new Error(`only ${n} records`);
  },
  { iterations: 5, warmupIterations: 1, time: 0 },
);
