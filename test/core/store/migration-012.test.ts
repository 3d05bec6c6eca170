// Migration 012: the reference-site table, and URL identifiers written before URLs kept their hash
// routes. A store whose identifiers lost their routes ends with exactly the rows an import of the
// same records writes now; the reports whose rows changed, and those holding a URL on a shipped
// reference site, are marked to relink; nothing else is touched.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReportRecord } from '../../../src/common/model';
import { openStore, schemaVersion, type Db } from '../../../src/core/store/db';
import { MIGRATIONS } from '../../../src/core/store/migrations';
import { m012ReferenceDomains } from '../../../src/core/store/migrations/012-reference-domains';
import { ingest, report } from '../linking/support';
import { tempDir } from '../../support/tmp';

const BEFORE = MIGRATIONS.slice(0, MIGRATIONS.indexOf(m012ReferenceDomains));
// Up to this migration: later ones mark reports of their own.
const THROUGH = MIGRATIONS.slice(0, MIGRATIONS.indexOf(m012ReferenceDomains) + 1);
const url = (value: string): { kind: 'url'; value: string } => ({ kind: 'url', value });

const RECORDS: readonly ReportRecord[] = [
  report('VT1', { identifiers: [url('https://www.virustotal.com/#/url/aaa111/detection')] }),
  report('VT2', { identifiers: [url('https://www.virustotal.com/#/url/bbb222/detection')] }),
  report('TXT', { narrative: '对方主页 x.com/#!/kefu_88 已注销，扫描结果 https://www.virustotal.com/#/url/aaa111/detection 显示为钓鱼' }),
  report('TWO', { messages: [{ channel: 'sms', text: '付款页 https://pay-vip.top/#/a 或 https://pay-vip.top/#/b ，请尽快' }] }),
  report('WIDE', { identifiers: [url('ｈｔｔｐ：／／ｐａｙ－ｖｉｐ．ｔｏｐ／＃／ｃ')] }),
  report('PLAIN', { identifiers: [url('icbc-jf.cn/lq'), { kind: 'phone', value: '13800138000' }] }),
  report('ANCHOR', { narrative: '链接 http://mp.weixin.qq.com/s?__biz=MzA&mid=1#rd 是骗子发的' }),
  report('FORUM', { identifiers: [url('http://tieba.baidu.com/p/8812734')] }),
  report('GONE', { identifiers: [url('https://pay-vip.top/#/gone')] }),
];

/** The rows as Casegraph wrote them before routes were kept (by report id). */
const OLD_ROWS: Record<string, readonly (readonly [kind: string, value: string, raw: string, origin: string, domain: string | null])[]> = {
  VT1: [['url', 'http://virustotal.com', 'https://www.virustotal.com/#/url/aaa111/detection', 'reported', 'virustotal.com']],
  VT2: [['url', 'http://virustotal.com', 'https://www.virustotal.com/#/url/bbb222/detection', 'reported', 'virustotal.com']],
  // "#!" ended a link in text, so the raw lost the route as well.
  TXT: [
    ['url', 'http://x.com', 'x.com/', 'narrative', 'x.com'],
    ['url', 'http://virustotal.com', 'https://www.virustotal.com/#/url/aaa111/detection', 'narrative', 'virustotal.com'],
  ],
  // Two routes on one host were one value, so one row.
  TWO: [['url', 'http://pay-vip.top', 'https://pay-vip.top/#/a', 'message', 'pay-vip.top']],
  WIDE: [['url', 'http://pay-vip.top', 'ｈｔｔｐ：／／ｐａｙ－ｖｉｐ．ｔｏｐ／＃／ｃ', 'reported', 'pay-vip.top']],
  GONE: [['url', 'http://pay-vip.top', 'https://pay-vip.top/#/gone', 'reported', 'pay-vip.top']],
};

type Row = Record<string, unknown>;
const rowsOf = (db: Db, id: string): Row[] =>
  db
    .prepare(
      'SELECT i.rowid AS rowid, i.kind, i.value, i.raw, i.role, i.origin, i.subtype, i.domain, i.luhn FROM identifier i JOIN report r ON r.rid = i.rid WHERE r.id = ? ORDER BY i.rowid',
    )
    .all(id) as Row[];
const withoutRowid = (rows: Row[]): Row[] => rows.map(({ rowid: _rowid, ...rest }) => rest);
const dirtyReports = (db: Db): string[] =>
  db.prepare('SELECT r.id FROM link_dirty d JOIN report r ON r.rid = d.rid ORDER BY r.id').pluck().all() as string[];

