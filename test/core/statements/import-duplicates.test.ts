// Duplicates at volume, through the batched writer: both parties' statements in one file and in
// another, a re-exported statement (other bytes, the same rows), 交易流水号 on some rows — every
// transfer stored once with both sources, whichever check finds its copy, and a transfer's copy
// that is another transfer (same parties and amount, hours apart) kept apart.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importStatements } from '../../../src/core/statements/import-statements';
import { openStore } from '../../../src/core/store/db';
import { tempDir } from '../../support/tmp';

const HEADER = '交易卡号,交易时间,交易金额,交易余额,收付标志,交易对手账卡号,交易流水号';
const card = (k: number): string => `62220200${String(k).padStart(11, '0')}`;
const TRANSFERS = 1500;

interface Transfer {
  from: string;
  to: string;
  cents: number;
  atMin: number;
  serial: string;
}

function transfers(): Transfer[] {
  const out: Transfer[] = [];
  for (let i = 0; i < TRANSFERS; i++) {
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

describe('duplicate transfers at volume', () => {
  it('stores every transfer once, with both sides, however the statements carrying it are split into files', async () => {
    const dir = tempDir();
    const db = openStore(path.join(dir, 'store.db'));
    const all = transfers();
    const write = (name: string, lines: string[]): string => {
      const f = path.join(dir, name);
      fs.writeFileSync(f, `${[HEADER, ...lines].join('\n')}\n`);
      return f;
    };
    // One file: every payer's row, and the payee's rows of the first half (both parties in one file).
    const half = all.slice(0, TRANSFERS / 2);
    const first = await importStatements(db, [write('a.csv', [...all.map(outRow), ...half.map(inRow)])]);
    expect(first.files[0]).toMatchObject({ rows: TRANSFERS * 1.5, new: TRANSFERS, duplicates: TRANSFERS / 2, rejected: 0 });
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
  });
});
