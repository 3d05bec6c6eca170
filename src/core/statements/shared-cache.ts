// The downstream accounts several series share, kept in flow_shared (migration 016) and computed
// once per change: a statements import counts one (markSharedStale), a link run is one (its
// link_run row), the
// analysis worker computes it again off the backend thread (refreshShared), and reads are index
// look-ups. A read that finds it behind a change computes it there and then (the worker had not
// finished, or there is none), so an answer is never stale.
import type { SharedAccount } from '../../common/api/flow';
import { centsToDecimal } from '../../common/money';
import { writeCache } from '../analysis/cache-write';
import type { Db } from '../store/db';
import { traceIds } from './flow';

/** Every active series whose reports name an account statements carry, with those accounts. */
function cardsBySeries(db: Db): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const rows = db
    .prepare(
      `SELECT DISTINCT m.series_id, a.id FROM flow_account a JOIN identifier i INDEXED BY identifier_link ON i.kind = a.kind AND i.value = a.value
       JOIN series_member m ON m.rid = i.rid ORDER BY m.series_id, a.id`,
    )
    .raw()
    .all() as [string, number][];
  for (const [s, id] of rows) (out.get(s) ?? out.set(s, []).get(s)!).push(id);
  return out;
}

/** A statements import: a change to what flow_shared is computed from. */
export function markSharedStale(db: Db): void {
  db.prepare('UPDATE flow_shared_state SET changed = changed + 1 WHERE id = 1').run();
}

const LAST_RUN = '(SELECT coalesce(max(id), 0) FROM link_run)';

function isCurrent(db: Db): boolean {
  return db.prepare(`SELECT changed = computed AND computed_run = ${LAST_RUN} FROM flow_shared_state WHERE id = 1`).pluck().get() === 1;
}

interface Computed {
  readonly rows: readonly (readonly [number, string, number])[];
  readonly generation: number;
  readonly run: number;
}

/** Traces every series from its cards: the accounts (layer ≥ 1) each reaches, with what they received. */
function compute(db: Db): Computed {
  // One snapshot for the reads; the counters read in it are the ones the result is of.
  const rows: [number, string, number][] = [];
  db.exec('BEGIN');
  try {
    const [generation, run] = db.prepare(`SELECT changed, ${LAST_RUN} FROM flow_shared_state WHERE id = 1`).raw().get() as [number, number];
    for (const [series, cards] of cardsBySeries(db)) {
      const t = traceIds(db, cards);
      for (const [id, l] of t.layer) if (l > 0) rows.push([id, series, t.received.get(id) ?? 0]);
    }
    return { rows, generation, run };
  } finally {
    db.exec('COMMIT');
  }
}

function fill(db: Db, table: string, rows: Computed['rows']): void {
  db.exec(`DELETE FROM ${table}`);
  const insert = db.prepare(`INSERT INTO ${table} (account_id, series_id, received_cents) VALUES (?, ?, ?)`);
  for (const r of rows) insert.run(...r);
}

/** Computes flow_shared again; false when the write was skipped (the store busy: the next read computes). */
export function refreshShared(db: Db): boolean {
  return store(db, compute(db));
}

function store(db: Db, c: Computed): boolean {
  return writeCache(db, () => {
    db.transaction(() => {
      fill(db, 'flow_shared', c.rows);
      db.prepare('UPDATE flow_shared_state SET computed = ?, computed_run = ? WHERE id = 1').run(c.generation, c.run);
    }).immediate();
  });
}

/** The table to read: flow_shared when current, else a connection-private one computed now. */
function currentTable(db: Db): string {
  if (isCurrent(db)) return 'flow_shared';
  const c = compute(db);
  if (!db.readonly && store(db, c)) return 'flow_shared';
  // The store is busy (or read-only here): the answer comes from what was computed all the same.
  db.exec(
    'CREATE TEMP TABLE IF NOT EXISTS flow_shared_now (account_id INTEGER NOT NULL, series_id TEXT NOT NULL, received_cents INTEGER NOT NULL, PRIMARY KEY (account_id, series_id)) WITHOUT ROWID',
  );
  db.exec('CREATE INDEX IF NOT EXISTS temp.flow_shared_now_series ON flow_shared_now (series_id)');
  db.transaction(() => fill(db, 'temp.flow_shared_now', c.rows))();
  return 'temp.flow_shared_now';
}

/** Downstream accounts reached from the cards of two or more series, most series first. */
export function sharedDownstream(db: Db, limit = 100): SharedAccount[] {
  const table = currentTable(db);
  const top = db
    .prepare<[number], [number, string, number]>(
      `SELECT s.account_id, a.value, sum(s.received_cents) AS received FROM ${table} s JOIN flow_account a ON a.id = s.account_id
       GROUP BY s.account_id HAVING count(*) >= 2 ORDER BY count(*) DESC, received DESC, s.account_id LIMIT ?`,
    )
    .raw()
    .all(limit) as [number, string, number][];
  const series = db.prepare<[number], string>(`SELECT series_id FROM ${table} WHERE account_id = ? ORDER BY series_id`).pluck();
  return top.map(([id, account, received]) => ({ account, series: series.all(id), received: centsToDecimal(received) }));
}

/** The downstream accounts one series shares with others, and those others. */
export function sharedWith(db: Db, seriesId: string): { account: string; series: string[] }[] {
  const table = currentTable(db);
  const rows = db
    .prepare<[string, string], [string, string]>(
      `SELECT a.value, o.series_id FROM ${table} s JOIN ${table} o ON o.account_id = s.account_id AND o.series_id <> ?
       JOIN flow_account a ON a.id = s.account_id WHERE s.series_id = ? ORDER BY s.received_cents DESC, a.value, o.series_id`,
    )
    .raw()
    .all(seriesId, seriesId) as [string, string][];
  const out = new Map<string, string[]>();
  for (const [account, other] of rows) (out.get(account) ?? out.set(account, []).get(account)!).push(other);
  return [...out].map(([account, series]) => ({ account, series }));
}
