// Writing a statement file's transactions inside the file's one transaction, fast: account ids
// kept in memory for the import, rows written many to a statement, and the duplicate checks
// (docs/statements.md: the same 交易流水号; the other party's copy within a minute; the same row
// again) asked of the store only where a duplicate is possible. Every stored transaction with the
// same payer, payee and amount as a row is a candidate, so a fixed-size Bloom filter of
// (payer, payee, amount) holds every transaction the import can meet: those of this import, and
// those already stored for each account the import names, added once when the account is first
// met. A row the filter has never seen is new without a query; one it may have seen is checked
// against the store as before, after the rows waiting to be written are written. Memory stays flat:
// the filter is 16 MiB whatever the file's size, and the rows wait in batches of a few hundred.
//
// A file large against the transactions stored (a first bank's answer into a new case) is written
// in bulk: the payer and payee indexes, which would take its rows in random order, are dropped and
// built again, sorted, before the file's transaction commits. The filter then holds every stored
// transaction from the start, and the first row it may have seen brings the indexes back before
// the store is asked. The drop is inside the file's transaction: a failed or killed import leaves
// the indexes as they were. Bulk writing is kept to stores and files whose rows together sort in
// memory (BULK_MAX_ROWS), since SQLite's temporary files are not encrypted and stay unused.
import type Database from 'better-sqlite3-multiple-ciphers';
import type { Db } from '../store/db';
import type { AccountRef, StatementTxn } from './statement-row';

const MINUTE = 60_000;
const BATCH = 256;
const TXN_COLUMNS = 17;
const SOURCE_COLUMNS = 9;
/**
 * 2^27 bits (16 MiB), four probes: a row never seen is taken for a possible duplicate about once
 * in 10^9 at 200,000 transactions met, once in 10^5 at two million.
 */
const BLOOM_BITS = 1 << 27;
const PROBES = 4;
/** Bulk writing: at least this many rows expected, no more stored than expected, and at most BULK_MAX_ROWS in all. */
const BULK_MIN_ROWS = 5_000;
const BULK_MAX_ROWS = 2_000_000;
const PARTY_INDEXES = [
  ['flow_txn_from', 'CREATE INDEX flow_txn_from ON flow_txn (from_id, at_ms)'],
  ['flow_txn_to', 'CREATE INDEX flow_txn_to ON flow_txn (to_id, at_ms)'],
] as const;

/** A Bloom filter of (payer, payee, amount), its probes by double hashing. */
class PartyFilter {
  private readonly bits = new Uint32Array(BLOOM_BITS / 32);
  private h1 = 0;
  private h2 = 0;

  private hash(from: number | null, to: number | null, amount: number): void {
    let h = Math.imul((from ?? 0) ^ 0x9e3779b9, 0x85ebca6b);
    h = Math.imul(h ^ (to ?? 0) ^ (h >>> 13), 0xc2b2ae35);
    h = Math.imul(h ^ (amount % 0x100000000) ^ (h >>> 16), 0x27d4eb2f);
    h = Math.imul(h ^ Math.floor(amount / 0x100000000) ^ (h >>> 15), 0x165667b1);
    h ^= h >>> 16;
    // A second hash of its own (not derived from the first): 64 bits in all, so that two
    // different rows rarely agree on every probe.
    let g = Math.imul((to ?? 0) ^ 0x7f4a7c15, 0xcc9e2d51);
    g = Math.imul(g ^ (from ?? 0) ^ (g >>> 15), 0x1b873593);
    g = Math.imul(g ^ Math.floor(amount / 0x100000000) ^ (g >>> 13), 0x85ebca6b);
    g = Math.imul(g ^ (amount % 0x100000000) ^ (g >>> 16), 0xc2b2ae35);
    g ^= g >>> 15;
    this.h1 = h >>> 0;
    this.h2 = (g | 1) >>> 0;
  }

  add(from: number | null, to: number | null, amount: number): void {
    this.hash(from, to, amount);
    for (let i = 0; i < PROBES; i++) {
      const p = ((this.h1 + Math.imul(i, this.h2)) >>> 0) & (BLOOM_BITS - 1);
      (this.bits[p >>> 5] as number) |= 1 << (p & 31);
    }
  }

