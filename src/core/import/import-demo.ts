// Filling a store with the synthetic precinct (`casegraph demo`, the app's first-run offer).
// The generated records go through the same validation and ingest as any file, in batches,
// so the demo exercises exactly the path real data takes.

import { generateDemo } from '../demo';
import { Ingestor, PendingText, count, emptyCounts, type Counts } from '../ingest/ingest';
import { prepareReport } from '../ingest/prepare';
import { parseRecord } from '../report/parse';
import { appendAudit } from '../store/audit';
import type { Db } from '../store/db';
import { ensureSource } from '../store/sources';

export const DEFAULT_DEMO_REPORTS = 5000;
export const DEFAULT_DEMO_SEED = 1;

export interface DemoImportOptions {
  readonly reports?: number;
  readonly seed?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface DemoImportResult extends Counts {
  readonly reports: number;
  readonly seed: number;
  readonly cancelled: boolean;
  readonly elapsedMs: number;
}

const BATCH = 2000;

export async function importDemo(db: Db, options: DemoImportOptions = {}): Promise<DemoImportResult> {
  const started = performance.now();
  const reports = options.reports ?? DEFAULT_DEMO_REPORTS;
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const ingestor = new Ingestor(db, ensureSource(db, 'demo', `demo seed ${seed}`));
  const counts = emptyCounts();
  let done = 0;
  let cancelled = false;
  let batch: string[] = [];
  const pending = new PendingText();
  const flush = db.transaction((lines: readonly string[]) => {
    for (const line of lines) {
      const parsed = parseRecord(JSON.parse(line));
      // The generator only makes valid records; a failure here is a bug worth surfacing.
      if (!parsed.ok)
        throw new Error(`demo generator made an invalid record ${parsed.error.id ?? ''}: ${parsed.error.field} ${parsed.error.reason}`);
      count(counts, ingestor.applyPrepared(prepareReport(parsed.value.record, parsed.value.reportedMs), line, pending));
    }
    // The full-text index last, in one go (see PendingText).
    ingestor.writeText(pending);
  });
  for (const item of generateDemo({ reports, seed })) {
    batch.push(JSON.stringify(item.record));
    if (batch.length >= BATCH) {
      flush(batch);
      done += batch.length;
      batch = [];
      options.onProgress?.(done, reports);
      // Let the event loop serve other requests (the UI's queries, a cancel) between batches.
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (options.signal?.aborted) {
        cancelled = true;
        break;
      }
    }
  }
  if (!cancelled && batch.length) {
    flush(batch);
    done += batch.length;
  }
  options.onProgress?.(done, reports);
  appendAudit(db, { action: 'demo', subject: `seed ${seed}`, detail: { reports, ...counts, cancelled } });
  return { ...counts, reports, seed, cancelled, elapsedMs: Math.round(performance.now() - started) };
}
