// Migration 007: cases, investigators' corrections, trusted keys and imported bundles. Existing
// series keep their rows (merged_into empty); statuses and actions outside the lists are refused.
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../src/core/store/db';
import { MIGRATIONS } from '../../../src/core/store/migrations';

describe('migration 007 cases and sharing', () => {
  it('adds case files, corrections and sharing tables without touching existing series', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, 6));
    db.prepare(
      "INSERT INTO series (id, canonical, size, loss, sort_cents, created_run, updated_run) VALUES ('S-1', 'R-1', 2, '{}', 0, 1, 1)",
    ).run();
    migrate(db, MIGRATIONS.slice(0, 7));
    expect(schemaVersion(db)).toBe(7);
    expect(db.prepare('SELECT id, merged_into FROM series').all()).toEqual([{ id: 'S-1', merged_into: null }]);

    const now = '2026-11-24T10:00:00Z';
    db.prepare("INSERT INTO case_file (id, title, created_at, created_by, updated_at) VALUES ('CASE-1', '刷单诈骗系列', ?, 'li', ?)").run(
      now,
      now,
    );
    expect(db.prepare('SELECT status FROM case_file').get()).toEqual({ status: 'new' });
    expect(() => db.prepare("UPDATE case_file SET status = 'lost'").run()).toThrow(/CHECK/);
    db.prepare("INSERT INTO case_series (case_id, series_id, added_at) VALUES ('CASE-1', 'S-1', ?)").run(now);
    expect(() => db.prepare("INSERT INTO case_series (case_id, series_id, added_at) VALUES ('CASE-1', 'S-404', ?)").run(now)).toThrow(
      /FOREIGN KEY/,
    );

    db.prepare("INSERT INTO link_override (action, rid, reason, actor, at) VALUES ('split', 7, 'different victim', 'li', ?)").run(now);
    expect(() =>
      db.prepare("INSERT INTO link_override (action, rid, reason, actor, at) VALUES ('forget', 7, 'x', 'li', ?)").run(now),
    ).toThrow(/CHECK/);
    const plan = (
      db.prepare('EXPLAIN QUERY PLAN SELECT * FROM link_override WHERE rid = ? AND revoked_at IS NULL').all(7) as { detail: string }[]
    )
      .map((p) => p.detail)
      .join(' | ');
    expect(plan).toContain('link_override_rid');

    expect(() =>
      db
        .prepare(
          "INSERT INTO bundle_import (manifest_sha256, source_id, bureau, workstation, signer_fingerprint, trusted, redaction, created_at, imported_at, imported_by, reports) VALUES ('x', 99, 'b', 'w', 'f', 1, 'none', ?, ?, 'li', 1)",
        )
        .run(now, now),
    ).toThrow(/FOREIGN KEY/);
  });
});
