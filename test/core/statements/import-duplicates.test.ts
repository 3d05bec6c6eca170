// Duplicates at volume, through the batched writer: both parties' statements in one file and in
// another, a re-exported statement (other bytes, the same rows), 交易流水号 on some rows — every
// transfer stored once with both sources, whichever check finds its copy, and a transfer's copy
// that is another transfer (same parties and amount, hours apart) kept apart.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importStatements } from '../../../src/core/statements/import-statements';
import type { StatementTxn } from '../../../src/core/statements/statement-row';
import { StatementWriter } from '../../../src/core/statements/statement-writer';
import { openStore } from '../../../src/core/store/db';
import { tempDir } from '../../support/tmp';

const HEADER = '交易卡号,交易时间,交易金额,交易余额,收付标志,交易对手账卡号,交易流水号';
const card = (k: number): string => `62220200${String(k).padStart(11, '0')}`;

interface Transfer {
  from: string;
  to: string;
  cents: number;
  atMin: number;
  serial: string;
}

function transfers(count: number): Transfer[] {
  const out: Transfer[] = [];
  for (let i = 0; i < count; i++) {
    const from = (i * 7) % 40;
    out.push({
      from: card(from),
      to: card((from + 1 + (i % 13)) % 40),
      cents: 10_000 + i,
      atMin: i * 3,
      serial: i % 3 === 0 ? `SN${i}` : '',
    });
  }
  return out;
}

const when = (min: number): string => new Date(Date.UTC(2025, 2, 1, 0, min)).toISOString().replace('T', ' ').slice(0, 19);
const money = (c: number): string => (c / 100).toFixed(2);
/** The payer's row (出) and the payee's (进). */
const outRow = (t: Transfer): string => `${t.from},${when(t.atMin)},${money(t.cents)},${money(t.cents * 3)},出,${t.to},${t.serial}`;
const inRow = (t: Transfer): string => `${t.to},${when(t.atMin)},${money(t.cents)},${money(t.cents * 5)},进,${t.from},${t.serial}`;

const partyIndexes = (db: ReturnType<typeof openStore>): string[] =>
  db.prepare("SELECT name FROM sqlite_master WHERE name IN ('flow_txn_from', 'flow_txn_to') ORDER BY name").pluck().all() as string[];

describe('duplicate transfers at volume', () => {
  // 1,500 transfers are written row by row into the indexes; 8,000 make the first file large
  // enough to be written in bulk (statement-writer.ts), its indexes built again at the payees' rows.
  it.each([1500, 8000])(
    'stores every one of %i transfers once, with both sides, however the statements carrying it are split into files',
    async (TRANSFERS) => {
      const dir = tempDir();
      const db = openStore(path.join(dir, 'store.db'));
      const all = transfers(TRANSFERS);
      const write = (name: string, lines: string[]): string => {
        const f = path.join(dir, name);
        fs.writeFileSync(f, `${[HEADER, ...lines].join('\n')}\n`);
        return f;
      };
      // One file: every payer's row, and the payee's rows of the first half (both parties in one file).
      const half = all.slice(0, TRANSFERS / 2);
      const first = await importStatements(db, [write('a.csv', [...all.map(outRow), ...half.map(inRow)])]);
      expect(first.files[0]).toMatchObject({ rows: TRANSFERS * 1.5, new: TRANSFERS, duplicates: TRANSFERS / 2, rejected: 0 });
      expect(partyIndexes(db)).toEqual(['flow_txn_from', 'flow_txn_to']);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      // Another: every payee's row (the first half read already from that side, the second not).
      const second = await importStatements(db, [write('b.csv', all.map(inRow))]);
      expect(second.files[0]).toMatchObject({ rows: TRANSFERS, new: 0, duplicates: TRANSFERS });
      // The payers' rows re-exported (CRLF line ends, so other bytes): nothing new.
      const reexport = path.join(dir, 'a2.csv');
      fs.writeFileSync(reexport, `${[HEADER, ...all.map(outRow)].join('\r\n')}\r\n`);
      const third = await importStatements(db, [reexport]);
      expect(third.files[0]).toMatchObject({ rows: TRANSFERS, new: 0, duplicates: TRANSFERS });
      expect(db.prepare('SELECT count(*) FROM flow_txn').pluck().get()).toBe(TRANSFERS);
      // Each transfer has its payer's and its payee's source, and both balances.
      const sides = db
        .prepare(
          `SELECT count(*) FROM flow_txn t WHERE EXISTS (SELECT 1 FROM flow_txn_source s WHERE s.txn_id = t.id AND s.side = 'from')
           AND EXISTS (SELECT 1 FROM flow_txn_source s WHERE s.txn_id = t.id AND s.side = 'to')
           AND from_balance_cents = amount_cents * 3 AND to_balance_cents = amount_cents * 5`,
        )
        .pluck()
        .get();
      expect(sides).toBe(TRANSFERS);
      // The same parties and amount again hours later is another transfer.
      const t0 = all[0] as Transfer;
      const later = { ...t0, atMin: t0.atMin + 600, serial: '' };
      const fourth = await importStatements(db, [write('c.csv', [outRow(later), inRow(later)])]);
      expect(fourth.files[0]).toMatchObject({ new: 1, duplicates: 1 });
      expect(db.prepare('SELECT count(*) FROM flow_txn').pluck().get()).toBe(TRANSFERS + 1);
      db.close();
    },
    60_000,
  );
});

