// Importing bank statements into the store (docs/specs/bank-statement.md): each file read as its
// sheets, each transaction sheet by its header names, every row a transaction or a refusal named
// by sheet, row, column and reason. A transfer both parties' statements carry is one transaction
// with two sources. The same file twice changes nothing (its SHA-256 is kept); a file that fails
// to read leaves nothing of itself behind (one transaction per file).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../store/db';
import { openImportFile } from '../import/sealed-staging';
import { isTransactionHeader, mapHeader, type ColumnMap } from './columns';
import { normaliseIdNumber } from './device';
import { openStatement, StatementFileError, WORKER_MIN_BYTES, workerRows, type Encoding } from './read-sheets';
import { builtWorker } from '../worker/locate';
import { normaliseBankAccount } from '../normalise/bank-card';
import { cellText, readStatementRow } from './statement-row';
import { markSharedStale } from './shared-cache';
import { StatementWriter } from './statement-writer';

export interface StatementRejection {
  readonly file: string;
  readonly sheet: string;
  readonly row: number;
  readonly field: string;
  readonly reason: string;
}

export interface StatementFileSummary {
  readonly file: string;
  /** How the file was decoded ('xlsx' for a workbook). */
  readonly encoding: Encoding | null;
  /** Already imported (same bytes): nothing was read again. */
  readonly alreadyImported: boolean;
  readonly rows: number;
  readonly new: number;
  /** Transactions already stored from another statement (the other party's, or the same rows again). */
  readonly duplicates: number;
  readonly rejected: number;
  /** Sheets read as transactions, and sheets with no transaction header (named, never silently skipped). */
  readonly sheets: readonly string[];
  readonly skippedSheets: readonly string[];
}

export interface StatementImportSummary {
  readonly files: readonly StatementFileSummary[];
  readonly new: number;
  readonly duplicates: number;
  readonly rejected: number;
  readonly rejections: readonly StatementRejection[];
  readonly elapsedMs: number;
}

/** Header rows are looked for in the first rows of a sheet (titles and query notes come first). */
const HEADER_SEARCH_ROWS = 30;

/** About how many rows a file of `bytes` holds: a CSV row is rarely under 100 bytes, a zipped xlsx row under 30. */
function expectedRows(encoding: Encoding, bytes: number): number {
  return Math.floor(bytes / (encoding === 'xlsx' ? 30 : 100));
}

