// Feed sync state beyond migration 001's source columns: the feed's token, sealed by the host's
// TokenVault (never plain text), a soft removal (a removed feed keeps its row because every report
// version it delivered points at it for provenance), one feed row per (url, precinct), and the
// history of sync runs the UI shows.
import type { Migration } from './migration';

export const m003Sync: Migration = {
  version: 3,
  name: 'sync',
  up: `
    ALTER TABLE source ADD COLUMN token_sealed TEXT;
    ALTER TABLE source ADD COLUMN removed_at TEXT;
    CREATE UNIQUE INDEX source_feed ON source (url, precinct) WHERE kind = 'feed';

    -- One row per sync of a feed. Counts are updated in each page's transaction, so a run that
    -- was killed still shows what it committed; it stays 'running' until the next run of the
    -- feed marks it 'interrupted'.
    CREATE TABLE sync_run (
      id          INTEGER PRIMARY KEY,
      source_id   INTEGER NOT NULL REFERENCES source (id),
      started_at  TEXT NOT NULL,
      finished_at TEXT,
      status      TEXT NOT NULL CHECK (status IN ('running', 'caught_up', 'more', 'cancelled', 'failed', 'interrupted')),
      pages       INTEGER NOT NULL DEFAULT 0,
      received    INTEGER NOT NULL DEFAULT 0,
      new         INTEGER NOT NULL DEFAULT 0,
      updated     INTEGER NOT NULL DEFAULT 0,
      unchanged   INTEGER NOT NULL DEFAULT 0,
      withdrawn   INTEGER NOT NULL DEFAULT 0,
      quarantined INTEGER NOT NULL DEFAULT 0,
      cursor_from TEXT,
      cursor_to   TEXT,
      error       TEXT
    );
    CREATE INDEX sync_run_source ON sync_run (source_id, id);
  `,
};
