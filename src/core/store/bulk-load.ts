// Bulk loading: a large import into a store small next to it drops the secondary indexes an
// import maintains and builds them again at the end. Inserting a million rows into an index
// keyed by (kind, value) or (withdrawn, loss_cents) touches a random page per row; building
// the same index at the end is one sort. The full-text index merges its segments less while loading.
//
// What was changed is written to the store (setting 'bulk_load') in the same transaction that
// changes it, so a killed import is repaired by the next open for writing (openStore calls
// finishBulkLoad): whatever the import committed stays, the indexes and the full-text settings
// come back. UNIQUE and PRIMARY KEY indexes are never dropped: they keep imports idempotent.

import type { Db } from './db';

const SETTING = 'bulk_load';

// Indexes an import writes in random key order. Indexes keyed by rid or by the update time
// (identifier_report, message's key, report_link, report_updated) grow at their end as rows
// are appended and cost little; identifier_report also serves the deletes of an update.
const DEFERRED = ['report_reported', 'report_loss', 'report_category', 'identifier_link', 'identifier_domain'];

// Full-text settings while loading: no incremental merging after each commit's new segment,
// only crisis merges of 64 segments at a level (one merge where automerge would have made many).
// Measured on 100k demo reports: about 10% less CPU than automerge 8 with the indexes dropped,
// while 48 MiB transactions (fewer, larger segments) cost more, as the SQLite thread stalled
// the parsing thread for seconds at each commit. Searches read the unmerged segments (29 for
// 100k reports, a few milliseconds a query); later imports merge them incrementally again.
const FTS_LOADING: Record<string, number> = { automerge: 0, crisismerge: 64 };

// FTS5's defaults, for a setting the store had not made.
const FTS_DEFAULTS: Record<string, number> = { automerge: 4, crisismerge: 16 };

interface BulkState {
  readonly indexes: readonly string[];
  /** FTS5 settings to restore (null: not set, the default). */
  readonly fts: Record<string, number | null>;
}

function readState(db: Db): BulkState | null {
  const row = db.prepare<[string], { value: string }>('SELECT value FROM setting WHERE key = ?').get(SETTING);
  return row ? (JSON.parse(row.value) as BulkState) : null;
}

function ftsSetting(db: Db, key: string): number | null {
  const row = db.prepare<[string], { v: number }>('SELECT v FROM report_text_config WHERE k = ?').get(key);
  return row ? Number(row.v) : null;
}

function setFts(db: Db, key: string, value: number | null): void {
  // FTS5 takes integer settings only; a JavaScript number is bound as a real.
  // A setting the store had not made is restored as FTS5's default, written out (the config
  // table itself is read-only to SQL in defensive mode).
  db.prepare('INSERT INTO report_text (report_text, rank) VALUES (?, ?)').run(key, BigInt(value ?? (FTS_DEFAULTS[key] as number)));
}

/** Whether a bulk load was started and not finished (a killed import). */
export function bulkLoadPending(db: Db): boolean {
  return readState(db) !== null;
}

/**
 * Drop the deferred indexes and switch the full-text index to loading settings, recording
 * how to undo it; in one transaction (a savepoint, so it nests in a caller's).
 */
export function startBulkLoad(db: Db): void {
  db.transaction(() => {
    if (readState(db)) return;
    const existing = db
      .prepare<[], { name: string; sql: string }>("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
      .all()
      .filter((r) => DEFERRED.includes(r.name));
    const fts: Record<string, number | null> = {};
    for (const key of Object.keys(FTS_LOADING)) fts[key] = ftsSetting(db, key);
    const state = { indexes: existing.map((r) => r.sql), fts } satisfies BulkState;
    db.prepare('INSERT INTO setting (key, value) VALUES (?, ?)').run(SETTING, JSON.stringify(state));
    for (const r of existing) db.exec(`DROP INDEX "${r.name}"`);
    for (const [key, value] of Object.entries(FTS_LOADING)) setFts(db, key, value);
  })();
}

/**
 * Build the dropped indexes and restore the full-text settings, in one transaction. Does nothing when no bulk load is pending.
 */
export function finishBulkLoad(db: Db): void {
  if (!readState(db)) return;
  // Building an index sorts all its rows. The sort stays in memory (the store's temp_store):
  // SQLite's temporary files are not encrypted by the cipher, and a spilled sort of the identifier
  // index would put victims' phones on disk in the clear (about 90 MiB more at the peak of a 1M import).
  db.transaction(() => {
    const state = readState(db);
    if (!state) return;
    for (const sql of state.indexes) db.exec(sql.replace(/^CREATE INDEX /i, 'CREATE INDEX IF NOT EXISTS '));
    for (const [key, value] of Object.entries(state.fts)) setFts(db, key, value);
    db.prepare('DELETE FROM setting WHERE key = ?').run(SETTING);
  })();
}
