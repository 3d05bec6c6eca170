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
    CREATE TABLE report_version (
      report_id   TEXT NOT NULL,
      version     INTEGER NOT NULL,
      deleted     INTEGER NOT NULL DEFAULT 0,
      source_id   INTEGER NOT NULL REFERENCES source (id),
      received_at TEXT NOT NULL,
      body        TEXT NOT NULL,
      PRIMARY KEY (report_id, version)
    ) WITHOUT ROWID;

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
      origin  TEXT NOT NULL CHECK (origin IN ('reported', 'narrative', 'message')),
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
    CREATE VIRTUAL TABLE report_text USING fts5 (
      body, content = '', contentless_delete = 1, tokenize = 'trigram'
    );

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
