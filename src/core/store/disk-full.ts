// A full disk, said as one sentence. SQLite answers a write the disk has no room for with
// SQLITE_FULL ("database or disk is full") and rolls the transaction back; Node's file writes
// fail with ENOSPC, or EFBIG past the process's file size limit (which SQLite reports as a
// failed write, SQLITE_IOERR_WRITE). Errors from the workers arrive as their message only, so the
// messages are recognised too. What each writer leaves behind is its own (`DISK_FULL_OUTCOME`),
// and is what docs/security.md promises.

const CODES = new Set(['SQLITE_FULL', 'ENOSPC', 'EFBIG', 'SQLITE_IOERR_WRITE']);
const MESSAGES = /database or disk is full|no space left on device|file too large/i;

/** Did `e` fail for want of room on the disk (or past the file size limit)? */
export function isDiskFull(e: unknown): boolean {
  if (e === null || typeof e !== 'object') return false;
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string' && CODES.has(code)) return true;
  const message = (e as { message?: unknown }).message;
  return typeof message === 'string' && MESSAGES.test(message);
}

/** What a writer interrupted by a full disk has left, by what it is (a job's kind, a command's name). */
export const DISK_FULL_OUTCOME = {
  import:
    'the import stopped; the records it had stored are whole, the rest of it was not stored (importing the same files again completes it)',
  demo: 'the demo import stopped; the records it had stored are whole, the rest of it was not stored',
  sync: 'the sync stopped at the last page it stored whole; the next sync resumes from there',
  link: 'nothing of this link run was stored; the series are as they were',
  statements: 'nothing of the statement file being imported was stored (files imported before it are kept whole)',
  bundle: 'nothing of this bundle was stored',
  export: 'no bundle was written',
  backup: 'no backup was written, and the partial copy is removed',
  restore: 'nothing was restored; the store is as it was',
  change: 'nothing of this change was stored',
} as const;

export type DiskFullWhat = keyof typeof DISK_FULL_OUTCOME;

/** The sentence for a full disk at `where` (the store, or the file being written). */
export function diskFullMessage(where: string, what: DiskFullWhat): string {
  return `the disk is full (${where}): ${DISK_FULL_OUTCOME[what]}. Free some space on it and run it again.`;
}
