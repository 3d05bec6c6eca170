import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import fs from 'node:fs';
import { migrate, openStore, schemaVersion, StoreError } from '../../../src/core/store/db';
import { MIGRATIONS } from '../../../src/core/store/migrations';
import { tempDir } from '../../support/tmp';

const tables = (db: Database.Database): string[] =>
  (
    db
      .prepare(
        "SELECT name FROM sqlite_schema WHERE type IN ('table') AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'report_text_%' ORDER BY name",
      )
      .all() as { name: string }[]
  ).map((r) => r.name);

describe('migrations', () => {
  it('are numbered 1..n in one monotonic list', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('001 creates reports, versions, identifiers, messages, FTS, quarantine, sources and settings', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.slice(0, 1));
    expect(schemaVersion(db)).toBe(1);
    expect(tables(db)).toEqual(['identifier', 'message', 'quarantine', 'report', 'report_text', 'report_version', 'setting', 'source']);
    // The reports list pages by date without a table scan.
    const plan = db
      .prepare('EXPLAIN QUERY PLAN SELECT id, category FROM report WHERE withdrawn = 0 ORDER BY reported_ms DESC LIMIT 50')
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING (COVERING )?INDEX report_reported/);
    const lookup = db.prepare("EXPLAIN QUERY PLAN SELECT rid FROM identifier WHERE kind = 'phone' AND value = '+8613800138000'").all() as {
      detail: string;
    }[];
    expect(lookup.map((p) => p.detail).join(' ')).toContain('identifier_value');
  });

  it('002 adds an audit log that refuses updates and deletes', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.slice(0, 1));
    migrate(db, MIGRATIONS.slice(0, 2));
    expect(schemaVersion(db)).toBe(2);
    db.prepare("INSERT INTO audit_log (at, actor, action) VALUES ('2024-01-01T00:00:00Z', 'li', 'import')").run();
    expect(() => db.prepare("UPDATE audit_log SET actor = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(db.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual({ n: 1 });
  });

  it('runs each migration in one transaction: a failing one leaves the previous version intact', () => {
    const db = new Database(':memory:');
    const broken = [...MIGRATIONS.slice(0, 1), { version: 2, name: 'broken', up: 'CREATE TABLE half (x); SELECT * FROM no_such_table;' }];
    expect(() => migrate(db, broken)).toThrow();
    expect(schemaVersion(db)).toBe(1);
    expect(tables(db)).not.toContain('half');
  });

  it('refuses a store written by a newer version, with a clear message, and leaves it untouched', () => {
    const file = path.join(tempDir(), 'newer.db');
    const raw = new Database(file);
    raw.pragma(`user_version = ${MIGRATIONS.length + 5}`);
    raw.close();
    const before = fs.readFileSync(file);
    expect(() => openStore(file)).toThrow(StoreError);
    expect(() => openStore(file)).toThrow(/newer Casegraph/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('opens a store file with WAL, foreign keys, private permissions, idempotently', () => {
    const file = path.join(tempDir(), 'nested', 'store.db');
    const db = openStore(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    db.close();
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const again = openStore(file);
    expect(schemaVersion(again)).toBe(MIGRATIONS.length);
    again.close();
  });
});
