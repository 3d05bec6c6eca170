import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../src/core/store/db';
import { MIGRATIONS } from '../../../src/core/store/migrations';

const columns = (db: Database.Database, table: string): string[] =>
  (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);

describe('migration 003 (sync)', () => {
  it('adds the sealed token and soft removal to sources, keeping existing rows', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.slice(0, 2));
    db.prepare("INSERT INTO source (kind, name, created_at) VALUES ('file', 'a.ndjson', '2024-01-01T00:00:00Z')").run();
    migrate(db, MIGRATIONS.slice(0, 3));
    expect(schemaVersion(db)).toBe(3);
    expect(columns(db, 'source')).toEqual(expect.arrayContaining(['token_sealed', 'removed_at', 'cursor', 'last_run_at', 'last_error']));
    expect(db.prepare('SELECT name, token_sealed, removed_at FROM source').all()).toEqual([
      { name: 'a.ndjson', token_sealed: null, removed_at: null },
    ]);
  });

  it('allows one feed row per (url, precinct), and any number of other sources', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.slice(0, 3));
    const add = db.prepare("INSERT INTO source (kind, name, url, precinct, created_at) VALUES (?, ?, ?, ?, '2024-01-01T00:00:00Z')");
    add.run('feed', 'P @ https://a', 'https://a', 'P');
    add.run('feed', 'Q @ https://a', 'https://a', 'Q');
    expect(() => add.run('feed', 'other name', 'https://a', 'P')).toThrow(/UNIQUE/);
    add.run('file', 'x', null, null);
    add.run('file', 'y', null, null);
  });

  it('records sync runs with a checked status, listed per source through an index', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.slice(0, 3));
    db.prepare("INSERT INTO source (id, kind, name, url, precinct, created_at) VALUES (1, 'feed', 'P', 'https://a', 'P', 'now')").run();
    db.prepare("INSERT INTO sync_run (source_id, started_at, status) VALUES (1, 'now', 'running')").run();
    expect(() => db.prepare("INSERT INTO sync_run (source_id, started_at, status) VALUES (1, 'now', 'weird')").run()).toThrow(/CHECK/);
    expect(db.prepare('SELECT pages, received, new, quarantined FROM sync_run').get()).toEqual({
      pages: 0,
      received: 0,
      new: 0,
      quarantined: 0,
    });
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT * FROM sync_run WHERE source_id = 1 ORDER BY id DESC LIMIT 20').all() as {
      detail: string;
    }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('sync_run_source');
    expect(plan.map((p) => p.detail).join(' ')).not.toContain('TEMP B-TREE');
  });
});
