// Fuzzing the report-file import on a real store: NDJSON files of valid records mixed with
// garbage lines (random bytes, truncated JSON, records with a field broken). Every line is
// counted once, as stored or as refused naming its line; what a refused line would have changed
// is not in the store; and the same file imported again changes nothing.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../src/core/import/import-files';
import { openStore } from '../../src/core/store/db';
import { tempDir } from '../support/tmp';
import { budget, LONG } from './budget';

const record = (i: number): Record<string, unknown> => ({
  id: `FZ-${i}`,
  version: 1,
  precinct: 'NJ-XUANWU',
  reported_at: '2025-06-03T09:12:00+08:00',
  category: 'part_time_job',
  loss: { amount: `${100 + i}.00`, currency: 'CNY' },
  identifiers: [{ kind: 'phone', value: `1390514${String(1000 + i).slice(-4)}`, role: 'caller' }],
});

type Line = { valid: true; i: number } | { valid: false; text: string };

const garbage: fc.Arbitrary<string> = fc.oneof(
  fc.uint8Array({ minLength: 1, maxLength: 60 }).map((a) =>
    Buffer.from(a)
      .toString('latin1')
      .replace(/[\r\n]/g, ' '),
  ),
  fc.nat({ max: 500 }).map((i) => JSON.stringify(record(10_000 + i)).slice(0, 20 + (i % 40))),
  fc
    .tuple(
      fc.nat({ max: 500 }),
      fc.constantFrom<[string, unknown]>(
        ['version', -1],
        ['version', '1'],
        ['reported_at', 'yesterday'],
        ['loss', { amount: 5, currency: 'CNY' }],
        ['loss', { amount: '5', currency: 'XYZ' }],
        ['id', ''],
        ['id', 'a\u0007b'],
        ['precinct', 42],
      ),
    )
    .map(([i, [f, v]]) => JSON.stringify({ ...record(20_000 + i), [f]: v })),
  fc.constantFrom('[]', '"text"', '42', '{}', 'null', '{"id":"x"}'),
);

const lines: fc.Arbitrary<Line[]> = fc.array(
  fc.oneof(
    { arbitrary: fc.nat({ max: 60 }).map((i): Line => ({ valid: true, i })), weight: 3 },
    { arbitrary: garbage.map((text): Line => ({ valid: false, text })), weight: 2 },
  ),
  { minLength: 1, maxLength: 40 },
);

describe('importing report files', () => {
  it('stores every valid record once and refuses every other line by number', { timeout: LONG ? 1_200_000 : 120_000 }, async () => {
    const dir = tempDir();
    let n = 0;
    await fc.assert(
      fc.asyncProperty(lines, async (ls) => {
        const file = path.join(dir, `in-${n}.ndjson`);
        const db = openStore(path.join(dir, `store-${n++}.db`));
        try {
          fs.writeFileSync(file, ls.map((l) => (l.valid ? JSON.stringify(record(l.i)) : l.text)).join('\n') + '\n');
          const result = await importFiles(db, [{ path: file }], { workerFile: null, keepRejections: 1000 });
          const valid = ls.filter((l): l is Extract<Line, { valid: true }> => l.valid);
          const distinct = new Set(valid.map((l) => l.i));
          // A garbage line that is blank after trimming is no record at all.
          const refusedLines = ls.map((l, k) => (l.valid || l.text.trim() === '' ? -1 : k + 1)).filter((k) => k > 0);
          expect(result.new).toBe(distinct.size);
          expect(result.unchanged).toBe(valid.length - distinct.size);
          expect(result.rejected).toBe(refusedLines.length);
          const named = result.rejections.map((r) => Number(new RegExp(`^in-${n - 1}\\.ndjson line (\\d+)`).exec(r.where)?.[1]));
          expect(named.sort((a, b) => a - b)).toEqual(refusedLines);
          for (const r of result.rejections) expect(r.reason.length).toBeGreaterThan(0);
          const ids = db.prepare('SELECT id FROM report ORDER BY id').pluck().all();
          expect(ids).toEqual([...distinct].map((i) => `FZ-${i}`).sort());
          const again = await importFiles(db, [{ path: file }], { workerFile: null });
          expect(again.new + again.updated + again.withdrawn).toBe(0);
          expect(db.prepare('SELECT count(*) FROM report').pluck().get()).toBe(distinct.size);
        } finally {
          db.close();
          fs.rmSync(file, { force: true });
        }
      }),
      budget(40),
    );
  });
});