  mayHave(from: number | null, to: number | null, amount: number): boolean {
    this.hash(from, to, amount);
    for (let i = 0; i < PROBES; i++) {
      const p = ((this.h1 + Math.imul(i, this.h2)) >>> 0) & (BLOOM_BITS - 1);
      if (((this.bits[p >>> 5] as number) & (1 << (p & 31))) === 0) return false;
    }
    return true;
  }
}

type Statement<P extends unknown[] = unknown[], R = unknown> = Database.Statement<P, R>;

function placeholders(columns: number, rows: number): string {
  const one = `(${new Array<string>(columns).fill('?').join(', ')})`;
  return new Array<string>(rows).fill(one).join(', ');
}

export class StatementWriter {
  private readonly insertAccount: Statement;
  private readonly accountId: Statement<[string, string], number>;
  private readonly fillHolder: Statement;
  private readonly bySerialFrom: Statement<[number, number | null, number, string], number>;
  private readonly bySerialTo: Statement<[number, number | null, number, string], number>;
  private readonly byParties: Statement<[number | null, number, number, number | null, number, string, number], number>;
  private readonly sameSide: Statement<[number | null, number, number | null, number, string, number | null], number>;
  private readonly fillBalance: Statement;
  private readonly known: Statement<[number, number], [number | null, number | null, number]>;
  private readonly txnOne: Statement;
  private readonly txnMany: Statement;
  private readonly sourceOne: Statement;
  private readonly sourceMany: Statement;
  private readonly reject: Statement;

  /** Account ids by kind and value; accounts whose stored transactions are in the filter. */
  private readonly ids = new Map<string, number>();
  private readonly byRef = new Map<AccountRef, number>();
  private readonly met = new Set<number>();
  /** Accounts given holder data by this file, and those marked requested. */
  private readonly filled = new Set<number>();
  private readonly marked = new Set<number>();
  private readonly filter = new PartyFilter();
  private nextId: number;
  /** Writing in bulk: the party indexes are dropped until the first possible duplicate or the end. */
  private bulk = false;
  /** Every stored transaction is in the filter (bulk writing put them there at the start). */
  private allKnown = false;
  private txnRows: unknown[] = [];
  private sourceRows: unknown[] = [];

