// Statements in xlsx read without a byte of them in the temp folder: a workbook written as Excel
// writes it (shared strings after the sheets) would otherwise have each sheet parked in the clear
// in a temporary file by exceljs' streaming reader. Also: a workbook without shared strings, a
// staged (sealed) upload read at random, and a damaged workbook refused with its name.
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureStagingKey, sealingStream } from '../../../src/core/import/sealed-staging';
import { importStatements } from '../../../src/core/statements/import-statements';
import { wholeUtf8 } from '../../../src/core/statements/xlsx-order';
import { openStore } from '../../../src/core/store/db';
import { tempDir } from '../../support/tmp';

const CARD = '6222021234567890128';
const OTHER = '6217000012345678907';
const HOLDER = '欧阳某某';
const ROWS = 300;

async function writeStatement(file: string, useSharedStrings: boolean): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings });
  const ws = wb.addWorksheet('交易明细');
  ws.addRow(['交易卡号', '交易户名', '交易时间', '交易金额', '收付标志', '交易对手账卡号', '对手户名', '交易是否成功']).commit();
  for (let i = 0; i < ROWS; i++) {
    const at = new Date(Date.UTC(2025, 2, 1, 2, 0, i)).toISOString().replace('T', ' ').slice(0, 19);
    ws.addRow([CARD, HOLDER, at, `${100 + i}.00`, '出', OTHER, '张某', '是']).commit();
  }
  ws.commit();
  await wb.commit();
}

function entryNames(file: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const names: string[] = [];
      zip.on('entry', (e: yauzl.Entry) => {
        names.push(e.fileName);
        zip.readEntry();
      });
      zip.on('end', () => resolve(names));
      zip.readEntry();
    });
  });
}

/** Every file created in `dir` while `run` runs (inotify sees even those removed at once). */
async function createdDuring(dir: string, run: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const watcher = fs.watch(dir, (_event, name) => {
    if (name) seen.push(String(name));
  });
  try {
    await run();
    await new Promise((r) => setTimeout(r, 200));
  } finally {
    watcher.close();
  }
  return seen;
}

describe('xlsx statements', () => {
  let tmp: string;
  let dir: string;
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env.TMPDIR;
    tmp = tempDir();
    dir = tempDir();
    process.env.TMPDIR = tmp;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
  });

  it('are read in full with nothing written to the temp folder, though the shared strings come after the sheet', async () => {
    const file = path.join(dir, 'statement.xlsx');
    await writeStatement(file, true);
    const names = await entryNames(file);
    expect(names.indexOf('xl/sharedStrings.xml')).toBeGreaterThan(names.indexOf('xl/worksheets/sheet1.xml'));

    // exceljs alone parks the sheet in a temporary file (what the reordering prevents).
    const parked = await createdDuring(tmp, async () => {
      const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: 'emit', sharedStrings: 'cache' });
      for await (const ws of reader) for await (const _row of ws as AsyncIterable<unknown>) void _row;
    });
    expect(parked.length).toBeGreaterThan(0);

    const db = openStore(path.join(dir, 'store.db'));
    const created = await createdDuring(tmp, () => importStatements(db, [file]));
    expect(created).toEqual([]);
    expect(fs.readdirSync(tmp)).toEqual([]);
    const counts = db.prepare('SELECT count(*) AS n, sum(amount_cents) AS cents FROM flow_txn').get() as { n: number; cents: number };
    expect(counts.n).toBe(ROWS);
    expect(counts.cents).toBe(ROWS * 10_000 + ((ROWS - 1) * ROWS * 100) / 2);
    expect(db.prepare('SELECT holder FROM flow_account WHERE value = ?').pluck().get(CARD)).toBe(HOLDER);
    db.close();
  });

  it('read a workbook without shared strings, and a staged upload sealed at rest, the same way', async () => {
    const plain = path.join(dir, 'inline.xlsx');
    await writeStatement(plain, false);
    expect(await entryNames(plain)).not.toContain('xl/sharedStrings.xml');
    ensureStagingKey();
    const sealed = path.join(dir, 'upload-1');
    await pipeline(fs.createReadStream(plain), sealingStream(), fs.createWriteStream(sealed));
    expect(fs.readFileSync(sealed).includes(Buffer.from('xl/worksheets'))).toBe(false);

    for (const file of [plain, sealed]) {
      const db = openStore(path.join(dir, `${path.basename(file)}.db`));
      const created = await createdDuring(tmp, () => importStatements(db, [file]));
      expect(created).toEqual([]);
      expect(db.prepare('SELECT count(*) FROM flow_txn').pluck().get()).toBe(ROWS);
      expect(db.prepare('SELECT holder FROM flow_account WHERE value = ?').pluck().get(CARD)).toBe(HOLDER);
      db.close();
    }
  });

  it('refuse a damaged workbook by name and leave the store as it was', async () => {
    const file = path.join(dir, 'statement.xlsx');
    await writeStatement(file, true);
    const db = openStore(path.join(dir, 'store.db'));
    await importStatements(db, [file]);
    const bytes = fs.readFileSync(file);
    const cut = path.join(dir, 'cut.xlsx');
    fs.writeFileSync(cut, bytes.subarray(0, bytes.length - 40));
    await expect(importStatements(db, [cut])).rejects.toThrow(/^cut\.xlsx is not a readable xlsx workbook/);
    const flipped = Buffer.from(bytes);
    const at = flipped.indexOf(Buffer.from('xl/worksheets/sheet1.xml')) + 60;
    for (let i = at; i < at + 64; i++) flipped[i] = (flipped[i] as number) ^ 0x5a;
    const bad = path.join(dir, 'bad.xlsx');
    fs.writeFileSync(bad, flipped);
    await expect(importStatements(db, [bad])).rejects.toThrow(/bad\.xlsx/);
    expect(db.prepare('SELECT count(*) FROM flow_txn').pluck().get()).toBe(ROWS);
    expect(db.prepare('SELECT count(*) FROM statement_file').pluck().get()).toBe(1);
    db.close();
  });
});

describe('wholeUtf8', () => {
  it('leaves out a character cut at the end, and nothing else', () => {
    const text = Buffer.from('a王𠀀é', 'utf8'); // 1 + 3 + 4 + 2 bytes
    const cuts = [...Array(text.length + 1).keys()].map((n) => wholeUtf8(text.subarray(0, n)));
    expect(cuts).toEqual([0, 1, 1, 1, 4, 4, 4, 4, 8, 8, 10]);
  });
});
