// Stores with real SQLite files filled through the real ingest path, with a clock that ticks,
// so that update times (which incremental linking follows) always move forward.
import path from 'node:path';
import type { ReportRecord } from '../../../src/common/model';
import { Ingestor } from '../../../src/core/ingest/ingest';
import { parseRecord } from '../../../src/core/report/parse';
import { openStore, type Db } from '../../../src/core/store/db';
import { ensureSource } from '../../../src/core/store/sources';
import { tempDir } from '../../support/tmp';

let tick = Date.UTC(2025, 0, 1);
export const clock = (): string => new Date((tick += 1000)).toISOString();

export function testStore(): { db: Db; file: string } {
  const file = path.join(tempDir(), 'store.db');
  return { db: openStore(file), file };
}

export function ingest(db: Db, records: readonly (ReportRecord | { id: string; version: number; deleted: true })[]): void {
  const ingestor = new Ingestor(db, ensureSource(db, 'file', 'test'), clock);
  db.transaction(() => {
    for (const r of records) {
      const parsed = parseRecord(JSON.parse(JSON.stringify(r)));
      if (!parsed.ok) throw new Error(`bad test record ${r.id}: ${parsed.error.field} ${parsed.error.reason}`);
      ingestor.apply(parsed.value.record, parsed.value.reportedMs, JSON.stringify(r));
    }
  })();
}

let day = 0;
export function report(id: string, fields: Partial<ReportRecord> = {}): ReportRecord {
  day += 1;
  return {
    id,
    version: 1,
    precinct: 'NJ-XUANWU',
    reported_at: new Date(Date.UTC(2025, 0, 1) + (day % 20) * 86_400_000).toISOString().replace('.000Z', '+00:00'),
    category: 'part_time_job',
    loss: { amount: '1000.00', currency: 'CNY' },
    ...fields,
  };
}

export const card = (value: string): { kind: 'bank_card'; value: string; role: string } => ({ kind: 'bank_card', value, role: 'payee' });
export const phone = (value: string): { kind: 'phone'; value: string; role: string } => ({ kind: 'phone', value, role: 'caller' });

/** The store's series as `id:member,member…` lines, ordered: two stores compared whole. */
export const partition = (db: Db): string[] =>
  (
    db
      .prepare(
        'SELECT m.series_id, group_concat(r.id) FROM series_member m JOIN report r ON r.rid = m.rid GROUP BY m.series_id ORDER BY m.series_id',
      )
      .raw()
      .all() as [string, string][]
  ).map(([s, ids]) => `${s}:${ids.split(',').sort().join(',')}`);
