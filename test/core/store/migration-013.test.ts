// Migration 013: identifiers written before masks, example values, IM handles and IP addresses
// were told apart. A store holding the old rows ends with exactly the rows an import of the same
// records writes now; the reports whose rows changed are marked to relink; nothing else is touched.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReportRecord } from '../../../src/common/model';
import { openStore, schemaVersion, type Db } from '../../../src/core/store/db';
import { MIGRATIONS } from '../../../src/core/store/migrations';
import { m013Placeholders, staleIdentifierReports } from '../../../src/core/store/migrations/013-placeholders';
import { ingest, report } from '../linking/support';
import { tempDir } from '../../support/tmp';

const BEFORE = MIGRATIONS.slice(0, MIGRATIONS.indexOf(m013Placeholders));
const DOT = '1Rb2Uhkkztfz2oJewKXcEBRykQurtJAZ1zLEsWyrFs24RFD';

const RECORDS: readonly ReportRecord[] = [
  report('MASK', {
    identifiers: [
      { kind: 'wechat', value: '微信号：xxxxxxx' },
      { kind: 'phone', value: '13800138000' },
    ],
  }),
  report('SCRIPT', { messages: [{ channel: 'call', text: '请添加我的微信号：xxxxxxx，或加QQ号码1234567890' }] }),
  report('SENDER', { messages: [{ channel: 'im', sender: '@Kusama_Support044', text: 'Claim your DOT airdrop now' }] }),
  report('IP', { messages: [{ channel: 'sms', text: 'Send 0.1 ETH to the address on 167.71.210.238/signmsg.html' }] }),
  report('LABEL', { identifiers: [{ kind: 'crypto', value: `DOT:${DOT}` }] }),
  report('MASKED-ACCOUNT', { identifiers: [{ kind: 'bank_account', value: '6222 **** 0128' }] }),
  report('PLAIN', {
    identifiers: [{ kind: 'bank_card', value: '6222 0212 3456 7890 128' }],
    messages: [{ channel: 'sms', sender: '95588', text: '请拨打13900139000' }],
  }),
  report('MAIL', { narrative: '对方邮箱 zhang_san2024@163.com 发来链接' }),
  report('SITE', { messages: [{ channel: 'call', text: '请登录网址http://www.xxxxx查询' }] }),
];

/** The rows as Casegraph wrote them before (by report id): kind, value, raw, role, origin, subtype. */
const OLD_ROWS: Record<string, readonly (readonly [string, string, string, string | null, string, string | null])[]> = {
  MASK: [
    ['wechat', 'xxxxxxx', '微信号：xxxxxxx', null, 'reported', null],
    ['phone', '+8613800138000', '13800138000', null, 'reported', 'mobile'],
  ],
  SCRIPT: [
    ['qq', '1234567890', '1234567890', null, 'message', null],
    ['wechat', 'xxxxxxx', 'xxxxxxx', null, 'message', null],
  ],
  SENDER: [['phone', '044', '@Kusama_Support044', 'sender', 'message', 'unknown']],
  IP: [['phone', '+8616771210238', '167.71.210.238', null, 'message', 'mobile']],
  LABEL: [['crypto', `DOT:${DOT}`, `DOT:${DOT}`, null, 'reported', 'unknown']],
  'MASKED-ACCOUNT': [['bank_account', '62220128', '6222 **** 0128', null, 'reported', null]],
  SITE: [['url', 'http://www.xxxxx', 'http://www.xxxxx', null, 'message', null]],
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

/** A store at migration 012 holding RECORDS as the previous normaliser stored them. */
function oldStore(): string {
  const file = path.join(tempDir(), 'store.db');
  const db = openStore(file, { migrations: BEFORE });
  ingest(db, RECORDS);
  const rid = db.prepare('SELECT rid FROM report WHERE id = ?').pluck();
  const insert = db.prepare(
    'INSERT INTO identifier (rid, kind, value, raw, role, origin, subtype, domain, luhn) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL)',
  );
  db.transaction(() => {
    for (const [id, rows] of Object.entries(OLD_ROWS)) {
      const r = rid.get(id) as number;
      db.prepare('DELETE FROM identifier WHERE rid = ?').run(r);
      for (const [kind, value, raw, role, origin, subtype] of rows) insert.run(r, kind, value, raw, role, origin, subtype);
    }
    db.exec('DELETE FROM link_dirty; DELETE FROM link_dirty_value;');
  })();
  db.close();
  return file;
}

describe('migration 013 placeholders', () => {
  it('derives the identifiers an older normaliser wrote again, as an import writes them now, and marks what to relink', () => {
    const file = oldStore();
    const before = openStore(file, { migrations: BEFORE });
    const plainBefore = rowsOf(before, 'PLAIN');
    const mailBefore = rowsOf(before, 'MAIL');
    // MAIL is a candidate only because its text has "_" before digits; its rows are current.
    const candidates = new Set(staleIdentifierReports(before));
    const ridOf = (id: string): number => before.prepare('SELECT rid FROM report WHERE id = ?').pluck().get(id) as number;
    expect(candidates.has(ridOf('MAIL'))).toBe(true);
    expect(candidates.has(ridOf('PLAIN'))).toBe(false);
    // A masked host is a candidate; its rows change only once the URL normaliser knows masks.
    expect(candidates.has(ridOf('SITE'))).toBe(true);
    before.close();

    const db = openStore(file);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);

    const fresh = openStore(path.join(tempDir(), 'fresh.db'));
    ingest(fresh, RECORDS);
    for (const r of RECORDS) expect(withoutRowid(rowsOf(db, r.id)), r.id).toEqual(withoutRowid(rowsOf(fresh, r.id)));
    fresh.close();

    const rows = (id: string): string[] =>
      rowsOf(db, id).map((r) => `${r.kind as string}:${r.value as string}${r.subtype === null ? '' : `/${r.subtype as string}`}`);
    // A listed mask stays, as written and weightless; found in a script, it is not stored.
    expect(rows('MASK')).toEqual(['wechat:微信号:xxxxxxx/unparsed', 'phone:+8613800138000/mobile']);
    expect(rows('SCRIPT')).toEqual([]);
    expect(rows('SENDER')).toEqual([]);
    expect(rows('IP')).toEqual([]);
    expect(rows('LABEL')).toEqual([`crypto:${DOT}/unknown`]);
    expect(rows('MASKED-ACCOUNT')).toEqual(['bank_card:6222****0128/masked']);
    // Reports whose rows were current are left as they were, row ids and all.
    expect(rowsOf(db, 'PLAIN')).toEqual(plainBefore);
    expect(rowsOf(db, 'MAIL')).toEqual(mailBefore);

    // SITE relinks once the URL normaliser takes masked hosts for placeholders (its rows change).
    expect(dirtyReports(db).filter((id) => id !== 'SITE')).toEqual(['IP', 'LABEL', 'MASK', 'MASKED-ACCOUNT', 'SCRIPT', 'SENDER']);
    const dirtyValues = db.prepare('SELECT kind, value FROM link_dirty_value ORDER BY kind, value').raw().all();
    expect(dirtyValues).toEqual(
      expect.arrayContaining([
        ['wechat', 'xxxxxxx'],
        ['phone', '044'],
        ['phone', '+8616771210238'],
        ['crypto', `DOT:${DOT}`],
        ['crypto', DOT],
      ]),
    );
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