describe('progress', () => {
  it('tells the rows read so far, every 5,000 and after each file, counted over all the files', async () => {
    const dir = tempDir();
    const db = openStore(path.join(dir, 'store.db'));
    const all = transfers(12_000);
    const a = path.join(dir, 'a.csv');
    fs.writeFileSync(a, `${[HEADER, ...all.slice(0, 11_000).map(outRow)].join('\n')}\n`);
    const b = path.join(dir, 'b.csv');
    fs.writeFileSync(b, `${[HEADER, ...all.slice(11_000).map(outRow)].join('\n')}\n`);
    const seen: number[] = [];
    const r = await importStatements(db, [a, b], { onRows: (n) => seen.push(n) });
    expect(r.new).toBe(12_000);
    expect(seen).toEqual([5000, 10_000, 11_000, 11_000 + 1000]);
    db.close();
  });
});

describe('bulk writing', () => {
  function writerStore(): { db: ReturnType<typeof openStore>; fileId: number } {
    const db = openStore(path.join(tempDir(), 'store.db'));
    db.exec('BEGIN IMMEDIATE');
    const fileId = Number(
      db
        .prepare(
          "INSERT INTO statement_file (sha256, name, imported_at, rows, new_txns, duplicates, rejected) VALUES ('x', 'f.csv', '', 0, 0, 0, 0)",
        )
        .run().lastInsertRowid,
    );
    return { db, fileId };
  }

  const txn = (t: Transfer): StatementTxn =>
    ({
      own: { kind: 'bank_card', value: t.from },
      holder: null,
      holderId: null,
      counterparty: { kind: 'bank_card', value: t.to },
      counterpartyName: null,
      counterpartyId: null,
      counterpartyBank: null,
      direction: 'out',
      rawDirection: '出',
      amountCents: t.cents,
      currency: 'CNY',
      atMs: Date.UTC(2025, 2, 1, 0, t.atMin),
      success: true,
      cash: false,
      balanceCents: null,
      counterpartyBalanceCents: null,
      serial: null,
      channel: null,
      type: null,
      summary: null,
      place: null,
      ip: null,
      mac: null,
      terminal: null,
    }) satisfies StatementTxn;

  it('drops the party indexes for a large file into a small store, and builds them again before the first possible duplicate is looked up', () => {
    const { db, fileId } = writerStore();
    const all = transfers(3000);
    const writer = new StatementWriter(db, fileId, 10_000);
    expect(partyIndexes(db)).toEqual([]);
    all.forEach((t, i) => expect(writer.write(txn(t), 's', i + 2)).toBe(true));
    expect(partyIndexes(db)).toEqual([]);
    // The same row again: found, after the indexes are back.
    expect(writer.write(txn(all[17] as Transfer), 's', 9999)).toBe(false);
    expect(partyIndexes(db)).toEqual(['flow_txn_from', 'flow_txn_to']);
    writer.finish();
    db.exec('COMMIT');
    expect(db.prepare('SELECT count(*) FROM flow_txn INDEXED BY flow_txn_from WHERE from_id IS NOT NULL').pluck().get()).toBe(3000);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('builds the indexes before the commit when no duplicate comes, and gives them back on a rollback', () => {
    const { db, fileId } = writerStore();
    const writer = new StatementWriter(db, fileId, 10_000);
    for (const [i, t] of transfers(200).entries()) writer.write(txn(t), 's', i + 2);
    writer.finish();
    expect(partyIndexes(db)).toEqual(['flow_txn_from', 'flow_txn_to']);
    db.exec('COMMIT');

    db.exec('BEGIN IMMEDIATE');
    // Stored 200, expected 10,000: bulk again; a failed file rolls back, the indexes with it.
    new StatementWriter(db, fileId, 10_000).write(txn({ ...(transfers(1)[0] as Transfer), atMin: 99_999, cents: 777_777 }), 's', 5000);
    expect(partyIndexes(db)).toEqual([]);
    db.exec('ROLLBACK');
    expect(partyIndexes(db)).toEqual(['flow_txn_from', 'flow_txn_to']);
    expect(db.prepare('SELECT count(*) FROM flow_txn').pluck().get()).toBe(200);
    db.close();
  });

  it('writes row by row into the indexes for a small file or a store holding more than the file', () => {
    const { db, fileId } = writerStore();
    const writer = new StatementWriter(db, fileId, 4000);
    for (const [i, t] of transfers(100).entries()) writer.write(txn(t), 's', i + 2);
    expect(partyIndexes(db)).toEqual(['flow_txn_from', 'flow_txn_to']);
    writer.finish();
    db.exec('COMMIT');
    db.close();
  });
});