  /** `expectedRows`: about how many rows the file holds (from its size), to choose bulk writing. */
  constructor(
    private readonly db: Db,
    private readonly fileId: number,
    expectedRows = 0,
  ) {
    this.insertAccount = db.prepare(
      'INSERT INTO flow_account (kind, value, requested) VALUES (?, ?, ?) ON CONFLICT (kind, value) DO NOTHING',
    );
    this.accountId = db.prepare<[string, string], number>('SELECT id FROM flow_account WHERE kind = ? AND value = ?').pluck();
    this.fillHolder = db.prepare(
      `UPDATE flow_account SET holder = coalesce(holder, ?), id_number = coalesce(id_number, ?), bank = coalesce(bank, ?),
         requested = max(requested, ?) WHERE id = ?`,
    );
    // The same 交易流水号, found among the payer's transactions (the payee's for a cash deposit).
    this.bySerialFrom = db
      .prepare<[number, number | null, number, string], number>(
        'SELECT id FROM flow_txn INDEXED BY flow_txn_from WHERE from_id = ? AND to_id IS ? AND amount_cents = ? AND serial = ? LIMIT 1',
      )
      .pluck();
    this.bySerialTo = db
      .prepare<[number, number | null, number, string], number>(
        'SELECT id FROM flow_txn INDEXED BY flow_txn_to WHERE to_id = ? AND from_id IS ? AND amount_cents = ? AND serial = ? LIMIT 1',
      )
      .pluck();
    // The other party's copy of a transfer: the same accounts and amount within a minute, not yet
    // read from this side.
    this.byParties = db
      .prepare<[number | null, number, number, number | null, number, string, number], number>(
        `SELECT t.id FROM flow_txn t INDEXED BY flow_txn_from WHERE t.from_id IS ? AND t.at_ms BETWEEN ? - ${MINUTE} AND ? + ${MINUTE}
           AND t.to_id IS ? AND t.amount_cents = ?
           AND NOT EXISTS (SELECT 1 FROM flow_txn_source s WHERE s.txn_id = t.id AND s.side = ?)
         ORDER BY abs(t.at_ms - ?) LIMIT 1`,
      )
      .pluck();
    // The same row again from this side (a re-exported statement): same time and balance after.
    this.sameSide = db
      .prepare<[number | null, number, number | null, number, string, number | null], number>(
        `SELECT id FROM flow_txn INDEXED BY flow_txn_from WHERE from_id IS ? AND at_ms = ? AND to_id IS ? AND amount_cents = ?
           AND (CASE ? WHEN 'from' THEN from_balance_cents ELSE to_balance_cents END) IS ? LIMIT 1`,
      )
      .pluck();
    this.fillBalance = db.prepare(
      'UPDATE flow_txn SET from_balance_cents = coalesce(from_balance_cents, ?), to_balance_cents = coalesce(to_balance_cents, ?) WHERE id = ?',
    );
    this.known = db
      .prepare<[number, number], [number | null, number | null, number]>(
        `SELECT from_id, to_id, amount_cents FROM flow_txn INDEXED BY flow_txn_from WHERE from_id = ?
         UNION ALL SELECT from_id, to_id, amount_cents FROM flow_txn INDEXED BY flow_txn_to WHERE to_id = ?`,
      )
      .raw();
    const txnSql = `INSERT INTO flow_txn (id, from_id, to_id, amount_cents, currency, at_ms, success, cash, serial, channel, type, summary, place, ip, mac, from_balance_cents, to_balance_cents) VALUES `;
    this.txnOne = db.prepare(txnSql + placeholders(TXN_COLUMNS, 1));
    this.txnMany = db.prepare(txnSql + placeholders(TXN_COLUMNS, BATCH));
    const sourceSql = 'INSERT OR IGNORE INTO flow_txn_source (txn_id, file_id, sheet, row, side, raw_direction, ip, mac, terminal) VALUES ';
    this.sourceOne = db.prepare(sourceSql + placeholders(SOURCE_COLUMNS, 1));
    this.sourceMany = db.prepare(sourceSql + placeholders(SOURCE_COLUMNS, BATCH));
    this.reject = db.prepare('INSERT OR REPLACE INTO statement_rejection (file_id, sheet, row, field, reason) VALUES (?, ?, ?, ?, ?)');
    this.nextId = (db.prepare('SELECT coalesce(max(id), 0) + 1 FROM flow_txn').pluck().get() as number) ?? 1;
    // Ids are given in sequence: the next id bounds how many transactions are stored.
    const stored = this.nextId - 1;
    if (expectedRows >= BULK_MIN_ROWS && stored <= expectedRows && stored + expectedRows <= BULK_MAX_ROWS) this.startBulk();
  }

  private startBulk(): void {
    for (const [from, to, amount] of this.db.prepare('SELECT from_id, to_id, amount_cents FROM flow_txn').raw().iterate() as Iterable<
      [number | null, number | null, number]
    >)
      this.filter.add(from, to, amount);
    this.allKnown = true;
    for (const [name] of PARTY_INDEXES) this.db.exec(`DROP INDEX ${name}`);
    this.bulk = true;
  }

  /** The party indexes back, built from the rows written (before the store is asked, and at the end). */
  private endBulk(): void {
    if (!this.bulk) return;
    this.bulk = false;
    this.flushRows();
    for (const [, create] of PARTY_INDEXES) this.db.exec(create);
  }

  private idOf(ref: AccountRef, requested: boolean): number {
    // The reader gives the same object for the same account text: found by identity first.
    const same = this.byRef.get(ref);
    if (same !== undefined) return same;
    const id = this.idByValue(ref, requested);
    if (this.byRef.size >= 100_000) this.byRef.clear();
    this.byRef.set(ref, id);
    return id;
  }

