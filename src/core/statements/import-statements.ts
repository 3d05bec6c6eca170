// Importing bank statements into the store (docs/specs/bank-statement.md): each file read as its
// sheets, each transaction sheet by its header names, every row a transaction or a refusal named
// by sheet, row, column and reason. A transfer both parties' statements carry is one transaction
// with two sources. The same file twice changes nothing (its SHA-256 is kept); a file that fails
// to read leaves nothing of itself behind (one transaction per file).
import crypto from 'node:crypto';
import path from 'node:path';
import type { Db } from '../store/db';
import { openImportFile } from '../import/sealed-staging';
import { isTransactionHeader, mapHeader, type ColumnMap } from './columns';
import { openStatement, StatementFileError, type Encoding } from './read-sheets';
import { cellText, readStatementRow, type AccountRef, type StatementTxn } from './statement-row';

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
const MINUTE = 60_000;

async function sha256(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  for await (const chunk of openImportFile(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

class StatementWriter {
  private readonly account;
  private readonly accountId;
  private readonly fillHolder;
  private readonly insertTxn;
  private readonly bySerial;
  private readonly byParties;
  private readonly sameSide;
  private readonly fillBalance;
  private readonly source;
  private readonly reject;

  constructor(
    private readonly db: Db,
    private readonly fileId: number,
  ) {
    this.account = db.prepare('INSERT INTO flow_account (kind, value, requested) VALUES (?, ?, ?) ON CONFLICT (kind, value) DO NOTHING');
    this.accountId = db.prepare<[string, string], number>('SELECT id FROM flow_account WHERE kind = ? AND value = ?').pluck();
    this.fillHolder = db.prepare(
      `UPDATE flow_account SET holder = coalesce(holder, @holder), id_number = coalesce(id_number, @idNumber), bank = coalesce(bank, @bank),
         requested = max(requested, @requested) WHERE id = @id`,
    );
    this.insertTxn = db.prepare(
      `INSERT INTO flow_txn (from_id, to_id, amount_cents, currency, at_ms, success, cash, serial, channel, type, summary, place, ip, mac, from_balance_cents, to_balance_cents)
       VALUES (@from, @to, @amount, @currency, @at, @success, @cash, @serial, @channel, @type, @summary, @place, @ip, @mac, @fromBalance, @toBalance)`,
    );
    this.bySerial = db
      .prepare<{ serial: string; from: number | null; to: number | null; amount: number }, number>(
        'SELECT id FROM flow_txn WHERE serial = @serial AND from_id IS @from AND to_id IS @to AND amount_cents = @amount LIMIT 1',
      )
      .pluck();
    // The other party's copy of a transfer: the same accounts and amount within a minute, not yet
    // read from this side.
    this.byParties = db
      .prepare<{ from: number | null; to: number | null; amount: number; at: number; side: string }, number>(
        `SELECT t.id FROM flow_txn t INDEXED BY flow_txn_from WHERE t.from_id IS @from AND t.at_ms BETWEEN @at - ${MINUTE} AND @at + ${MINUTE}
           AND t.to_id IS @to AND t.amount_cents = @amount
           AND NOT EXISTS (SELECT 1 FROM flow_txn_source s WHERE s.txn_id = t.id AND s.side = @side)
         ORDER BY abs(t.at_ms - @at) LIMIT 1`,
      )
      .pluck();
    // The same row again from this side (a re-exported statement): same time and balance after.
    this.sameSide = db
      .prepare<{ from: number | null; to: number | null; amount: number; at: number; balance: number | null; column: string }, number>(
        `SELECT id FROM flow_txn INDEXED BY flow_txn_from WHERE from_id IS @from AND at_ms = @at AND to_id IS @to AND amount_cents = @amount
           AND (CASE @column WHEN 'from' THEN from_balance_cents ELSE to_balance_cents END) IS @balance LIMIT 1`,
      )
      .pluck();
    this.fillBalance = db.prepare(
      `UPDATE flow_txn SET from_balance_cents = coalesce(from_balance_cents, @fromBalance), to_balance_cents = coalesce(to_balance_cents, @toBalance) WHERE id = @id`,
    );
    this.source = db.prepare(
      'INSERT OR IGNORE INTO flow_txn_source (txn_id, file_id, sheet, row, side, raw_direction) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.reject = db.prepare('INSERT OR REPLACE INTO statement_rejection (file_id, sheet, row, field, reason) VALUES (?, ?, ?, ?, ?)');
  }

  /** Account ids by kind and value, and the accounts whose holder data this file has given. */
  private readonly ids = new Map<string, number>();
  private readonly filled = new Set<string>();

  private idOf(ref: AccountRef, requested: boolean): number {
    const key = `${ref.kind}:${ref.value}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      this.account.run(ref.kind, ref.value, requested ? 1 : 0);
      id = this.accountId.get(ref.kind, ref.value) as number;
      this.ids.set(key, id);
    }
    return id;
  }

  /** Holder data once per account and file (and `requested` once it has a statement). */
  private fill(id: number, holder: string | null, idNumber: string | null, bank: string | null, requested: boolean): void {
    const key = `${id}:${requested ? 1 : 0}`;
    if (this.filled.has(key) || (holder === null && idNumber === null && bank === null && !requested)) return;
    this.filled.add(key);
    this.fillHolder.run({ id, holder, idNumber, bank, requested: requested ? 1 : 0 });
  }

  /** Stores a transaction; false when it was stored already (a duplicate). */
  write(t: StatementTxn, sheet: string, row: number): boolean {
    const own = this.idOf(t.own, true);
    this.fill(own, t.holder, t.holderId, null, true);
    let other: number | null = null;
    if (t.counterparty !== null) {
      other = this.idOf(t.counterparty, false);
      this.fill(other, t.counterpartyName, t.counterpartyId, t.counterpartyBank, false);
    }
    const out = t.direction === 'out';
    const from = out ? own : other;
    const to = out ? other : own;
    const side = out ? 'from' : 'to';
    const fromBalance = out ? t.balanceCents : t.counterpartyBalanceCents;
    const toBalance = out ? t.counterpartyBalanceCents : t.balanceCents;
    let id: number | undefined;
    if (t.serial !== null) id = this.bySerial.get({ serial: t.serial, from, to, amount: t.amountCents });
    id ??= this.sameSide.get({ from, to, amount: t.amountCents, at: t.atMs, balance: t.balanceCents, column: side });
    // A cash movement has no other party whose statement could carry it.
    if (id === undefined && other !== null) id = this.byParties.get({ from, to, amount: t.amountCents, at: t.atMs, side });
    const duplicate = id !== undefined;
    if (id === undefined) {
      id = Number(
        this.insertTxn.run({
          from,
          to,
          amount: t.amountCents,
          currency: t.currency,
          at: t.atMs,
          success: t.success ? 1 : 0,
          cash: t.cash ? 1 : 0,
          serial: t.serial,
          channel: t.channel,
          type: t.type,
          summary: t.summary,
          place: t.place,
          ip: t.ip,
          mac: t.mac,
          fromBalance,
          toBalance,
        }).lastInsertRowid,
      );
    } else this.fillBalance.run({ id, fromBalance, toBalance });
    this.source.run(id, this.fileId, sheet, row, side, t.rawDirection);
    return !duplicate;
  }

  rejected(sheet: string, row: number, field: string, reason: string): void {
    this.reject.run(this.fileId, sheet, row, field, reason);
  }
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
  return out.account !== undefined && (out.holder !== undefined || out.idNumber !== undefined || out.phone !== undefined) ? out : null;
}

async function importOne(db: Db, file: string, rejections: StatementRejection[]): Promise<StatementFileSummary> {
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
  const { encoding, rows } = await openStatement(file);
  db.exec('BEGIN IMMEDIATE');
  try {
    const fileId = Number(
      db
        .prepare(
          'INSERT INTO statement_file (sha256, name, encoding, imported_at, rows, new_txns, duplicates, rejected) VALUES (?, ?, ?, ?, 0, 0, 0, 0)',
        )
        .run(digest, name, encoding, new Date().toISOString()).lastInsertRowid,
    );
    const writer = new StatementWriter(db, fileId);
    const holderUpdate = db.prepare(
      `UPDATE flow_account SET holder = coalesce(@holder, holder), id_number = coalesce(@idNumber, id_number), phone = coalesce(@phone, phone), bank = coalesce(@bank, bank)
       WHERE value = @value`,
    );
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
        const value = get('account')?.replace(/\D/g, '');
        if (value) holderUpdate.run({ value, holder: get('holder'), idNumber: get('idNumber'), phone: get('phone'), bank: get('bank') });
        continue;
      }
      count += 1;
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
    if (sheets.length === 0)
      throw new StatementFileError(
        `${name} has no transaction sheet: no row names an account (交易卡号 or 交易账号), 交易时间 and 交易金额`,
      );
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

/** Imports statement files one by one; each is whole or not at all. */
export async function importStatements(db: Db, files: readonly string[]): Promise<StatementImportSummary> {
  const started = performance.now();
  const rejections: StatementRejection[] = [];
  const out: StatementFileSummary[] = [];
  for (const file of files) {
    const before = rejections.length;
    try {
      out.push(await importOne(db, file, rejections));
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
