// Traces on hand-built statements in a real store, both ways: backward from a cash-out card (who
// paid in, layer by layer, only money that arrived before it was paid on and within the window),
// forward from a mule card, each with and without an amount tolerance, the figures adding up to
// the cent.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { traceAccount, type Trace } from '../../../src/core/statements/flow';
import { nextRequests } from '../../../src/core/statements/flow-next';
import { importStatements } from '../../../src/core/statements/import-statements';
import { openStore, type Db } from '../../../src/core/store/db';
import { tempDir } from '../../support/tmp';

const card = (k: number): string => `62220200${String(k).padStart(11, '0')}`;
const [V1, V2, X, A, B] = [card(1), card(2), card(3), card(4), card(5)];
const [C, D, Y, Z, W] = [card(6), card(7), card(8), card(9), card(10)];
const H = 60; // minutes

/** Each row from the payer's statement: [payer, payee or '' for cash, amount, minutes after the start]. */
const ROWS: readonly [string, string, string, number][] = [
  [X, A, '500.00', -72 * H], // long before A paid on: not A's money
  [V1, A, '1000.00', 0],
  [V2, A, '2000.00', 10],
  [A, B, '2900.00', 60],
  [Z, B, '800.00', 61], // B's, but not the amount it paid on
  [B, C, '2800.00', 120],
  [D, C, '1000.00', 121],
  [Y, B, '5000.00', 180], // after B paid C: cannot have been that money
  [B, W, '300.00', 125],
  [C, '', '3700.00', 240], // ATM
];

async function store(): Promise<Db> {
  const dir = tempDir();
  const lines = ['交易卡号,交易时间,交易金额,收付标志,交易对手账卡号,摘要说明'];
  for (const [from, to, amount, min] of ROWS) {
    const at = new Date(Date.UTC(2025, 2, 10, 0, min)).toISOString().replace('T', ' ').slice(0, 19);
    lines.push(`${from},${at},${amount},出,${to},${to === '' ? 'ATM取款' : '转账'}`);
  }
  const file = path.join(dir, 'rows.csv');
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  const db = openStore(path.join(dir, 'store.db'));
  const r = await importStatements(db, [file]);
  expect(r).toMatchObject({ new: ROWS.length, rejected: 0 });
  return db;
}

const cents = (s: string): number => Math.round(Number(s) * 100);
const byAccount = (t: Trace): Record<string, [number, string, string, string, string]> =>
  Object.fromEntries(t.accounts.map((a) => [a.account, [a.layer, a.received, a.sent, a.cash_out, a.retained]]));

/** Every account's received − sent − cash out is its retained, to the cent. */
function accountsAddUp(t: Trace): void {
  for (const a of t.accounts)
    if (a.layer < 3 || t.direction === 'forward') expect(cents(a.received) - cents(a.sent) - cents(a.cash_out)).toBe(cents(a.retained));
}

