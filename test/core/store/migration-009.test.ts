// Migration 009: the full-text index keeps no positions (detail=none). A store made before it
// is indexed again from its stored fields, and every search answers exactly as it did.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { queryReports } from '../../../src/core/backend/report-queries';
import { importDemo } from '../../../src/core/import/import-demo';
import { openStore, schemaVersion } from '../../../src/core/store/db';
import { MIGRATIONS } from '../../../src/core/store/migrations';
import { tempDir } from '../../support/tmp';

// Chinese phrases of the demo's narratives and messages, an SMS sender, a reported URL, a
// two-character word (no index), a phone as typed, and a phrase found nowhere.
const SEARCHES = ['安全账户', '刷单', '客服', '国家安全账户', '远程审讯', '腾讯会议', '垫付', '1069', 'http', '积分兑换', '138 0013 8000', '不存在的词语'];

describe('migration 009 search-detail-none', () => {
  it('indexes an existing store again, and every search answers as before', async () => {
    const file = path.join(tempDir(), 'store.db');
    const old = openStore(file, { migrations: MIGRATIONS.slice(0, 8) });
    await importDemo(old, { reports: 3000, seed: 5 });
    // Revisions and withdrawals of the demo are in the store: their old text must not be found.
    expect(old.prepare('SELECT count(*) FROM report WHERE version > 1').pluck().get()).toBeGreaterThan(0);
    expect(old.prepare('SELECT count(*) FROM report WHERE withdrawn = 1').pluck().get()).toBeGreaterThan(0);
    const before = new Map<string, unknown>();
    for (const text of SEARCHES) before.set(text, queryReports(old, { text, offset: 0, limit: 5000, includeWithdrawn: true }));
    // The same answers as the phrase queries of the positional index it replaces.
    for (const text of SEARCHES.filter((t) => [...t].length >= 3 && !/\d{5}/.test(t.replace(/\D/g, '')))) {
      const phrase = old.prepare(`SELECT r.id FROM report_text JOIN report r ON r.rid = report_text.rowid WHERE report_text MATCH ? AND r.reported_at IS NOT NULL`).pluck().all(`"${text}"`) as string[];
      const found = (before.get(text) as { rows: { id: string }[] }).rows.map((r) => r.id);
      expect(found.sort(), text).toEqual(phrase.sort());
    }
    const sizeBefore = old.prepare("SELECT sum(length(block)) FROM report_text_data").pluck().get() as number;
    old.close();

    const db = openStore(file);
    expect(schemaVersion(db)).toBe(9);
    expect(db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'report_text'").pluck().get()).toMatch(/detail = none/);
    for (const text of SEARCHES) expect(queryReports(db, { text, offset: 0, limit: 5000, includeWithdrawn: true }), text).toEqual(before.get(text));
    expect(before.get('国家安全账户')).toMatchObject({ total: expect.any(Number) });
    expect((before.get('国家安全账户') as { total: number }).total).toBeGreaterThan(0);
    const sizeAfter = db.prepare("SELECT sum(length(block)) FROM report_text_data").pluck().get() as number;
    expect(sizeAfter).toBeLessThan(sizeBefore * 0.6);
    // The index is consistent and keeps its settings.
    expect(() => db.exec("INSERT INTO report_text (report_text) VALUES ('integrity-check')")).not.toThrow();
    expect(db.prepare("SELECT v FROM report_text_config WHERE k = 'automerge'").pluck().get()).toBe(8);
    db.close();
  });
});
