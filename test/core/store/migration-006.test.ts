// Migration 006: every link run counts active series and those over the threshold from an index.
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../src/core/store/db';
import { MIGRATIONS } from '../../../src/core/store/migrations';

describe('migration 006 series count', () => {
  it('counts active series and those over the threshold from a covering index, not the table', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.slice(0, 6));
    expect(schemaVersion(db)).toBe(6);
    const plan = (
      db
        .prepare('EXPLAIN QUERY PLAN SELECT count(*) AS series, coalesce(sum(over_threshold), 0) AS over FROM series WHERE active = 1')
        .all() as { detail: string }[]
    )
      .map((p) => p.detail)
      .join(' | ');
    expect(plan).toContain('COVERING INDEX series_active_over');
  });
});
