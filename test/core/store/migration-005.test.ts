// Migration 005: investigators' ignore-list rows gain `ignored` (0: a shipped default turned off);
// rows from before the migration stay ignored.
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../src/core/store/db';
import { MIGRATIONS } from '../../../src/core/store/migrations';

describe('migration 005 ignore override', () => {
  it('keeps existing entries ignored and accepts only 0 or 1', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.slice(0, 4));
    db.prepare("INSERT INTO ignore_value (kind, value, note, added_at) VALUES ('phone', '+8613800138000', 'x', '2025-01-01')").run();
    migrate(db, MIGRATIONS.slice(0, 5));
    expect(schemaVersion(db)).toBe(5);
    expect(db.prepare('SELECT kind, value, ignored FROM ignore_value').all()).toEqual([
      { kind: 'phone', value: '+8613800138000', ignored: 1 },
    ]);
    db.prepare("INSERT INTO ignore_value (kind, value, added_at, ignored) VALUES ('domain', 'taobao.com', '2025-01-02', 0)").run();
    expect(() =>
      db.prepare("INSERT INTO ignore_value (kind, value, added_at, ignored) VALUES ('domain', 'jd.com', '2025-01-02', 2)").run(),
    ).toThrow(/CHECK/);
  });
});
