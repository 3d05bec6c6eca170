// Bank statements into a real store: GB18030 and UTF-8 CSV, xlsx with sister sheets, the messy
// forms banks write (tab-prefixed numbers, several direction styles, failed rows, Excel's
// scientific notation), each rejected row named, both parties' copies of a transfer counted once,
// and the same file twice changing nothing.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { importStatements } from '../../../src/core/statements/import-statements';
import { detectEncoding } from '../../../src/core/statements/read-sheets';
import { openStore } from '../../../src/core/store/db';
import { tempDir } from '../../support/tmp';

const MULE1 = '6222021234567890128';
const MULE2 = '6217000012345678907';
const VICTIM = '6228480012345678906';

const HEADER = [
  '交易卡号',
  '交易账号',
  '交易户名',
  '交易时间',
  '交易金额',
  '交易余额',
  '收付标志',
  '交易对手账卡号',
  '对手户名',
  '交易是否成功',
  '摘要说明',
  '交易流水号',
];

function csv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n') + '\r\n';
}

function mule1Rows(): string[][] {
  return [
    ['中国工商银行 交易明细查询结果'],
    HEADER,
    [`\t${MULE1}`, '', '王某', '2025-03-01 10:00:05', '5000.00', '5000.00', '进', `\t${VICTIM}`, '李某', '是', '转账', ''],
    [`\t${MULE1}`, '', '王某', '2025/03/01 10:04:10', '4900', '100.00', '出', `'${MULE2}`, '张某', '是', '转账', ''],
    [`\t${MULE1}`, '', '王某', '20250301101500', '100.00', '0.00', '付', '', '', '是', 'ATM取款', ''],
    [`\t${MULE1}`, '', '王某', '2025-03-01 11:00:00', '200.00', '0.00', '出', MULE2, '张某', '否', '转账失败', ''],
    ['6.22202E+18', '', '王某', '2025-03-01 12:00:00', '1.00', '0.00', '出', MULE2, '张某', '是', '', ''],
    [`\t${MULE1}`, '', '王某', '2025-13-01 12:00:00', '1.00', '0.00', '出', MULE2, '张某', '是', '', ''],
    [`\t${MULE1}`, '', '王某', '2025-03-01 12:00:00', '1.00', '0.00', '?', MULE2, '张某', '是', '', ''],
  ];
}

