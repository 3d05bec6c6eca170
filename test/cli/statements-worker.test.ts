// Statement files of 1 MiB and more are read in the built statements worker while the CLI's
// thread stores them: a GB18030 CSV and an xlsx workbook give exactly what reading them in one
// thread gives (the same transactions, refusals and counts), and a file the worker cannot read
// fails with the reader's message, storing nothing.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { importStatements } from '../../src/core/statements/import-statements';
import { WORKER_MIN_BYTES } from '../../src/core/statements/read-sheets';
import { openStore } from '../../src/core/store/db';
import { forgetKey } from '../../src/core/store/store-key';
import { builtFile } from '../support/built';
import { csvLine, HEADER, rows } from '../support/statement-files';
import { tempDir } from '../support/tmp';

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [builtFile('casegraph.js'), ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function contents(file: string): unknown {
  forgetKey(file);
  const db = openStore(file);
  try {
    return {
      txns: db
        .prepare(
          `SELECT a.value AS from_card, b.value AS to_card, amount_cents, at_ms, serial, summary FROM flow_txn t
           JOIN flow_account a ON a.id = t.from_id JOIN flow_account b ON b.id = t.to_id ORDER BY serial`,
        )
        .raw()
        .all(),
      sources: db.prepare('SELECT sheet, row, side, raw_direction FROM flow_txn_source ORDER BY sheet, row').raw().all(),
      rejected: db.prepare('SELECT sheet, row, field, reason FROM statement_rejection ORDER BY sheet, row').raw().all(),
    };
  } finally {
    db.close();
  }
}

describe('statement files read in the statements worker', () => {
  it('stores a large GB18030 CSV and xlsx exactly as reading them in one thread does', async () => {
    const dir = tempDir();
    const csv = path.join(dir, 'answer.csv');
    const all = rows(34_000);
    fs.writeFileSync(
      csv,
      iconv.encode(['某银行 交易明细', HEADER.join(','), ...all.slice(0, 14_000).map(csvLine)].join('\r\n') + '\r\n', 'gb18030'),
    );
    const xlsx = path.join(dir, 'answer.xlsx');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: xlsx });
    const ws = wb.addWorksheet('交易明细');
    ws.addRow(HEADER).commit();
    for (const r of all.slice(14_000)) ws.addRow(r).commit();
    ws.commit();
    await wb.commit();
    for (const f of [csv, xlsx]) expect(fs.statSync(f).size).toBeGreaterThanOrEqual(WORKER_MIN_BYTES);

    const viaWorker = path.join(dir, 'worker.db');
    const r = cli('import-statements', csv, xlsx, '--db', viaWorker, '--json');
    expect(r.status, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout) as { files: { rows: number; new: number; rejected: number }[]; rejections: unknown[] };
    expect(summary.files.map((f) => f.rows)).toEqual([14_000, 20_000]);
    // Only the rows given a month 13: every other row read whole, its Chinese intact.
    expect(summary.rejections.filter((x) => !(x as { reason: string }).reason.includes('2025-13'))).toEqual([]);
    expect(summary.files.map((f) => f.rejected)).toEqual([15, 20]);

    // The same files read in this thread (no built worker from the sources).
    const inThread = path.join(dir, 'thread.db');
    const db = openStore(inThread);
    const direct = await importStatements(db, [csv, xlsx]);
    db.close();
    expect(summary.files.map(({ rows: n, new: fresh, rejected }) => ({ n, fresh, rejected }))).toEqual(
      direct.files.map(({ rows: n, new: fresh, rejected }) => ({ n, fresh, rejected })),
    );
    expect(summary.rejections).toEqual(direct.rejections);
    const got = contents(viaWorker) as { txns: unknown[] };
    expect(got.txns).toHaveLength(34_000 - 35);
    expect(got).toEqual(contents(inThread));
  }, 120_000);

  it('fails on a file the worker cannot read with the reader’s message, and stores nothing of it', () => {
    const dir = tempDir();
    const bad = path.join(dir, 'bad.csv');
    const text = Buffer.from([HEADER.join(','), ...rows(12_000).map(csvLine)].join('\n') + '\n', 'utf8');
    fs.writeFileSync(bad, Buffer.concat([text, Buffer.from([0xc3, 0x28, 0x0a])]));
    expect(fs.statSync(bad).size).toBeGreaterThanOrEqual(WORKER_MIN_BYTES);
    const store = path.join(dir, 'store.db');
    const r = cli('import-statements', bad, '--db', store);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/bad\.csv is not UTF-8 after byte \d+ \(its start read as UTF-8\)/);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    forgetKey(store);
    const db = openStore(store);
    expect(db.prepare('SELECT count(*) FROM statement_file').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM flow_txn').pluck().get()).toBe(0);
    db.close();
  });
});