  private idByValue(ref: AccountRef, requested: boolean): number {
    const key = ref.kind === 'bank_card' ? ref.value : `${ref.kind}:${ref.value}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      const created = this.insertAccount.run(ref.kind, ref.value, requested ? 1 : 0).changes === 1;
      id = this.accountId.get(ref.kind, ref.value) as number;
      this.ids.set(key, id);
      // A new account has no stored transactions; one stored before has them put in the filter.
      if (created) this.met.add(id);
    }
    if (!this.allKnown && !this.met.has(id)) {
      this.met.add(id);
      for (const [from, to, amount] of this.known.all(id, id) as [number | null, number | null, number][])
        this.filter.add(from, to, amount);
    }
    return id;
  }

  /** Holder data once per account and file, and `requested` once it has a statement. */
  private fill(id: number, holder: string | null, idNumber: string | null, bank: string | null, requested: boolean): void {
    const seen = requested ? this.marked : this.filled;
    if (seen.has(id) || (holder === null && idNumber === null && bank === null && !requested)) return;
    seen.add(id);
    this.fillHolder.run(holder, idNumber, bank, requested ? 1 : 0, id);
  }

  /** A stored transaction this row is a copy of, or undefined. */
  private duplicateOf(
    t: StatementTxn,
    from: number | null,
    to: number | null,
    side: 'from' | 'to',
    other: number | null,
  ): number | undefined {
    if (!this.filter.mayHave(from, to, t.amountCents)) return undefined;
    this.endBulk();
    this.flushRows();
    let id: number | undefined;
    if (t.serial !== null)
      id =
        from !== null
          ? this.bySerialFrom.get(from, to, t.amountCents, t.serial)
          : this.bySerialTo.get(to as number, from, t.amountCents, t.serial);
    id ??= this.sameSide.get(from, t.atMs, to, t.amountCents, side, t.balanceCents);
    // A cash movement has no other party whose statement could carry it.
    if (id === undefined && other !== null) id = this.byParties.get(from, t.atMs, t.atMs, to, t.amountCents, side, t.atMs);
    return id;
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
    let id = this.duplicateOf(t, from, to, side, other);
    const duplicate = id !== undefined;
    if (id === undefined) {
      id = this.nextId++;
      this.filter.add(from, to, t.amountCents);
      this.txnRows.push(
        id,
        from,
        to,
        t.amountCents,
        t.currency,
        t.atMs,
        t.success ? 1 : 0,
        t.cash ? 1 : 0,
        t.serial,
        t.channel,
        t.type,
        t.summary,
        t.place,
        t.ip,
        t.mac,
        fromBalance,
        toBalance,
      );
    } else this.fillBalance.run(fromBalance, toBalance, id);
    this.sourceRows.push(id, this.fileId, sheet, row, side, t.rawDirection, t.ip, t.mac, t.terminal);
    if (this.sourceRows.length >= BATCH * SOURCE_COLUMNS) this.flushRows();
    return !duplicate;
  }

  rejected(sheet: string, row: number, field: string, reason: string): void {
    this.reject.run(this.fileId, sheet, row, field, reason);
  }

  /** Writes the rows still waiting and, after bulk writing, builds the party indexes. Call before the commit. */
  finish(): void {
    this.flushRows();
    this.endBulk();
  }

  /** Writes the rows waiting: transactions first (their sources refer to them). */
  private flushRows(): void {
    this.txnRows = writeRows(this.txnRows, TXN_COLUMNS, this.txnMany, this.txnOne);
    this.sourceRows = writeRows(this.sourceRows, SOURCE_COLUMNS, this.sourceMany, this.sourceOne);
  }
}

function writeRows(values: unknown[], columns: number, many: Statement, one: Statement): unknown[] {
  const per = BATCH * columns;
  let at = 0;
  for (; at + per <= values.length; at += per) many.run(values.slice(at, at + per));
  for (; at < values.length; at += columns) one.run(values.slice(at, at + columns));
  return [];
}
