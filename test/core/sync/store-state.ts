// What "the same store" means for the sync tests: every table a sync writes, without the columns
// that legitimately differ between two stores (row ids, timestamps, which source delivered it,
// where a quarantined record sat in its file or page). Quarantine rows are compared as a set,
// since a replayed invalid record is set aside each time it arrives.
import path from 'node:path';
import { trigramQuery } from '../../../src/core/report/queries';
import { importFiles } from '../../../src/core/import/import-files';
import { openStore, type Db } from '../../../src/core/store/db';
import { writeNdjson } from '../../feed-server/fixtures';

export interface StoreState {
  readonly reports: unknown[];
  readonly versions: unknown[];
  readonly identifiers: unknown[];
  readonly messages: unknown[];
  readonly searchable: unknown[];
  readonly quarantine: unknown[];
}

export function storeState(db: Db): StoreState {
  const all = (sql: string): unknown[] => db.prepare(sql).all();
  return {
    reports:
      all(`SELECT id, version, withdrawn, precinct, reported_at, reported_ms, occurred_at, category, category_raw, loss_cents, currency,
                  victim, location, narrative FROM report ORDER BY id`),
    versions: all('SELECT report_id, version, deleted, body FROM report_version ORDER BY report_id, version'),
    identifiers: all(`SELECT r.id, i.kind, i.value, i.raw, i.role, i.origin, i.subtype, i.domain, i.luhn
                      FROM identifier i JOIN report r USING (rid) ORDER BY 1, 2, 3, 4, 5, 6`),
    messages: all('SELECT r.id, m.seq, m.channel, m.sender, m.text, m.at FROM message m JOIN report r USING (rid) ORDER BY 1, 2'),
    // Which reports the full-text index offers for a phrase of every fixture narrative, and for
    // one of the second versions only (the index must have dropped the first versions' text).
    searchable: [
      all(
        `SELECT r.id FROM report_text t JOIN report r ON r.rid = t.rowid WHERE report_text MATCH '${trigramQuery('自称客服')}' ORDER BY 1`,
      ),
      all(
        `SELECT r.id FROM report_text t JOIN report r ON r.rid = t.rowid WHERE report_text MATCH '${trigramQuery('，版本2。')}' ORDER BY 1`,
      ),
    ],
    quarantine: all('SELECT DISTINCT record_id, field, reason, raw FROM quarantine ORDER BY 1, 2, 3, 4'),
  };
}

/** The state a plain import of the same records, in the same order, produces. */
export async function importedState(dir: string, records: readonly unknown[], name = 'direct'): Promise<StoreState> {
  const db = openStore(path.join(dir, `${name}.db`));
  try {
    await importFiles(db, [{ path: writeNdjson(path.join(dir, `${name}.ndjson`), records) }]);
    return storeState(db);
  } finally {
    db.close();
  }
}

export const sourceCursor = (db: Db, sourceId: number): string | null =>
  (db.prepare('SELECT cursor FROM source WHERE id = ?').get(sourceId) as { cursor: string | null }).cursor;

/** Fast bounds so that fault tests take milliseconds, not minutes. */
export const FAST = {
  timeoutMs: 200,
  attempts: 5,
  backoff: { baseMs: 1, maxMs: 10 },
  maxRetryAfterMs: 3000,
  throttleRetries: 5,
} as const;