describe('importing bank statements', () => {
  it('reads a GB18030 CSV, names every rejected row, and counts both parties’ copies of a transfer once', async () => {
    const dir = tempDir();
    const db = openStore(path.join(dir, 'store.db'));
    const gb = path.join(dir, 'mule1.csv');
    fs.writeFileSync(gb, iconv.encode(csv(mule1Rows()), 'gb18030'));
    expect(detectEncoding(fs.readFileSync(gb))).toBe('gb18030');
    const first = await importStatements(db, [gb]);
    expect(first.files[0]).toMatchObject({ encoding: 'gb18030', rows: 7, new: 4, duplicates: 0, rejected: 3 });
    expect(first.rejections.map((r) => [r.row, r.field])).toEqual([
      [7, 'card'],
      [8, 'time'],
      [9, 'direction'],
    ]);
    expect(first.rejections[0]?.reason).toMatch(/scientific notation/);
    // The cash withdrawal is a cash-out, the failed transfer kept but not money moved.
    const txns = db
      .prepare(
        'SELECT f.value AS "from", t.value AS "to", amount_cents AS cents, success, cash FROM flow_txn x LEFT JOIN flow_account f ON f.id = x.from_id LEFT JOIN flow_account t ON t.id = x.to_id ORDER BY at_ms',
      )
      .all();
    expect(txns).toEqual([
      { from: VICTIM, to: MULE1, cents: 500000, success: 1, cash: 0 },
      { from: MULE1, to: MULE2, cents: 490000, success: 1, cash: 0 },
      { from: MULE1, to: null, cents: 10000, success: 1, cash: 1 },
      { from: MULE1, to: MULE2, cents: 20000, success: 0, cash: 0 },
    ]);
    // The second mule's statement (UTF-8 with a BOM, C/D flags) carries the same transfer.
    const utf = path.join(dir, 'mule2.csv');
    fs.writeFileSync(
      utf,
      '\uFEFF' +
        csv([
          HEADER,
          [MULE2, '', '张某', '2025-03-01 10:04:40', '4900.00', '4900.00', 'C', MULE1, '王某', '成功', '转账', ''],
          [MULE2, '', '张某', '2025-03-01 10:09:00', '4800.00', '100.00', 'D', '', '', '', '取现', ''],
        ]),
    );
    const second = await importStatements(db, [utf]);
    expect(second.files[0]).toMatchObject({ encoding: 'utf-8', rows: 2, new: 1, duplicates: 1, rejected: 0 });
    expect(db.prepare('SELECT count(*) FROM flow_txn').pluck().get()).toBe(5);
    expect(db.prepare('SELECT count(*) FROM flow_txn_source').pluck().get()).toBe(6);
    // Both balances of the shared transfer are kept.
    expect(db.prepare('SELECT from_balance_cents, to_balance_cents FROM flow_txn WHERE amount_cents = 490000').raw().get()).toEqual([
      10000, 490000,
    ]);
    // The same files again: nothing changes.
    const again = await importStatements(db, [gb, utf]);
    expect(again.files.map((f) => f.alreadyImported)).toEqual([true, true]);
    expect(db.prepare('SELECT count(*) FROM flow_txn').pluck().get()).toBe(5);
    expect(db.prepare('SELECT requested FROM flow_account WHERE value = ?').pluck().get(VICTIM)).toBe(0);
    expect(db.prepare('SELECT requested FROM flow_account WHERE value = ?').pluck().get(MULE2)).toBe(1);
    db.close();
  });

  it('reads an xlsx workbook with a transactions sheet and a holder sheet, typed dates and text numbers', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'response.xlsx');
    const wb = new ExcelJS.Workbook();
    const tx = wb.addWorksheet('交易明细');
    tx.addRow(HEADER);
    tx.addRow([
      MULE1,
      '',
      '王某',
      new Date(Date.UTC(2025, 2, 1, 10, 0, 5)),
      '5000.00',
      '5000.00',
      '贷',
      VICTIM,
      '李某',
      '是',
      '转账',
      'S-1',
    ]);
    tx.addRow([MULE1, '', '王某', '2025年3月1日 10:04:10', -4900, '100.00', '', MULE2, '张某', '是', '转账', 'S-2']);
    tx.addRow([6.22202e18, '', '王某', '2025-03-01 10:05:00', '1.00', '0.00', '出', MULE2, '张某', '是', '', '']);
    const people = wb.addWorksheet('人员信息');
    people.addRow(['客户名称', '证件号码', '联系电话', '账号']);
    people.addRow(['王某', '110101199001011234', '13800138000', MULE1]);
    wb.addWorksheet('查询说明').addRow(['本次查询依据……']);
    await wb.xlsx.writeFile(file);
    const db = openStore(path.join(dir, 'store.db'));
    const r = await importStatements(db, [file]);
    expect(r.files[0]).toMatchObject({ encoding: 'xlsx', rows: 3, new: 2, rejected: 1, sheets: ['交易明细'], skippedSheets: ['查询说明'] });
    expect(r.rejections[0]).toMatchObject({ sheet: '交易明细', row: 4, field: 'card' });
    // A typed date is the wall-clock time the bank wrote, China Standard Time.
    expect(db.prepare('SELECT min(at_ms) FROM flow_txn').pluck().get()).toBe(Date.parse('2025-03-01T10:00:05+08:00'));
    // The sign of the amount tells the direction where the flag is empty.
    const out = db.prepare("SELECT f.value FROM flow_txn x JOIN flow_account f ON f.id = x.from_id WHERE serial = 'S-2'").pluck().get();
    expect(out).toBe(MULE1);
    expect(db.prepare('SELECT holder, id_number, phone FROM flow_account WHERE value = ?').get(MULE1)).toEqual({
      holder: '王某',
      id_number: '110101199001011234',
      phone: '13800138000',
    });
    db.close();
  });

  it('refuses a file without a transaction sheet and leaves nothing of it behind', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'notes.csv');
    fs.writeFileSync(file, '姓名,备注\n王某,无\n');
    const db = openStore(path.join(dir, 'store.db'));
    await expect(importStatements(db, [file])).rejects.toThrow(/notes\.csv has no transaction sheet/);
    expect(db.prepare('SELECT count(*) FROM statement_file').pluck().get()).toBe(0);
    db.close();
  });

  it('reads UTF-16 with its byte-order mark and quoted fields across lines, and refuses a UTF-8 file with a bad byte past its start', async () => {
    const dir = tempDir();
    const db = openStore(path.join(dir, 'store.db'));
    const rows = [
      HEADER,
      [MULE1, '', '王, 某', '2025-03-01 10:00:05', '5000.00', '5000.00', '进', VICTIM, '李某', '是', '转账\r\n第二行 "备注"', ''],
    ];
    const utf16 = path.join(dir, 'utf16.csv');
    fs.writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(csv(rows), 'utf-16le')]));
    const read = await importStatements(db, [utf16]);
    expect(read.files[0]).toMatchObject({ encoding: 'utf-16le', rows: 1, new: 1, rejected: 0 });
    expect(db.prepare('SELECT summary FROM flow_txn').pluck().get()).toBe('转账\r\n第二行 "备注"');
    expect(db.prepare('SELECT holder FROM flow_account WHERE value = ?').pluck().get(MULE1)).toBe('王, 某');

    // Valid UTF-8 for the first 64 KiB the encoding is told from, then a byte that is not.
    const long = [
      HEADER,
      ...Array.from({ length: 1200 }, (_, k) => [
        MULE2,
        '',
        '张某',
        '2025-03-02 10:00:05',
        `${k + 1}.00`,
        '0',
        '出',
        VICTIM,
        '李某',
        '是',
        '转账',
        `S${k}`,
      ]),
    ];
    const bad = path.join(dir, 'bad.csv');
    const text = Buffer.from(csv(long), 'utf8');
    expect(text.length).toBeGreaterThan(64 * 1024);
    fs.writeFileSync(bad, Buffer.concat([text, Buffer.from([0xc3, 0x28, 0x0d, 0x0a])]));
    await expect(importStatements(db, [bad])).rejects.toThrow(/bad\.csv is not UTF-8 after byte \d+ \(its start read as UTF-8\)/);
    // Nothing of the refused file is kept.
    expect(db.prepare('SELECT count(*) FROM flow_txn').pluck().get()).toBe(1);
    expect(db.prepare('SELECT count(*) FROM statement_file').pluck().get()).toBe(1);
    db.close();
  });
});
