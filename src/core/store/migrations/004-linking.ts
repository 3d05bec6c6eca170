// The linking engine's results: series with stable ids (rows are never deleted, a series that
// loses all its members is retired, so notes keyed by series id always point somewhere), each
// report's series, the links with their evidence, the investigators' ignore list, detected
// hubs, text signatures for incremental runs, and the history of runs.
import type { Migration } from './migration';

export const m004Linking: Migration = {
  version: 4,
  name: 'linking',
  up: `
    CREATE TABLE series (
      id              TEXT PRIMARY KEY,
      active          INTEGER NOT NULL DEFAULT 1,
      canonical       TEXT NOT NULL,
      size            INTEGER NOT NULL,
      -- JSON object currency → decimal string.
      loss            TEXT NOT NULL,
      -- Loss in the threshold currency, for ordering.
      sort_cents      INTEGER NOT NULL,
      over_threshold  INTEGER NOT NULL DEFAULT 0,
      over_report     TEXT,
      over_at_ms      INTEGER,
      first_ms        INTEGER,
      last_ms         INTEGER,
      created_run     INTEGER NOT NULL,
      updated_run     INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX series_by_loss ON series (active, sort_cents DESC);

    CREATE TABLE series_member (
      rid       INTEGER PRIMARY KEY,
      series_id TEXT NOT NULL
    );
    CREATE INDEX series_member_series ON series_member (series_id);

    -- a < b, report rids; evidence is a JSON array (see src/core/linking/link-graph.ts).
    CREATE TABLE link (
      a        INTEGER NOT NULL,
      b        INTEGER NOT NULL,
      weight   REAL NOT NULL,
      strong   INTEGER NOT NULL,
      evidence TEXT NOT NULL,
      PRIMARY KEY (a, b)
    ) WITHOUT ROWID;
    CREATE INDEX link_b ON link (b);

    CREATE TABLE series_note (
      id        INTEGER PRIMARY KEY,
      series_id TEXT NOT NULL REFERENCES series (id),
      at        TEXT NOT NULL,
      author    TEXT,
      text      TEXT NOT NULL
    );
    CREATE INDEX series_note_series ON series_note (series_id, at);

    -- Investigators' additions to the shipped ignore list (kind 'domain' for a whole domain).
    CREATE TABLE ignore_value (
      kind     TEXT NOT NULL,
      value    TEXT NOT NULL,
      note     TEXT,
      added_at TEXT NOT NULL,
      PRIMARY KEY (kind, value)
    ) WITHOUT ROWID;

    -- Values the last full run found too common to link (kept for incremental runs and explain).
    CREATE TABLE link_hub (
      kind       TEXT NOT NULL,
      value      TEXT NOT NULL,
      reports    INTEGER NOT NULL,
      categories INTEGER NOT NULL,
      reason     TEXT NOT NULL,
      PRIMARY KEY (kind, value)
    ) WITHOUT ROWID;

    -- MinHash signature of each report's message text (24 × uint32), by category and day: an
    -- incremental run compares new texts with those of the same category reported nearby.
    CREATE TABLE text_sig (
      rid      INTEGER PRIMARY KEY,
      category TEXT NOT NULL,
      day      INTEGER NOT NULL,
      sig      BLOB NOT NULL
    );
    CREATE INDEX text_sig_window ON text_sig (category, day);

    -- Reports to relink at the next run whatever their update time (an ignore-list change).
    CREATE TABLE link_dirty (
      rid INTEGER PRIMARY KEY
    );

    CREATE TABLE link_run (
      id             INTEGER PRIMARY KEY,
      mode           TEXT NOT NULL CHECK (mode IN ('full', 'incremental')),
      started_at     TEXT NOT NULL,
      finished_at    TEXT NOT NULL,
      -- Reports updated at or after this were not yet linked (report.updated_at).
      watermark      TEXT,
      reports        INTEGER NOT NULL,
      changed        INTEGER NOT NULL,
      series         INTEGER NOT NULL,
      over_threshold INTEGER NOT NULL,
      elapsed_ms     INTEGER NOT NULL
    );

    CREATE INDEX report_updated ON report (updated_at);
    -- What linking reads of every report, without the wide rows (narratives, victims): a full
    -- run scans this instead of the table.
    CREATE INDEX report_link ON report (rid, withdrawn, id, category, precinct, reported_ms, loss_cents, currency);
    -- Linking reads every shared value with its reports in one ordered pass over this covering
    -- index (no table lookups, values seen once skipped by SQL). It serves (kind, value) lookups
    -- too, so it replaces 001's identifier_value instead of adding to the cost of every import.
    CREATE INDEX identifier_link ON identifier (kind, value, rid, subtype, domain);
    DROP INDEX IF EXISTS identifier_value;
    CREATE INDEX identifier_domain ON identifier (domain, kind, subtype, rid) WHERE domain IS NOT NULL;
  `,
};
