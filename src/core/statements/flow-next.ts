// What to request next (未调单账户), store-wide: the accounts whose statements have not been read,
// ranked by the money they received from known mule cards — the accounts whose statements were
// read (a bank answered for them because they were suspected) and the payee cards and accounts
// reports name (such a card unrequested is itself among the accounts to request). Each is tagged by what the statements show of it: a sink receives only, a transit
// receives from mule cards and pays on (its payments appear in other statements), a source only
// pays into mule cards (a victim's or an upstream account; ranked after those receiving, by what
// it paid in). Read by index per mule card: the transactions of the mule cards only, never the
// whole table.
import type { NextRequest } from '../../common/api/flow';
import { centsToDecimal } from '../../common/money';
import type { Db } from '../store/db';

interface Tally {
  received: number;
  paid: number;
  mules: Set<number>;
  first: number;
  last: number;
}

/** Accounts whose statements were read, and those the reports name. */
export function muleCards(db: Db): number[] {
  return db
    .prepare<[], number>(
      `SELECT id FROM flow_account WHERE requested = 1
       UNION SELECT a.id FROM flow_account a WHERE EXISTS (SELECT 1 FROM identifier i INDEXED BY identifier_link WHERE i.kind = a.kind AND i.value = a.value)`,
    )
    .pluck()
    .all();
}

export function nextRequests(db: Db, limit = 100): NextRequest[] {
  if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) throw new RangeError('limit must be a whole number from 1 to 10000');
  const mules = muleCards(db);
  const requested = new Set(db.prepare<[], number>('SELECT id FROM flow_account WHERE requested = 1').pluck().all());
  const out = db
    .prepare<[number], [number, number, number, number, number]>(
      `SELECT to_id, sum(amount_cents), min(at_ms), max(at_ms), count(*) FROM flow_txn INDEXED BY flow_txn_from
       WHERE from_id = ? AND success = 1 AND to_id IS NOT NULL GROUP BY to_id`,
    )
    .raw();
  const inc = db
    .prepare<[number], [number, number, number, number, number]>(
      `SELECT from_id, sum(amount_cents), min(at_ms), max(at_ms), count(*) FROM flow_txn INDEXED BY flow_txn_to
       WHERE to_id = ? AND success = 1 AND from_id IS NOT NULL GROUP BY from_id`,
    )
    .raw();
  const tallies = new Map<number, Tally>();
  const tally = (id: number, mule: number, first: number, last: number): Tally => {
    let t = tallies.get(id);
    if (!t) tallies.set(id, (t = { received: 0, paid: 0, mules: new Set(), first, last }));
    t.mules.add(mule);
    t.first = Math.min(t.first, first);
    t.last = Math.max(t.last, last);
    return t;
  };
  for (const mule of mules) {
    for (const [to, sum, first, last] of out.all(mule) as [number, number, number, number, number][])
      if (!requested.has(to) && to !== mule) tally(to, mule, first, last).received += sum;
    for (const [from, sum, first, last] of inc.all(mule) as [number, number, number, number, number][])
      if (!requested.has(from) && from !== mule) tally(from, mule, first, last).paid += sum;
  }
  const pays = db
    .prepare<[number], number>('SELECT 1 FROM flow_txn INDEXED BY flow_txn_from WHERE from_id = ? AND success = 1 LIMIT 1')
    .pluck();
  const info = db.prepare<[number], { value: string; holder: string | null; bank: string | null }>(
    'SELECT value, holder, bank FROM flow_account WHERE id = ?',
  );
  const ranked = [...tallies]
    .map(([id, t]) => {
      const role: NextRequest['role'] = t.received === 0 ? 'source' : pays.get(id) !== undefined ? 'transit' : 'sink';
      return { id, t, role };
    })
    .sort(
      (x, y) =>
        y.t.received - x.t.received ||
        y.t.paid - x.t.paid ||
        y.t.mules.size - x.t.mules.size ||
        (info.get(x.id)?.value ?? '').localeCompare(info.get(y.id)?.value ?? ''),
    )
    .slice(0, limit);
  return ranked.map(({ id, t, role }) => {
    const a = info.get(id) as { value: string; holder: string | null; bank: string | null };
    return {
      account: a.value,
      holder: a.holder,
      bank: a.bank,
      role,
      received: centsToDecimal(t.received),
      paid: centsToDecimal(t.paid),
      mules: t.mules.size,
      first: new Date(t.first).toISOString(),
      last: new Date(t.last).toISOString(),
    };
  });
}
