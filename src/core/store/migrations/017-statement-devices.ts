// The device each statement row was made from, kept per row (flow_txn_source): IP地址, MAC地址 and
// 终端号 of the statement that carried it. A transfer between two requested accounts has two rows,
// each naming the device its own bank recorded; the account that operated the payment is the
// statement's own account of its paying row (statements/flow-links.ts). IP and MAC are normalised
// (statements/device.ts): a MAC as six upper-case hex pairs, an IP as report identifiers are.
// Stores imported before keep the device the first row read gave the transaction (flow_txn.ip,
// flow_txn.mac): it is put on that row, normalised; holders' ID numbers are normalised too, so
// that one person's cards meet however the banks wrote the number.
import type Database from 'better-sqlite3-multiple-ciphers';
import { normaliseIdNumber, normaliseMac, normaliseStatementIp } from '../../statements/device';
import type { Migration } from './migration';

function carryOver(db: Database.Database): void {
  const txns = db.prepare('SELECT id, ip, mac FROM flow_txn WHERE ip IS NOT NULL OR mac IS NOT NULL').raw().all() as [
    number,
    string | null,
    string | null,
  ][];
  // The row that wrote the transaction is its first source (the lowest file, sheet and row).
  const first = db.prepare<[number], [number, string, number]>(
    'SELECT file_id, sheet, row FROM flow_txn_source WHERE txn_id = ? ORDER BY file_id, sheet, row LIMIT 1',
  );
  const setSource = db.prepare('UPDATE flow_txn_source SET ip = ?, mac = ? WHERE file_id = ? AND sheet = ? AND row = ?');
  const setTxn = db.prepare('UPDATE flow_txn SET ip = ?, mac = ? WHERE id = ?');
  for (const [id, ip, mac] of txns) {
    const [nip, nmac] = [normaliseStatementIp(ip), normaliseMac(mac)];
    setTxn.run(nip, nmac, id);
    const src = first.raw().get(id) as [number, string, number] | undefined;
    if (src) setSource.run(nip, nmac, ...src);
  }
  const ids = db.prepare('SELECT id, id_number FROM flow_account WHERE id_number IS NOT NULL').raw().all() as [number, string][];
  const setId = db.prepare('UPDATE flow_account SET id_number = ? WHERE id = ?');
  for (const [id, n] of ids) {
    const norm = normaliseIdNumber(n);
    if (norm !== n) setId.run(norm, id);
  }
}

export const m017StatementDevices: Migration = {
  version: 17,
  name: 'statement-devices',
  up: `
    ALTER TABLE flow_txn_source ADD COLUMN ip TEXT;
    ALTER TABLE flow_txn_source ADD COLUMN mac TEXT;
    ALTER TABLE flow_txn_source ADD COLUMN terminal TEXT;
    CREATE INDEX flow_txn_source_ip ON flow_txn_source (ip) WHERE ip IS NOT NULL;
    CREATE INDEX flow_txn_source_mac ON flow_txn_source (mac) WHERE mac IS NOT NULL;
    CREATE INDEX flow_account_id_number ON flow_account (id_number) WHERE id_number IS NOT NULL;
  `,
  run: carryOver,
};
