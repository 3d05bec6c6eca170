// Migration 017: each statement row's device. A store imported before keeps the IP and MAC the
// first row read gave each transaction: put on that row, normalised (and on the transaction), so
// that `flow links` finds the cards sharing them; holders' ID numbers are normalised too.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { flowLinks } from '../../../src/core/statements/flow-links';
import { openStore, schemaVersion } from '../../../src/core/store/db';
import { MIGRATIONS } from '../../../src/core/store/migrations';
import { m017StatementDevices } from '../../../src/core/store/migrations/017-statement-devices';
import { tempDir } from '../../support/tmp';

const BEFORE = MIGRATIONS.slice(0, MIGRATIONS.indexOf(m017StatementDevices));

describe('migration 017 statement-devices', () => {
  it('moves each transaction’s device onto the row that wrote it, normalised, and normalises holders’ ID numbers', () => {
    const file = path.join(tempDir(), 'store.db');
    const before = openStore(file, { migrations: BEFORE });
    before.exec(`
      INSERT INTO statement_file (id, sha256, name, imported_at, rows, new_txns, duplicates, rejected) VALUES (1, 'a', 'a.csv', '2025-03-01', 3, 3, 0, 0);
      INSERT INTO flow_account (id, kind, value, id_number, requested) VALUES
        (1, 'bank_card', '6222003141592657919', '11010119900101123x', 1), (2, 'bank_card', '6222003141592665838', '110101 19900101123X', 1),
        (3, 'bank_card', '6222003141592673757', NULL, 0);
      INSERT INTO flow_txn (id, from_id, to_id, amount_cents, currency, at_ms, success, cash, ip, mac) VALUES
        (1, 1, 3, 100, 'CNY', 1000, 1, 0, '036.112.010.005', '00-1a-2b-3c-4d-5e'),
        (2, 2, 3, 200, 'CNY', 2000, 1, 0, NULL, '001A.2B3C.4D5E'),
        (3, 3, 1, 300, 'CNY', 3000, 1, 0, NULL, NULL);
      INSERT INTO flow_txn_source (txn_id, file_id, sheet, row, side) VALUES (1, 1, 'a', 2, 'from'), (1, 1, 'a', 9, 'to'), (2, 1, 'a', 3, 'from'), (3, 1, 'a', 4, 'to');
    `);
    before.close();
    const db = openStore(file);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(db.prepare('SELECT txn_id, row, ip, mac, terminal FROM flow_txn_source ORDER BY txn_id, row').all()).toEqual([
      { txn_id: 1, row: 2, ip: '36.112.10.5', mac: '00:1A:2B:3C:4D:5E', terminal: null },
      { txn_id: 1, row: 9, ip: null, mac: null, terminal: null },
      { txn_id: 2, row: 3, ip: null, mac: '00:1A:2B:3C:4D:5E', terminal: null },
      { txn_id: 3, row: 4, ip: null, mac: null, terminal: null },
    ]);
    expect(db.prepare('SELECT ip, mac FROM flow_txn WHERE id = 1').get()).toEqual({ ip: '36.112.10.5', mac: '00:1A:2B:3C:4D:5E' });
    expect(db.prepare('SELECT id_number FROM flow_account ORDER BY id').pluck().all()).toEqual([
      '11010119900101123X',
      '11010119900101123X',
      null,
    ]);
    const links = flowLinks(db);
    expect(links.devices.map((d) => [d.value, d.accounts.length])).toEqual([['00:1A:2B:3C:4D:5E', 2]]);
    expect(links.holders.map((h) => h.basis)).toEqual([['id_number']]);
    db.close();
  });
});