/** A store at migration 011 holding RECORDS as the previous normaliser stored them. */
function oldStore(): string {
  const file = path.join(tempDir(), 'store.db');
  const db = openStore(file, { migrations: BEFORE });
  ingest(db, RECORDS);
  ingest(db, [{ id: 'GONE', version: 2, deleted: true }]);
  const rid = db.prepare('SELECT rid FROM report WHERE id = ?').pluck();
  const insert = db.prepare(
    'INSERT INTO identifier (rid, kind, value, raw, role, origin, subtype, domain, luhn) VALUES (?, ?, ?, ?, NULL, ?, NULL, ?, NULL)',
  );
  db.transaction(() => {
    for (const [id, rows] of Object.entries(OLD_ROWS)) {
      const r = rid.get(id) as number;
      db.prepare('DELETE FROM identifier WHERE rid = ?').run(r);
      for (const [kind, value, raw, origin, domain] of rows) insert.run(r, kind, value, raw, origin, domain);
    }
    db.exec('DELETE FROM link_dirty; DELETE FROM link_dirty_value;');
  })();
  db.close();
  return file;
}

describe('migration 012 reference-domains', () => {
  it('derives the identifiers that lost their routes again, as an import writes them now, and marks what to relink', () => {
    const file = oldStore();
    const before = openStore(file, { migrations: BEFORE });
    const plainBefore = rowsOf(before, 'PLAIN');
    const anchorBefore = rowsOf(before, 'ANCHOR');
    before.close();

    const db = openStore(file, { migrations: THROUGH });
    expect(schemaVersion(db)).toBe(THROUGH.length);
    expect(db.prepare('SELECT count(*) FROM reference_domain').pluck().get()).toBe(0);

    // What a store importing the same records today holds.
    const fresh = openStore(path.join(tempDir(), 'fresh.db'));
    ingest(fresh, RECORDS);
    for (const r of RECORDS) {
      if (r.id === 'GONE') continue;
      expect(withoutRowid(rowsOf(db, r.id)), r.id).toEqual(withoutRowid(rowsOf(fresh, r.id)));
    }
    fresh.close();

    const values = (id: string): string[] => rowsOf(db, id).map((r) => r.value as string);
    expect(values('VT1')).toEqual(['http://virustotal.com#/url/aaa111/detection']);
    expect(values('VT2')).toEqual(['http://virustotal.com#/url/bbb222/detection']);
    // The same scan cited in a narrative is the same value again; the hashbang is found whole.
    expect(values('TXT')).toEqual(['http://x.com#!/kefu_88', 'http://virustotal.com#/url/aaa111/detection']);
    expect(rowsOf(db, 'TXT')[0]).toMatchObject({ raw: 'x.com/#!/kefu_88', origin: 'narrative', domain: 'x.com' });
    expect(values('TWO')).toEqual(['http://pay-vip.top#/a', 'http://pay-vip.top#/b']);
    expect(values('WIDE')).toEqual(['http://pay-vip.top#/c']);
    // A withdrawn report keeps its rows, normalised again from their raw text.
    expect(rowsOf(db, 'GONE').map((r) => [r.value, r.raw])).toEqual([['http://pay-vip.top#/gone', 'https://pay-vip.top/#/gone']]);
    // Reports whose rows were current are left as they were, row ids and all.
    expect(rowsOf(db, 'PLAIN')).toEqual(plainBefore);
    expect(rowsOf(db, 'ANCHOR')).toEqual(anchorBefore);

    // Rewritten reports relink, and so do those citing a shipped reference site (FORUM, and the
    // virustotal scans); a withdrawn report is not linked, a current one not rewritten not marked.
    expect(dirtyReports(db)).toEqual(['FORUM', 'TWO', 'TXT', 'VT1', 'VT2', 'WIDE']);
    const dirtyValues = db.prepare("SELECT value FROM link_dirty_value WHERE kind = 'url' ORDER BY value").pluck().all();
    expect(dirtyValues).toEqual(
      expect.arrayContaining([
        'http://virustotal.com',
        'http://x.com',
        'http://pay-vip.top',
        'http://virustotal.com#/url/aaa111/detection',
        'http://pay-vip.top#/b',
      ]),
    );
    expect(dirtyValues).not.toContain('http://icbc-jf.cn/lq');
    db.close();
  });

  it('migrates an empty store', () => {
    const file = path.join(tempDir(), 'empty.db');
    openStore(file, { migrations: BEFORE }).close();
    const db = openStore(file);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(db.prepare('SELECT count(*) FROM link_dirty').pluck().get()).toBe(0);
    db.close();
  });
});
