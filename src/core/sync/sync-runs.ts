// The history of sync runs, for the UI's "last synced" and for the audit trail. A run's counts
// are written in each page's own transaction (recordRunPage), so they always match what was
// committed, even for a run that was killed.
import type { Db } from '../store/db';

export type SyncRunStatus = 'running' | 'caught_up' | 'more' | 'cancelled' | 'failed' | 'interrupted';

export interface SyncCounts {
  pages: number;
  received: number;
  new: number;
  updated: number;
  unchanged: number;
  withdrawn: number;
  quarantined: number;
}

export function emptySyncCounts(): SyncCounts {
  return { pages: 0, received: 0, new: 0, updated: 0, unchanged: 0, withdrawn: 0, quarantined: 0 };
}

export interface SyncRun extends Readonly<SyncCounts> {
  readonly id: number;
  readonly sourceId: number;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly status: SyncRunStatus;
  readonly error: string | null;
}

/** Opens a run; runs of this feed still marked running were killed (or are racing: see 'concurrent'). */
export function startRun(db: Db, sourceId: number, cursorFrom: string | null, now: string): number {
  return db.transaction(() => {
    db.prepare("UPDATE sync_run SET status = 'interrupted' WHERE source_id = ? AND status = 'running'").run(sourceId);
    db.prepare('UPDATE source SET last_run_at = ? WHERE id = ?').run(now, sourceId);
    const info = db
      .prepare("INSERT INTO sync_run (source_id, started_at, status, cursor_from, cursor_to) VALUES (?, ?, 'running', ?, ?)")
      .run(sourceId, now, cursorFrom, cursorFrom);
    return Number(info.lastInsertRowid);
  })();
}

export function runPageRecorder(db: Db): (runId: number, c: Readonly<SyncCounts>, cursorTo: string) => void {
  const stmt = db.prepare(
    'UPDATE sync_run SET pages = ?, received = ?, new = ?, updated = ?, unchanged = ?, withdrawn = ?, quarantined = ?, cursor_to = ? WHERE id = ?',
  );
  return (runId, c, cursorTo) => {
    stmt.run(c.pages, c.received, c.new, c.updated, c.unchanged, c.withdrawn, c.quarantined, cursorTo, runId);
  };
}

export function finishRun(
  db: Db,
  runId: number,
  status: Exclude<SyncRunStatus, 'running' | 'interrupted'>,
  error: string | null,
  now: string,
): void {
  db.prepare('UPDATE sync_run SET status = ?, error = ?, finished_at = ? WHERE id = ?').run(status, error, now, runId);
}

interface RunRow {
  id: number;
  source_id: number;
  started_at: string;
  finished_at: string | null;
  status: SyncRunStatus;
  error: string | null;
  pages: number;
  received: number;
  new: number;
  updated: number;
  unchanged: number;
  withdrawn: number;
  quarantined: number;
}

export function listRuns(db: Db, sourceId: number, limit = 20): SyncRun[] {
  return db
    .prepare<[number, number], RunRow>('SELECT * FROM sync_run WHERE source_id = ? ORDER BY id DESC LIMIT ?')
    .all(sourceId, limit)
    .map((r) => ({
      id: r.id,
      sourceId: r.source_id,
      startedAt: r.started_at,
      finishedAt: r.finished_at,
      status: r.status,
      error: r.error,
      pages: r.pages,
      received: r.received,
      new: r.new,
      updated: r.updated,
      unchanged: r.unchanged,
      withdrawn: r.withdrawn,
      quarantined: r.quarantined,
    }));
}
