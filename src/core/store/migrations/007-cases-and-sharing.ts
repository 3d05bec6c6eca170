// What investigators decide and share, which a relink must never lose:
// - case files opened from one or more series, with notes and the bundles exported from them.
//   A case keeps the series ids it was opened with; a series merged away records where it went
//   (series.merged_into), so a case follows its series through relinks.
// - investigators' corrections of the linking engine (split a report off, merge two series,
//   mark a piece of evidence as wrong), each with who and why, read by every later link run.
//   A correction is revoked, never deleted, so the trail stays whole.
// - the bureaus whose bundles this workstation trusts, and the bundles it imported (provenance).
import type { Migration } from './migration';

export const m007CasesAndSharing: Migration = {
  version: 7,
  name: 'cases-and-sharing',
  up: `
    ALTER TABLE series ADD COLUMN merged_into TEXT;

    CREATE TABLE case_file (
      id         TEXT PRIMARY KEY,
      title      TEXT NOT NULL,
      status     TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'under_review', 'filed', 'closed')),
      assignee   TEXT,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) WITHOUT ROWID;

    CREATE TABLE case_series (
      case_id   TEXT NOT NULL REFERENCES case_file (id),
      series_id TEXT NOT NULL REFERENCES series (id),
      added_at  TEXT NOT NULL,
      PRIMARY KEY (case_id, series_id)
    ) WITHOUT ROWID;
    CREATE INDEX case_series_series ON case_series (series_id);

    CREATE TABLE case_note (
      id      INTEGER PRIMARY KEY,
      case_id TEXT NOT NULL REFERENCES case_file (id),
      at      TEXT NOT NULL,
      author  TEXT NOT NULL,
      text    TEXT NOT NULL
    );
    CREATE INDEX case_note_case ON case_note (case_id, at);

    -- Bundles written from a case (or a series): the file name, its manifest's hash, redaction.
    CREATE TABLE case_export (
      id         INTEGER PRIMARY KEY,
      case_id    TEXT REFERENCES case_file (id),
      series_id  TEXT NOT NULL,
      at         TEXT NOT NULL,
      actor      TEXT NOT NULL,
      file_name  TEXT NOT NULL,
      manifest_sha256 TEXT NOT NULL,
      redaction  TEXT NOT NULL,
      reports    INTEGER NOT NULL,
      bytes      INTEGER NOT NULL
    );
    CREATE INDEX case_export_case ON case_export (case_id);

    -- action 'split': report rid stands alone (no link touches it);
    -- action 'merge': reports rid and other_rid are in one series whatever the evidence says;
    -- action 'wrong_evidence': the value (kind, value) is not evidence between rid and other_rid,
    --   or, with other_rid NULL, not evidence for rid at all.
    CREATE TABLE link_override (
      id         INTEGER PRIMARY KEY,
      action     TEXT NOT NULL CHECK (action IN ('split', 'merge', 'wrong_evidence')),
      rid        INTEGER NOT NULL,
      other_rid  INTEGER,
      kind       TEXT,
      value      TEXT,
      reason     TEXT NOT NULL,
      actor      TEXT NOT NULL,
      at         TEXT NOT NULL,
      revoked_at TEXT,
      revoked_by TEXT
    );
    CREATE INDEX link_override_rid ON link_override (rid) WHERE revoked_at IS NULL;
    CREATE INDEX link_override_other ON link_override (other_rid) WHERE revoked_at IS NULL AND other_rid IS NOT NULL;

    CREATE TABLE trusted_key (
      fingerprint TEXT PRIMARY KEY,
      name        TEXT NOT NULL,
      public_pem  TEXT NOT NULL,
      added_at    TEXT NOT NULL,
      added_by    TEXT NOT NULL
    ) WITHOUT ROWID;

    -- Each imported bundle once (by the SHA-256 of its manifest); its reports' versions point at
    -- the source row (kind 'bundle') made for it.
    CREATE TABLE bundle_import (
      manifest_sha256    TEXT PRIMARY KEY,
      source_id          INTEGER NOT NULL REFERENCES source (id),
      bureau             TEXT NOT NULL,
      workstation        TEXT NOT NULL,
      case_id            TEXT,
      title              TEXT,
      signer_fingerprint TEXT NOT NULL,
      trusted            INTEGER NOT NULL CHECK (trusted IN (0, 1)),
      redaction          TEXT NOT NULL,
      created_at         TEXT NOT NULL,
      imported_at        TEXT NOT NULL,
      imported_by        TEXT NOT NULL,
      reports            INTEGER NOT NULL
    ) WITHOUT ROWID;
  `,
};
