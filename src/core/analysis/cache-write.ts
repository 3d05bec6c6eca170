// Reads of the investigator UI keep caches (per-series figures, the overview's figures). Writing
// a cache must never make a read wait for a link run holding the store's write lock (a full run
// of a million reports writes for seconds): a cache write that cannot have the lock at once is
// skipped, and the figures computed are answered all the same.
import { isStoreBusy, type Db } from '../store/db';

function busy(e: unknown): boolean {
  return isStoreBusy(e) || String((e as { code?: unknown }).code).startsWith('SQLITE_LOCKED');
}

/** Runs a cache write without waiting for the write lock; false when it was skipped. */
export function writeCache(db: Db, write: () => void): boolean {
  const timeout = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  try {
    write();
    return true;
  } catch (e) {
    if (busy(e)) return false;
    throw e;
  } finally {
    db.pragma(`busy_timeout = ${timeout}`);
  }
}
