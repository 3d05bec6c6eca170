// What a restore or a backup killed half-way leaves, and putting it right.
//
// A restore over an existing store moves up to four files (the store, its WAL and shared memory,
// its key file) aside and then puts the backup's copy and key in their place: no single rename.
// Before the first move it writes a journal, `<store>.restoring`, naming the copy and where the
// replaced store goes; renaming the copy into place is the commit, and the journal goes after it.
// Whoever next opens the store, or restores into it, finds the journal and finishes: with the
// copy still waiting, the restore did not happen — the replaced store's files are moved back and
// the new key file removed, so the store is exactly the one of before; with the copy gone, the
// restore is complete and only the journal is left to remove. Either way nothing is lost, and
// the replaced store always opens with its own key file beside it.
//
// Partial files (a backup being written, a copy being made) carry the writer's process id in
// their name: one whose process is gone is a leftover and is removed by the next run.
import fs from 'node:fs';
import path from 'node:path';

/** A store is these files: the database, its WAL and shared memory, its key file. */
export const STORE_FILES = ['', '-wal', '-shm', '.key'] as const;

interface RestoreJournal {
  readonly version: 1;
  /** The checked copy of the backup, renamed into place as the commit. */
  readonly partial: string;
  /** Where the store it replaces is kept (null: there was none). */
  readonly replaced: string | null;
  /** The restoring process: while it lives, its restore is its own to finish. */
  readonly pid: number;
}

export function journalPath(target: string): string {
  return `${target}.restoring`;
}

function fsyncPath(p: string): void {
  try {
    const fd = fs.openSync(p, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // A folder cannot be fsynced everywhere (Windows); the rename is durable enough there.
  }
}

/** Write the journal (atomically and durably) before the first file of the store moves. */
export function writeRestoreJournal(target: string, journal: Omit<RestoreJournal, 'version' | 'pid'>): void {
  const file = journalPath(target);
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify({ version: 1, pid: process.pid, ...journal })}\n`, { mode: 0o600 });
  fsyncPath(tmp);
  fs.renameSync(tmp, file);
  fsyncPath(path.dirname(path.resolve(file)));
}

/** The restore is complete (the copy is in place): the journal goes. */
export function endRestoreJournal(target: string): void {
  fs.rmSync(journalPath(target), { force: true });
  fsyncPath(path.dirname(path.resolve(target)));
}

function readJournal(target: string): RestoreJournal | null {
  let text: string;
  try {
    text = fs.readFileSync(journalPath(target), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  const o = JSON.parse(text) as Partial<RestoreJournal>;
  if (
    o.version !== 1 ||
    typeof o.partial !== 'string' ||
    typeof o.pid !== 'number' ||
    (o.replaced !== null && typeof o.replaced !== 'string')
  )
    throw new Error(`${journalPath(target)} is damaged; move it away after checking ${target} and its .replaced- copies by hand`);
  return o as RestoreJournal;
}

/**
 * Finish a restore into `target` that was interrupted (see the top of this file). Returns what
 * was done: 'undone' (the store of before is back), 'completed', or null (nothing to do).
 */
export function recoverInterruptedRestore(target: string): 'undone' | 'completed' | null {
  const journal = readJournal(target);
  if (journal === null) return null;
  if (journal.pid !== process.pid && alive(journal.pid))
    throw new Error(`a restore into ${target} is under way (process ${journal.pid}); try again when it is done`);
  if (!fs.existsSync(journal.partial) && fs.existsSync(target)) {
    endRestoreJournal(target);
    return 'completed';
  }
  // Not committed: the key file at the target is the backup's when the replaced store's own was
  // moved aside (or there was no store), and goes; every file moved aside comes back.
  const { replaced } = journal;
  if (replaced === null || fs.existsSync(`${replaced}.key`)) fs.rmSync(`${target}.key`, { force: true });
  if (replaced !== null) {
    for (const s of STORE_FILES) {
      if (fs.existsSync(`${replaced}${s}`) && !fs.existsSync(`${target}${s}`)) fs.renameSync(`${replaced}${s}`, `${target}${s}`);
    }
  }
  fs.rmSync(journal.partial, { force: true });
  endRestoreJournal(target);
  return 'undone';
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Remove the files in `dir` named `<prefix><pid>.…` whose process is gone: what a writer killed
 * before it finished left (a partial backup, a partial copy, a key file's temporary).
 */
export function removeLeftovers(dir: string, prefix: string): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(/^(\d+)\./.exec(name.slice(prefix.length))?.[1]);
    if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || alive(pid)) continue;
    fs.rmSync(path.join(dir, name), { force: true });
    removed.push(name);
  }
  return removed;
}