describe('tracing the money', () => {
  it('follows a cash-out card backward: payers before it, within the window, the figures adding up', async () => {
    const db = await store();
    const t = traceAccount(db, C, { direction: 'backward', depth: 3 });
    expect(t.direction).toBe('backward');
    expect(byAccount(t)).toEqual({
      [C]: [0, '3800.00', '0.00', '3700.00', '100.00'],
      [B]: [1, '3700.00', '2800.00', '0.00', '900.00'],
      [D]: [1, '0.00', '1000.00', '0.00', '-1000.00'],
      [A]: [2, '3000.00', '2900.00', '0.00', '100.00'],
      [Z]: [2, '0.00', '800.00', '0.00', '-800.00'],
      [V1]: [3, '0.00', '1000.00', '0.00', '0.00'],
      [V2]: [3, '0.00', '2000.00', '0.00', '0.00'],
    });
    // X paid A three days before A paid on; Y paid B after B paid C: neither followed.
    expect(t.accounts.map((a) => a.account)).not.toContain(X);
    expect(t.accounts.map((a) => a.account)).not.toContain(Y);
    expect(t.edges.map((e) => [e.from, e.to, e.amount])).toEqual([
      [B, C, '2800.00'],
      [D, C, '1000.00'],
      [A, B, '2900.00'],
      [Z, B, '800.00'],
      [V2, A, '2000.00'],
      [V1, A, '1000.00'],
    ]);
    const { entered, retained, beyond, cash_out } = t.totals;
    expect([entered, retained, beyond, cash_out]).toEqual(['3800.00', '-800.00', '3000.00', '3700.00']);
    // Money in at the far end = money into the start + what the accounts on the way kept.
    expect(cents(beyond)).toBe(cents(entered) + cents(retained));
    accountsAddUp(t);

    // A 5 % tolerance: B's 800 from Z is not the 2800 it paid C; A's 2900 is.
    const tol = traceAccount(db, C, { direction: 'backward', depth: 3, tolerance: 0.05 });
    expect(tol.accounts.map((a) => a.account)).not.toContain(Z);
    expect(byAccount(tol)[B]).toEqual([1, '2900.00', '2800.00', '0.00', '100.00']);
    // A's payment of 2900 matches neither 1000 nor 2000 within 5 %: the victims are not followed.
    expect(byAccount(tol)[A]).toEqual([2, '0.00', '2900.00', '0.00', '-2900.00']);
    expect(cents(tol.totals.beyond)).toBe(cents(tol.totals.entered) + cents(tol.totals.retained));
    accountsAddUp(tol);
    // A window too short for A's payment to B (an hour before B paid C) leaves A out.
    const short = traceAccount(db, C, { direction: 'backward', depth: 3, windowHours: 0.5 });
    expect(short.accounts.map((a) => a.account).sort()).toEqual([B, C, D].sort());
    db.close();
  });

  it('follows a mule card forward with a tolerance: only payments on that match what arrived', async () => {
    const db = await store();
    const all = traceAccount(db, A, { depth: 3 });
    expect(byAccount(all)[B]).toEqual([1, '2900.00', '3100.00', '0.00', '-200.00']);
    expect(all.accounts.map((a) => a.account)).toContain(W);
    const tol = traceAccount(db, A, { depth: 3, tolerance: 0.05 });
    // B's 300 to W is not the 2900 it received; its 2800 to C is.
    expect(tol.accounts.map((a) => a.account)).not.toContain(W);
    expect(byAccount(tol)[B]).toEqual([1, '2900.00', '2800.00', '0.00', '100.00']);
    // C received 2800 and withdrew 3700: no match within 5 %, so no cash followed.
    expect(byAccount(tol)[C]).toEqual([2, '2800.00', '0.00', '0.00', '2800.00']);
    for (const t of [all, tol]) {
      const { entered, cash_out, retained, beyond } = t.totals;
      expect(cents(entered)).toBe(cents(cash_out) + cents(retained) + cents(beyond));
      accountsAddUp(t);
    }
    expect(tol.totals).toMatchObject({ entered: '3500.00', cash_out: '0.00' });
    db.close();
  });
});

describe('what to request next', () => {
  it('ranks the accounts without a statement by what mule cards paid them, tagged sink, transit or source', async () => {
    const db = await store();
    // Another statement (C's, read before as the payee's rows): T, never requested, paid C; B paid T.
    const T = card(11);
    const file = path.join(tempDir(), 'more.csv');
    fs.writeFileSync(
      file,
      [
        '交易卡号,交易时间,交易金额,收付标志,交易对手账卡号',
        `${C},2025-03-11 10:00:00,700.00,进,${T}`,
        `${B},2025-03-11 09:00:00,900.00,出,${T}`,
      ].join('\n'),
    );
    expect(await importStatements(db, [file])).toMatchObject({ new: 2 });
    const next = nextRequests(db);
    expect(next.map((n) => [n.account, n.role, n.received, n.paid, n.mules])).toEqual([
      [T, 'transit', '900.00', '700.00', 2],
      [W, 'sink', '300.00', '0.00', 1],
    ]);
    expect(nextRequests(db, 1)).toHaveLength(1);
    db.close();
  });
});
