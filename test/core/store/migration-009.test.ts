// Migration 009: the full-text index keeps no positions (detail=none) and lists its trigrams
// (report_text_terms). A store made before it is indexed again from its stored fields, and every
// search answers exactly what a plain substring scan of those fields answers.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { queryReports } from '../../../src/core/report/queries';
import { importDemo } from '../../../src/core/import/import-demo';
import { openStore, schemaVersion, type Db } from '../../../src/core/store/db';
import { MIGRATIONS } from '../../../src/core/store/migrations';
import { tempDir } from '../../support/tmp';

// Chinese phrases of the demo's narratives and messages, an SMS sender, a reported URL, two- and
// one-character words, and a phrase found nowhere.
const SEARCHES = [
  '安全账户',
  '国家安全账户',
  '远程审讯',
  '腾讯会议',
  '垫付',
  '1069',
  'http',
  '积分兑换',
  '刷单',
  '客服',
  '洗钱',
  '骗',
  '鑫',
  '不存在的词语',
];

/** The reports whose searched fields contain `text`, by reading every one of them. */
function scanned(db: Db, text: string): string[] {
  const like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db
    .prepare(
      `SELECT r.id FROM report r WHERE r.reported_at IS NOT NULL AND (r.narrative LIKE @like ESCAPE '\\'
         OR EXISTS (SELECT 1 FROM message m WHERE m.rid = r.rid AND (m.text LIKE @like ESCAPE '\\' OR m.sender LIKE @like ESCAPE '\\'))
         OR EXISTS (SELECT 1 FROM identifier i WHERE i.rid = r.rid AND i.origin = 'reported' AND i.raw LIKE @like ESCAPE '\\'))`,
    )
    .pluck()
    .all({ like }) as string[];
}

const found = (db: Db, text: string): string[] =>
  queryReports(db, { text, offset: 0, limit: 10_000, includeWithdrawn: true })
    .rows.map((r) => r.id)
    .sort();

describe('migration 009 search-detail-none', () => {
  it('indexes an existing store again, and every search answers as a scan of the reports does', async () => {
    const file = path.join(tempDir(), 'store.db');
    const old = openStore(file, { migrations: MIGRATIONS.slice(0, 8) });
    await importDemo(old, { reports: 3000, seed: 5 });
    // Revisions and withdrawals of the demo are in the store: their old text must not be found.
    expect(old.prepare('SELECT count(*) FROM report WHERE version > 1').pluck().get()).toBeGreaterThan(0);
    expect(old.prepare('SELECT count(*) FROM report WHERE withdrawn = 1').pluck().get()).toBeGreaterThan(0);
    // What the positional index answered for phrases.
    const phrases = new Map<string, string[]>();
    for (const text of SEARCHES.filter((t) => [...t].length >= 3)) {
      phrases.set(
        text,
        (
          old
            .prepare(
              'SELECT r.id FROM report_text JOIN report r ON r.rid = report_text.rowid WHERE report_text MATCH ? AND r.reported_at IS NOT NULL',
            )
            .pluck()
            .all(`"${text}"`) as string[]
        ).sort(),
      );
    }
    const sizeBefore = old.prepare('SELECT sum(length(block)) FROM report_text_data').pluck().get() as number;
    old.close();

    const db = openStore(file);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'report_text'").pluck().get()).toMatch(/detail = none/);
    for (const text of SEARCHES) {
      const expected = scanned(db, text).sort();
      expect(found(db, text), text).toEqual(expected);
      if (phrases.has(text)) expect(expected, text).toEqual(phrases.get(text));
    }
    // The searches are not all empty: phrases, short words and single characters find reports.
    for (const text of ['国家安全账户', '刷单', '客服', '骗']) expect(found(db, text).length, text).toBeGreaterThan(0);
    const sizeAfter = db.prepare('SELECT sum(length(block)) FROM report_text_data').pluck().get() as number;
    expect(sizeAfter).toBeLessThan(sizeBefore * 0.6);
    // The index is consistent, keeps its settings and lists its trigrams.
    expect(() => db.exec("INSERT INTO report_text (report_text) VALUES ('integrity-check')")).not.toThrow();
    expect(db.prepare("SELECT v FROM report_text_config WHERE k = 'automerge'").pluck().get()).toBe(8);
    expect(
      db.prepare("SELECT count(*) FROM report_text_terms WHERE term > '刷单' AND term < '刷单\u{10FFFF}'").pluck().get(),
    ).toBeGreaterThan(0);
    db.close();
  });
});
