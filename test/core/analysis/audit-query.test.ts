// The audit log's filters on a real store: the time range is two instants (the UI passes the
// bounds of the investigator's local days), so an entry made at 01:00 in Beijing belongs to
// that Beijing day and not to the UTC day before it.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { queryAudit } from '../../../src/core/analysis/audit-query';
import { openStore, type Db } from '../../../src/core/store/db';
import { tempDir } from '../../support/tmp';

let db: Db | null = null;
afterEach(() => {
  db?.close();
  db = null;
});

function storeWith(entries: readonly [at: string, action: string, subject: string][]): Db {
  const store = openStore(path.join(tempDir(), 'store.db'));
  const insert = store.prepare("INSERT INTO audit_log (at, actor, action, subject) VALUES (?, 'li.wei', ?, ?)");
  for (const [at, action, subject] of entries) insert.run(at, action, subject);
  return store;
}

describe('audit query', () => {
  it('keeps entries from `since` (inclusive) to `before` (exclusive)', () => {
    db = storeWith([
      ['2026-11-23T15:59:59.999Z', 'reveal', 'late on the 23rd in Beijing'],
      ['2026-11-23T17:00:00.000Z', 'reveal', '01:00 on the 24th in Beijing'],
      ['2026-11-24T15:59:59.999Z', 'case', 'last moment of the 24th in Beijing'],
      ['2026-11-24T16:00:00.000Z', 'case', 'first moment of the 25th in Beijing'],
    ]);
    // Beijing's 24 November.
    const day = queryAudit(db, { since: '2026-11-23T16:00:00.000Z', before: '2026-11-24T16:00:00.000Z', offset: 0, limit: 10 });
    expect(day.total).toBe(2);
    expect(day.rows.map((r) => r.subject)).toEqual(['last moment of the 24th in Beijing', '01:00 on the 24th in Beijing']);
    // Bounds written with an offset mean the same instants.
    const offset = queryAudit(db, { since: '2026-11-24T00:00:00+08:00', before: '2026-11-25T00:00:00+08:00', offset: 0, limit: 10 });
    expect(offset.rows).toEqual(day.rows);
    expect(queryAudit(db, { since: '2026-11-24T16:00:00.000Z', offset: 0, limit: 10 }).rows.map((r) => r.subject)).toEqual([
      'first moment of the 25th in Beijing',
    ]);
    expect(queryAudit(db, { before: '2026-11-23T16:00:00.000Z', offset: 0, limit: 10 }).rows.map((r) => r.subject)).toEqual([
      'late on the 23rd in Beijing',
    ]);
  });

  it('combines the range with action and words, and pages', () => {
    db = storeWith([
      ['2026-11-24T01:00:00.000Z', 'reveal', 'RPT-1'],
      ['2026-11-24T02:00:00.000Z', 'case', 'CASE-1'],
      ['2026-11-24T03:00:00.000Z', 'reveal', 'RPT-2'],
      ['2026-11-25T03:00:00.000Z', 'reveal', 'RPT-3'],
    ]);
    const q = { action: 'reveal', since: '2026-11-24T00:00:00.000Z', before: '2026-11-25T00:00:00.000Z' };
    expect(queryAudit(db, { ...q, offset: 0, limit: 1 })).toMatchObject({ total: 2, rows: [{ subject: 'RPT-2' }] });
    expect(queryAudit(db, { ...q, offset: 1, limit: 1 })).toMatchObject({ total: 2, rows: [{ subject: 'RPT-1' }] });
    expect(queryAudit(db, { ...q, text: 'RPT-1', offset: 0, limit: 10 })).toMatchObject({ total: 1 });
  });
});
