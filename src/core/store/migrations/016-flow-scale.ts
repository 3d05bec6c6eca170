// The money flow at scale (docs/statements.md):
// - flow_txn_serial dropped: a 交易流水号 is only compared among the transactions of the same
//   payer, payee and amount, which the payer's and payee's indexes find; the index cost every
//   imported row a write.
// - flow_shared: the downstream accounts (layer ≥ 1) each series' cards reach in a trace, with
//   what they received from that series, computed once per change (after a statements import or a
//   link run, in the analysis worker) so that reading the accounts several series share is an
//   index look-up instead of a trace of every series.
// - flow_shared_state: one row saying whether flow_shared is current (0 after a change that has not
//   been computed yet: the next read computes it).
import type { Migration } from './migration';

export const m016FlowScale: Migration = {
  version: 16,
  name: 'flow-scale',
  up: `
    DROP INDEX flow_txn_serial;

    CREATE TABLE flow_shared (
      account_id     INTEGER NOT NULL REFERENCES flow_account (id),
      series_id      TEXT NOT NULL,
      received_cents INTEGER NOT NULL,
      PRIMARY KEY (account_id, series_id)
    ) WITHOUT ROWID;
    CREATE INDEX flow_shared_series ON flow_shared (series_id);

    CREATE TABLE flow_shared_state (
      id      INTEGER PRIMARY KEY CHECK (id = 1),
      current INTEGER NOT NULL
    );
    INSERT INTO flow_shared_state (id, current) VALUES (1, 0);
  `,
};
