// Bank statements (docs/specs/bank-statement.md): the files read, the accounts they name, and
// their transactions, each counted once however many statements carry it.
// - statement_file: one row per file read (its SHA-256: the same file twice changes nothing).
// - flow_account: an account or card, normalised as report identifiers are (kind 'bank_card' or
//   'bank_account', value), so a statement's card is the payee card of the reports; `requested`
//   when a statement of its own was read; holder data from the statement or its 人员信息 sheet.
// - flow_txn: a movement of money from one account to another (or to cash, `to_id` NULL with
//   `cash` 1), amount in integer hundredths; `success` 0 for a failed one (never money moved).
// - flow_txn_source: where each transaction was read (file, sheet, row, and whose statement):
//   a transfer both parties' statements carry has two sources and one row.
// - statement_rejection: every refused row, named by file, sheet, row, column and reason.
import type { Migration } from './migration';

export const m015Statements: Migration = {
  version: 15,
  name: 'statements',
  up: `
    CREATE TABLE statement_file (
      id          INTEGER PRIMARY KEY,
      sha256      TEXT NOT NULL UNIQUE,
      name        TEXT NOT NULL,
      encoding    TEXT,
      imported_at TEXT NOT NULL,
      rows        INTEGER NOT NULL,
      new_txns    INTEGER NOT NULL,
      duplicates  INTEGER NOT NULL,
      rejected    INTEGER NOT NULL
    );

    CREATE TABLE flow_account (
      id         INTEGER PRIMARY KEY,
      kind       TEXT NOT NULL,
      value      TEXT NOT NULL,
      holder     TEXT,
      id_number  TEXT,
      phone      TEXT,
      bank       TEXT,
      requested  INTEGER NOT NULL DEFAULT 0,
      UNIQUE (kind, value)
    );

    CREATE TABLE flow_txn (
      id             INTEGER PRIMARY KEY,
      from_id        INTEGER REFERENCES flow_account (id),
      to_id          INTEGER REFERENCES flow_account (id),
      amount_cents   INTEGER NOT NULL,
      currency       TEXT NOT NULL,
      at_ms          INTEGER NOT NULL,
      success        INTEGER NOT NULL,
      cash           INTEGER NOT NULL,
      serial         TEXT,
      channel        TEXT,
      type           TEXT,
      summary        TEXT,
      place          TEXT,
      ip             TEXT,
      mac            TEXT,
      from_balance_cents INTEGER,
      to_balance_cents   INTEGER
    );
    CREATE INDEX flow_txn_from ON flow_txn (from_id, at_ms);
    CREATE INDEX flow_txn_to ON flow_txn (to_id, at_ms);
    CREATE INDEX flow_txn_serial ON flow_txn (serial) WHERE serial IS NOT NULL;

    CREATE TABLE flow_txn_source (
      txn_id   INTEGER NOT NULL REFERENCES flow_txn (id),
      file_id  INTEGER NOT NULL REFERENCES statement_file (id),
      sheet    TEXT NOT NULL,
      row      INTEGER NOT NULL,
      side     TEXT NOT NULL CHECK (side IN ('from', 'to')),
      raw_direction TEXT,
      PRIMARY KEY (file_id, sheet, row)
    ) WITHOUT ROWID;
    CREATE INDEX flow_txn_source_txn ON flow_txn_source (txn_id);

    CREATE TABLE statement_rejection (
      file_id INTEGER NOT NULL REFERENCES statement_file (id),
      sheet   TEXT NOT NULL,
      row     INTEGER NOT NULL,
      field   TEXT NOT NULL,
      reason  TEXT NOT NULL,
      PRIMARY KEY (file_id, sheet, row)
    ) WITHOUT ROWID;
  `,
};
