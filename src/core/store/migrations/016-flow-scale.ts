// The money flow at scale (docs/statements.md):
// - flow_txn_serial dropped: a 交易流水号 is only compared among the transactions of the same
//   payer, payee and amount, which the payer's and payee's indexes find; the index cost every
//   imported row a write.
// - flow_shared: the downstream accounts (layer ≥ 1) each series' cards reach in a trace, with
//   what they received from that series, computed once per change (after a statements import or a
//   link run, in the analysis worker) so that reading the accounts several series share is an
//   index look-up instead of a trace of every series.
// - flow_shared_state: one row: `changed` counts statements imports, `computed` and `computed_run`
//   are the import count and the last link run (link_run.id) flow_shared was computed at; it is
//   current while both still hold (else the next read computes it).
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
      id       INTEGER PRIMARY KEY CHECK (id = 1),
      changed  INTEGER NOT NULL,
      computed INTEGER NOT NULL,
      computed_run INTEGER NOT NULL
    );
    INSERT INTO flow_shared_state (id, changed, computed, computed_run) VALUES (1, 1, 0, 0);
  `,
};
