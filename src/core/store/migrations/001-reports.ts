// Reports, every version received, identifiers (raw and normalised), messages, sources with their
// sync state, the quarantine and settings. Amounts are integer hundredths of the currency unit.
import type { Migration } from './migration';

export const m001Reports: Migration = {
  version: 1,
  name: 'reports',
  up: `
    CREATE TABLE source (
      id          INTEGER PRIMARY KEY,
      kind        TEXT NOT NULL CHECK (kind IN ('file', 'feed', 'bundle', 'demo')),
      name        TEXT NOT NULL,
      url         TEXT,
      precinct    TEXT,
      cursor      TEXT,
      created_at  TEXT NOT NULL,
      last_run_at TEXT,
      last_error  TEXT,
      UNIQUE (kind, name)
    );

    -- Every version ever received, as received: the audit trail of a report.
    -- A rowid table, not WITHOUT ROWID keyed by (report_id, version): bodies are about a
    -- kilobyte, and WITHOUT ROWID rows that large spill most of each row to an overflow page
    -- of its own (2.7x the file size) and split wide pages on every out-of-order id. Appended
    -- by rowid, the bodies pack densely; the small UNIQUE index answers the lookups.
    CREATE TABLE report_version (
      report_id   TEXT NOT NULL,
      version     INTEGER NOT NULL,
      deleted     INTEGER NOT NULL DEFAULT 0,
      source_id   INTEGER NOT NULL REFERENCES source (id),
      received_at TEXT NOT NULL,
      body        TEXT NOT NULL,
      UNIQUE (report_id, version)
    );

    -- The current version of each report, the one analysis uses. Withdrawn reports stay, flagged.
    CREATE TABLE report (
      rid          INTEGER PRIMARY KEY,
      id           TEXT NOT NULL UNIQUE,
      version      INTEGER NOT NULL,
      withdrawn    INTEGER NOT NULL DEFAULT 0,
      precinct     TEXT,
      reported_at  TEXT,
      reported_ms  INTEGER,
      occurred_at  TEXT,
      category     TEXT,
      category_raw TEXT,
      loss_cents   INTEGER,
      currency     TEXT,
      victim       TEXT,
      location     TEXT,
      narrative    TEXT,
      source_id    INTEGER NOT NULL REFERENCES source (id),
      updated_at   TEXT NOT NULL
    );
    CREATE INDEX report_reported ON report (withdrawn, reported_ms);
    CREATE INDEX report_loss ON report (withdrawn, loss_cents);
    CREATE INDEX report_category ON report (category, reported_ms);

    CREATE TABLE identifier (
      rid     INTEGER NOT NULL REFERENCES report (rid) ON DELETE CASCADE,
      kind    TEXT NOT NULL,
      value   TEXT NOT NULL,
      raw     TEXT NOT NULL,
      role    TEXT,
      -- Written as ORs, not IN (...): SQLite evaluates a CHECK with an IN list of three or more
      -- values through a temporary b-tree built for every inserted row, which doubled the cost
      -- of an identifier insert (the most frequent row of an import).
      origin  TEXT NOT NULL CHECK (origin = 'reported' OR origin = 'narrative' OR origin = 'message'),
      subtype TEXT,
      domain  TEXT,
      luhn    INTEGER
    );
    CREATE INDEX identifier_report ON identifier (rid);
    CREATE INDEX identifier_value ON identifier (kind, value);

    CREATE TABLE message (
      rid     INTEGER NOT NULL REFERENCES report (rid) ON DELETE CASCADE,
      seq     INTEGER NOT NULL,
      channel TEXT NOT NULL,
      sender  TEXT,
      text    TEXT NOT NULL,
      at      TEXT,
      PRIMARY KEY (rid, seq)
    ) WITHOUT ROWID;

    -- Full-text search over narratives and message texts. The trigram tokenizer matches any
    -- substring of three or more characters, which is what Chinese text (no spaces) needs.
    -- Contentless (the text lives in report and message already); contentless_delete lets an
    -- update remove a report's old text by rowid alone. Phrase queries need detail=full.
    CREATE VIRTUAL TABLE report_text USING fts5 (
      body, content = '', contentless_delete = 1, tokenize = 'trigram'
    );
    -- Indexing is most of the cost of an import (Chinese text yields tens of thousands of
    -- distinct trigrams per thousand reports). Measured on demo data: merging segments at
    -- 8 rather than 4 per level and flushing the in-memory index at 4 MiB rather than 1 MiB
    -- cut the indexing time by about a quarter; queries read at most 7 segments per level.
    INSERT INTO report_text (report_text, rank) VALUES ('automerge', 8);
    INSERT INTO report_text (report_text, rank) VALUES ('hashsize', 4194304);

    CREATE TABLE quarantine (
      id          INTEGER PRIMARY KEY,
      source_id   INTEGER NOT NULL REFERENCES source (id),
      received_at TEXT NOT NULL,
      location    TEXT NOT NULL,
      record_id   TEXT,
      field       TEXT NOT NULL,
      reason      TEXT NOT NULL,
      raw         TEXT NOT NULL
    );

    CREATE TABLE setting (
      key   TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) WITHOUT ROWID;
  `,
};