async function sha256(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  for await (const chunk of openImportFile(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Holder sheets (人员信息, 账户信息): a name, ID number, phone or bank per account, where given. */
const HOLDER_HEADERS: Readonly<Record<string, readonly string[]>> = {
  account: ['账号', '卡号', '交易卡号', '交易账号', '客户账号'],
  holder: ['客户名称', '姓名', '户名', '账户开户名称', '开户人姓名'],
  idNumber: ['证件号码', '身份证号', '开户人证件号码', '客户证件号码'],
  phone: ['联系电话', '手机号', '手机号码', '联系手机', '电话'],
  bank: ['开户网点', '开户行', '开户银行', '开户机构'],
};

function holderColumns(cells: readonly unknown[]): Record<string, number> | null {
  const out: Record<string, number> = {};
  cells.forEach((c, i) => {
    const h = cellText(c as never).replace(/\s+/g, '');
    for (const [field, names] of Object.entries(HOLDER_HEADERS)) if (out[field] === undefined && names.includes(h)) out[field] = i;
  });
  // 账户信息 names the account; 人员信息 may name only the person (by ID number) behind the accounts.
  if (out.account !== undefined) return out.holder !== undefined || out.idNumber !== undefined || out.phone !== undefined ? out : null;
  return out.idNumber !== undefined && (out.phone !== undefined || out.holder !== undefined) ? out : null;
}

async function importOne(
  db: Db,
  file: string,
  rejections: StatementRejection[],
  onRows: (rows: number) => void,
): Promise<StatementFileSummary> {
  const name = path.basename(file);
  const digest = await sha256(file);
  if (db.prepare('SELECT 1 FROM statement_file WHERE sha256 = ?').get(digest) !== undefined)
    return {
      file: name,
      encoding: null,
      alreadyImported: true,
      rows: 0,
      new: 0,
      duplicates: 0,
      rejected: 0,
      sheets: [],
      skippedSheets: [],
    };
  const opened = await openStatement(file);
  const { encoding } = opened;
  const workerFile = builtWorker('statements');
  const rows = workerFile !== null && fs.statSync(file).size >= WORKER_MIN_BYTES ? workerRows(workerFile, file) : opened.rows;
  db.exec('BEGIN IMMEDIATE');
  try {
    const fileId = Number(
      db
        .prepare(
          'INSERT INTO statement_file (sha256, name, encoding, imported_at, rows, new_txns, duplicates, rejected) VALUES (?, ?, ?, ?, 0, 0, 0, 0)',
        )
        .run(digest, name, encoding, new Date().toISOString()).lastInsertRowid,
    );
    const writer = new StatementWriter(db, fileId, expectedRows(encoding, fs.statSync(file).size));
    const holderUpdate = db.prepare(
      `UPDATE flow_account SET holder = coalesce(@holder, holder), id_number = coalesce(@idNumber, id_number), phone = coalesce(@phone, phone), bank = coalesce(@bank, bank)
       WHERE kind = @kind AND value = @value`,
    );
    // A holder sheet may come before the transactions, or name an account no row of the file does.
    const holderAccount = db.prepare(
      'INSERT INTO flow_account (kind, value, requested) VALUES (?, ?, 0) ON CONFLICT (kind, value) DO NOTHING',
    );
    // 人员信息 naming only the person: their phone and name on every account with that ID number.
    const personUpdate = db.prepare(
      'UPDATE flow_account SET holder = coalesce(holder, @holder), phone = coalesce(@phone, phone) WHERE id_number = @idNumber',
    );
    const people: { idNumber: string; holder: string | null; phone: string | null }[] = [];
    let count = 0;
    let fresh = 0;
    let dups = 0;
    let refused = 0;
    const sheets: string[] = [];
    const seen = new Set<string>();
    const headers = new Map<string, { kind: 'txn'; map: ColumnMap } | { kind: 'holder'; cols: Record<string, number> } | null>();
    for await (const { sheet, row, cells } of rows) {
      seen.add(sheet);
      const header = headers.get(sheet);
      if (header === undefined || (header === null && row <= HEADER_SEARCH_ROWS)) {
        const map = mapHeader(cells.map((c) => cellText(c)));
        if (isTransactionHeader(map)) {
          headers.set(sheet, { kind: 'txn', map });
          sheets.push(sheet);
        } else {
          const cols = holderColumns(cells);
          headers.set(sheet, cols ? { kind: 'holder', cols } : null);
        }
        continue;
      }
      if (header === null) continue;
      if (cells.every((c) => cellText(c) === '')) continue;
      if (header.kind === 'holder') {
        const cols = header.cols;
        const get = (f: string): string | null => (cols[f] === undefined ? null : cellText(cells[cols[f] as number]) || null);
        const idNumber = normaliseIdNumber(get('idNumber'));
        if (cols.account === undefined) {
          if (idNumber) people.push({ idNumber, holder: get('holder'), phone: get('phone') });
          continue;
        }
        const n = normaliseBankAccount(get('account') ?? '');
        if (n && (n.kind === 'bank_card' || n.kind === 'bank_account' || n.kind === 'iban')) {
          holderAccount.run(n.kind, n.value);
          holderUpdate.run({ kind: n.kind, value: n.value, holder: get('holder'), idNumber, phone: get('phone'), bank: get('bank') });
        }
        continue;
      }
      count += 1;
      if (count % PROGRESS_ROWS === 0) onRows(count);
      const read = readStatementRow(cells, header.map);
      if (!read.ok) {
        refused += 1;
        writer.rejected(sheet, row, read.refusal.field, read.refusal.reason);
        rejections.push({ file: name, sheet, row, field: read.refusal.field, reason: read.refusal.reason });
        continue;
      }
      if (writer.write(read.txn, sheet, row)) fresh += 1;
      else dups += 1;
    }
    for (const p of people) personUpdate.run(p);
    if (sheets.length === 0)
      throw new StatementFileError(
        `${name} has no transaction sheet: no row names an account (交易卡号 or 交易账号), 交易时间 and 交易金额`,
      );
    writer.finish();
    // The accounts several series share are computed again from these transactions.
    markSharedStale(db);
    db.prepare('UPDATE statement_file SET rows = ?, new_txns = ?, duplicates = ?, rejected = ? WHERE id = ?').run(
      count,
      fresh,
      dups,
      refused,
      fileId,
    );
    db.exec('COMMIT');
    return {
      file: name,
      encoding,
      alreadyImported: false,
      rows: count,
      new: fresh,
      duplicates: dups,
      rejected: refused,
      sheets,
      skippedSheets: [...seen].filter((s) => !sheets.includes(s) && (headers.get(s) ?? null) === null),
    };
  } catch (e) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw e;
  }
}

export interface StatementImportOptions {
  /** Transaction rows read so far, over all the files: called every few thousand rows and after each file. */
  readonly onRows?: (rows: number) => void;
}

/** Rows between two onRows calls. */
const PROGRESS_ROWS = 5000;

/** Imports statement files one by one; each is whole or not at all. */
export async function importStatements(
  db: Db,
  files: readonly string[],
  options: StatementImportOptions = {},
): Promise<StatementImportSummary> {
  const started = performance.now();
  let rowsBefore = 0;
  const rejections: StatementRejection[] = [];
  const out: StatementFileSummary[] = [];
  for (const file of files) {
    const before = rejections.length;
    try {
      const done = await importOne(db, file, rejections, (n) => options.onRows?.(rowsBefore + n));
      out.push(done);
      rowsBefore += done.rows;
      options.onRows?.(rowsBefore);
    } catch (e) {
      rejections.length = before;
      if (e instanceof StatementFileError) throw e;
      if (e instanceof Error && 'code' in e && (e as NodeJS.ErrnoException).code === 'ENOENT')
        throw new StatementFileError(`cannot read ${path.basename(file)}: no such file`);
      throw e;
    }
  }
  return {
    files: out,
    new: out.reduce((s, f) => s + f.new, 0),
    duplicates: out.reduce((s, f) => s + f.duplicates, 0),
    rejected: out.reduce((s, f) => s + f.rejected, 0),
    rejections,
    elapsedMs: Math.round(performance.now() - started),
  };
}
