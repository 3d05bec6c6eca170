// Migration 008: indexes for the series list's orders and for retired series' successors, the
// per-series figures cache, the overview cache and the series a correction was made in.
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../src/core/store/db';
import { MIGRATIONS } from '../../../src/core/store/migrations';

const plan = (db: Database.Database, sql: string, ...params: unknown[]): string =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((p) => p.detail).join(' | ');

describe('migration 008 analysis', () => {
  it('serves the series list orders from indexes and keeps existing rows', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, 7));
    db.prepare(
      "INSERT INTO series (id, canonical, size, loss, sort_cents, created_run, updated_run) VALUES ('S-1', 'R-1', 2, '{}', 0, 1, 1)",
    ).run();
    db.prepare("INSERT INTO link_override (action, rid, reason, actor, at) VALUES ('split', 7, 'why', 'li', '2026-11-24T10:00:00Z')").run();
    migrate(db, MIGRATIONS.slice(0, 8));
    expect(schemaVersion(db)).toBe(8);
    expect(db.prepare('SELECT id, merged_into FROM series').all()).toEqual([{ id: 'S-1', merged_into: null }]);
    expect(db.prepare('SELECT series_id FROM link_override').all()).toEqual([{ series_id: null }]);

    const cols = 'SELECT id FROM series WHERE active = 1';
    expect(plan(db, `${cols} ORDER BY over_threshold DESC, sort_cents DESC, id DESC LIMIT 50`)).toMatch(/series_by_over/);
    expect(plan(db, `${cols} ORDER BY over_threshold DESC, sort_cents DESC, id DESC LIMIT 50`)).not.toMatch(/TEMP B-TREE/);
    expect(plan(db, `${cols} AND over_threshold = 1 ORDER BY over_at_ms DESC LIMIT 10`)).toMatch(/series_by_over_at/);
    expect(plan(db, `${cols} ORDER BY size DESC LIMIT 50`)).toMatch(/series_by_size/);
    expect(plan(db, `${cols} ORDER BY last_ms DESC LIMIT 50`)).toMatch(/series_by_last/);
    expect(plan(db, `${cols} ORDER BY first_ms DESC LIMIT 50`)).toMatch(/series_by_first/);
    expect(plan(db, 'SELECT id FROM series WHERE merged_into = ?', 'S-1')).toMatch(/series_merged_into/);
    expect(plan(db, 'SELECT id FROM link_override WHERE series_id = ?', 'S-1')).toMatch(/link_override_series/);

    db.prepare("INSERT INTO series_stat (series_id, run, victims, categories) VALUES ('S-1', 1, 2, '[\"loan\"]')").run();
    db.prepare("INSERT INTO analysis_cache (key, stamp, body) VALUES ('overview', 'x', '{}')").run();
    expect(() => db.prepare("INSERT INTO analysis_cache (key, stamp, body) VALUES ('overview', 'y', '{}')").run()).toThrow(/UNIQUE/);
  });
});
