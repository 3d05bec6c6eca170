// The money flow of an imported bundle into the receiving store, inside the import's one
// transaction (all or nothing with the reports): its accounts (holder data filled where the
// store has none) and its transactions, each counted once however many bundles or statements
// carry it — a transaction with the same accounts, amount and time (and 交易流水号, where both
// give one) is the one already stored. Every transaction keeps where it came from: a
// statement_file row for the bundle (its manifest's SHA-256) and a source row per line of
// flow/transactions.csv, on the side whose statement the issuing bureau read, with its device.
// The series' money flow then shows it like the store's own statements (the series' cards meet
// the flow's accounts by kind and number).
import type { Db } from '../store/db';
import type { BundleFlow } from './flow-content';
import { FLOW_TRANSACTIONS } from './flow-tables';

export interface FlowImportCounts {
  readonly accounts: number;
  readonly transactions: number;
  readonly new: number;
  readonly duplicates: number;
}

export function mergeFlow(db: Db, flow: BundleFlow, manifestSha256: string, name: string, now: string): FlowImportCounts {
  const fileId = Number(
    db
      .prepare(
        `INSERT INTO statement_file (sha256, name, encoding, imported_at, rows, new_txns, duplicates, rejected) VALUES (?, ?, 'utf-8', ?, ?, 0, 0, 0)`,
      )
      .run(manifestSha256, `${name} (${FLOW_TRANSACTIONS})`, now, flow.transactions.length).lastInsertRowid,
  );
  const insertAccount = db.prepare(
    'INSERT INTO flow_account (kind, value, requested) VALUES (?, ?, 0) ON CONFLICT (kind, value) DO NOTHING',
  );
  const accountId = db.prepare<[string, string], number>('SELECT id FROM flow_account WHERE kind = ? AND value = ?').pluck();
  const fill = db.prepare(
    `UPDATE flow_account SET holder = coalesce(holder, @holder), id_number = coalesce(id_number, @idNumber), phone = coalesce(phone, @phone),
       bank = coalesce(bank, @bank), requested = max(requested, @requested) WHERE id = @id`,
  );
  const ids = new Map<string, number>();
  for (const a of flow.accounts) {
    insertAccount.run(a.kind, a.account);
    const id = accountId.get(a.kind, a.account) as number;
    ids.set(`${a.kind}\u0000${a.account}`, id);
    fill.run({ id, holder: a.holder, idNumber: a.idNumber, phone: a.phone, bank: a.bank, requested: a.requested ? 1 : 0 });
  }
  const same = db
    .prepare<{ from: number | null; to: number | null; amount: number; at: number; serial: string | null }, number>(
      `SELECT id FROM flow_txn WHERE from_id IS @from AND to_id IS @to AND amount_cents = @amount AND at_ms = @at AND success = 1
         AND (serial IS NULL OR @serial IS NULL OR serial = @serial) LIMIT 1`,
    )
    .pluck();
  const insert = db.prepare(
    `INSERT INTO flow_txn (from_id, to_id, amount_cents, currency, at_ms, success, cash, serial, channel, type, summary, place, ip, mac)
     VALUES (@from, @to, @amount, @currency, @at, 1, @cash, @serial, @channel, @type, @summary, @place, @ip, @mac)`,
  );
  const source = db.prepare(
    `INSERT INTO flow_txn_source (txn_id, file_id, sheet, row, side, raw_direction, ip, mac, terminal) VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?)`,
  );
  let fresh = 0;
  let dups = 0;
  flow.transactions.forEach((t, i) => {
    const from = t.from === null ? null : (ids.get(`${t.fromKind}\u0000${t.from}`) as number);
    const to = t.to === null ? null : (ids.get(`${t.toKind}\u0000${t.to}`) as number);
    const key = { from, to, amount: t.amountCents, at: t.atMs, serial: t.serial };
    let id = same.get(key);
    if (id === undefined) {
      id = Number(
        insert.run({
          ...key,
          currency: t.currency,
          cash: t.cash ? 1 : 0,
          channel: t.channel,
          type: t.type,
          summary: t.summary,
          place: t.place,
          ip: t.ip,
          mac: t.mac,
        }).lastInsertRowid,
      );
      fresh += 1;
    } else dups += 1;
    source.run(id, fileId, FLOW_TRANSACTIONS, i + 2, t.readFrom === 'to' ? 'to' : 'from', t.ip, t.mac, t.terminal);
  });
  db.prepare('UPDATE statement_file SET new_txns = ?, duplicates = ? WHERE id = ?').run(fresh, dups, fileId);
  return { accounts: flow.accounts.length, transactions: flow.transactions.length, new: fresh, duplicates: dups };
}
