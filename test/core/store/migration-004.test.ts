// Migration 004 (linking): its tables, and query plans of the hot lookups use their indexes.
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../src/core/store/db';
import { MIGRATIONS } from '../../../src/core/store/migrations';

const plan = (db: Database.Database, sql: string): string =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((p) => p.detail).join(' | ');

describe('migration 004 linking', () => {
  const db = new Database(':memory:');
  migrate(db, MIGRATIONS.slice(0, 4));

  it('creates the linking tables', () => {
    expect(schemaVersion(db)).toBe(4);
    const names = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[]).sort();
    for (const t of ['series', 'series_member', 'link', 'series_note', 'ignore_value', 'link_hub', 'text_sig', 'link_dirty', 'link_run'])
      expect(names).toContain(t);
  });

  it('lists series by loss without sorting', () => {
    const p = plan(db, 'SELECT id FROM series WHERE active = 1 ORDER BY sort_cents DESC');
    expect(p).toContain('series_by_loss');
    expect(p).not.toContain('TEMP B-TREE');
  });

  it('finds a series members, a report series, links by either end, notes, text windows and changed reports by index', () => {
    expect(plan(db, "SELECT rid FROM series_member WHERE series_id = 'S-1'")).toContain('series_member_series');
    expect(plan(db, 'SELECT series_id FROM series_member WHERE rid = 1')).toMatch(/INTEGER PRIMARY KEY|PRIMARY KEY/);
    expect(plan(db, 'SELECT * FROM link WHERE a = 1')).toContain('PRIMARY KEY');
    expect(plan(db, 'SELECT * FROM link WHERE b = 1')).toContain('link_b');
    expect(plan(db, "SELECT * FROM series_note WHERE series_id = 'S-1' ORDER BY at")).toContain('series_note_series');
    expect(plan(db, "SELECT rid, sig FROM text_sig WHERE category = 'loan' AND day BETWEEN 1 AND 15")).toContain('text_sig_window');
    expect(plan(db, "SELECT rid FROM report WHERE updated_at >= '2025'")).toContain('report_updated');
    expect(
      plan(
        db,
        "SELECT DISTINCT rid FROM identifier WHERE domain = 'example.cn' AND kind = 'url' AND coalesce(subtype, '') NOT IN ('short_link', 'app_link')",
      ),
    ).toContain('COVERING INDEX identifier_domain');
    expect(plan(db, "SELECT rid FROM identifier WHERE kind = 'phone' AND value = '+8613800138000'")).toContain(
      'COVERING INDEX identifier_link',
    );
    expect(
      plan(db, 'SELECT rid, id, category, precinct, reported_ms, loss_cents, currency, withdrawn FROM report INDEXED BY report_link'),
    ).toContain('COVERING INDEX report_link');
    const grouped = plan(
      db,
      'SELECT kind, value, min(subtype), min(domain), group_concat(rid) FROM identifier INDEXED BY identifier_link GROUP BY kind, value HAVING count(*) > 1',
    );
    expect(grouped).toContain('COVERING INDEX identifier_link');
    expect(grouped).not.toContain('TEMP B-TREE');
  });
});
