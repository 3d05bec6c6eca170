// Backups of the store (cli.md: `casegraph backup --out FILE`, `casegraph restore FILE`).
//
// A backup is an online, consistent copy: `VACUUM INTO` reads one snapshot of the store while
// other connections go on writing (WAL), and writes it encrypted with the store's own key. (The
// SQLite backup API, better-sqlite3's db.backup(), opens its target on a connection of its own
// that cannot be given a key, and SQLite3 Multiple Ciphers refuses to copy an encrypted store
// into a plain file — rightly: a backup must never be the one plaintext copy.) Beside it,
// `FILE.key` holds that key sealed under the passphrase only — never the workstation's vault —
// so the backup restores on another workstation with the passphrase.
//
// A restore checks the backup opens with the passphrase and is whole, then puts it in place:
// never over an existing store unless forced, and then the store it replaces is kept beside it,
// renamed with the time (`store.db.replaced-20261203T120000Z`, with its key file and WAL).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import type { Db } from './db';
import { applyKey } from './encrypt-in-place';
import { MIGRATIONS } from './migrations';
import { STORE_FILES, endRestoreJournal, recoverInterruptedRestore, removeLeftovers, writeRestoreJournal } from './restore-journal';
import {
  StoreKeyError,
  forgetKey,
  keyFilePath,
  openKeyFile,
  readKeyFile,
  sealWithPassphrase,
  storeKey,
  writeKeyFile,
  type KeyFile,
  type StoreKey,
} from './store-key';

export class BackupError extends Error {
  override readonly name = 'BackupError';
}

function tempBeside(file: string, what: string): string {
  return path.join(path.dirname(path.resolve(file)), `${tempPrefix(file, what)}${process.pid}.${crypto.randomBytes(4).toString('hex')}`);
}

/** Partial files are `.<name>.<what>.<pid>.<random>`: hidden, and named as what they are. */
function tempPrefix(file: string, what: string): string {
  return `.${path.basename(file)}.${what}.`;
}

/** What a backup or restore killed before it finished left beside `file`: removed. */
function removeLeftoversBeside(file: string, what: string): void {
  const dir = path.dirname(path.resolve(file));
  removeLeftovers(dir, tempPrefix(file, what));
  // writeKeyFile's temporary (`<name>.key.<pid>.<random>.tmp`).
  removeLeftovers(dir, `${path.basename(file)}.key.`);
}

/**
 * A key file at `out` with no backup beside it is what a backup killed between writing the key
 * file and linking the backup in left — when it holds this very store's key, sealed under this
 * passphrase. Anything else there is someone's file, and stays.
 */
function isOwnLeftoverKeyFile(out: string, k: StoreKey, passphrase: string): boolean {
  if (fs.existsSync(out)) return false;
  try {
    const kf = readKeyFile(out);
    if (kf === null || kf.slots.some((slot) => slot.kind !== 'passphrase')) return false;
    const found = openKeyFile(kf, { passphrase }, out);
    return found.pageSize === k.pageSize && crypto.timingSafeEqual(found.key, k.key);
  } catch {
    return false;
  }
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Open a copy with its key and check it is whole and a store this version reads: its schema version. */
function checkCopy(file: string, k: StoreKey, what: string): number {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    applyKey(db, k);
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new BackupError(`${what} is damaged (${String(check)})`);
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > MIGRATIONS.length)
      throw new BackupError(`${what} was written by a newer Casegraph (schema ${version}); update Casegraph to restore it`);
    return version;
  } catch (e) {
    if (e instanceof BackupError) throw e;
    if (String((e as { code?: unknown }).code).startsWith('SQLITE_NOTADB')) {
      throw new BackupError(`${what} does not open with its key file: the key file belongs to another backup, or the backup is damaged`);
    }
    throw new BackupError(`${what} cannot be read: ${(e as Error).message}`);
  } finally {
    db?.close();
  }
}

export interface BackupResult {
  readonly file: string;
  readonly keyFile: string;
  readonly bytes: number;
  readonly schemaVersion: number;
}

/** Write an encrypted, consistent copy of the open store `db` (at `store`) to `out`, its key sealed under `passphrase`. */
export function backupStore(db: Db, store: string, out: string, passphrase: string, say: (m: string) => void = () => {}): BackupResult {
  if (path.resolve(out) === path.resolve(store)) throw new BackupError('the backup cannot be written over the store itself');
  if (!fs.existsSync(path.dirname(path.resolve(out)))) throw new BackupError(`cannot write ${out}: the folder does not exist`);
  const k = storeKey(store, { create: false });
  removeLeftoversBeside(out, 'partial');
  if (isOwnLeftoverKeyFile(out, k, passphrase)) fs.rmSync(keyFilePath(out));
  for (const f of [out, keyFilePath(out)])
    if (fs.existsSync(f)) throw new BackupError(`${f} exists already; choose another name for the backup`);
  const partial = tempBeside(out, 'partial');
  try {
    say(`copying the store (${(fs.statSync(store).size / 1e6).toFixed(1)} MB) to ${out}…`);
    db.prepare('VACUUM INTO ?').run(partial);
    say('checking the backup…');
    const schemaVersion = checkCopy(partial, k, 'the backup');
    fs.chmodSync(partial, 0o600);
    fsyncFile(partial);
    const kf: KeyFile = {
      version: 1,
      cipher: { name: 'sqlcipher', legacy: 4, page_size: k.pageSize },
      slots: [sealWithPassphrase(k.key, passphrase)],
    };
    if (!writeKeyFile(out, kf, { exclusive: true }))
      throw new BackupError(`${keyFilePath(out)} exists already; choose another name for the backup`);
    try {
      fs.linkSync(partial, out);
    } catch (e) {
      fs.rmSync(keyFilePath(out), { force: true });
      if ((e as NodeJS.ErrnoException).code === 'EEXIST')
        throw new BackupError(`${out} exists already; choose another name for the backup`);
      throw e;
    }
    return { file: out, keyFile: keyFilePath(out), bytes: fs.statSync(out).size, schemaVersion };
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

export interface RestoreResult {
  readonly store: string;
  /** Where the store it replaced was kept, when there was one. */
  readonly replaced: string | null;
  readonly schemaVersion: number;
}

function stamp(now: Date): string {
  return now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

/** Where the store a restore replaces is kept: named with the time, never over an earlier one. */
function keptName(target: string, now: Date): string {
  const base = `${target}.replaced-${stamp(now)}`;
  for (let n = 1; ; n++) {
    const name = n === 1 ? base : `${base}-${n}`;
    if (STORE_FILES.every((s) => !fs.existsSync(`${name}${s}`))) return name;
  }
}

/** Restore the backup `file` (with `file.key`, opened by `passphrase`) as the store `target`. */
export function restoreStore(
  file: string,
  target: string,
  options: { passphrase: string; force: boolean; now?: Date; say?: (m: string) => void },
): RestoreResult {
  const say = options.say ?? (() => {});
  if (!fs.existsSync(file)) throw new BackupError(`no backup at ${file}`);
  // A restore into the target killed half-way is undone (or finished) first: the store is whole.
  if (recoverInterruptedRestore(target) === 'undone') say(`an interrupted restore into ${target} was undone; the store there is as it was`);
  removeLeftoversBeside(target, 'restoring');
  let kf: KeyFile | null;
  let k: StoreKey;
  try {
    kf = readKeyFile(file);
    if (kf === null)
      throw new BackupError(
        `the backup's key file ${keyFilePath(file)} is missing: it is written beside the backup, and the backup cannot be opened without it`,
      );
    k = openKeyFile(kf, { passphrase: options.passphrase }, file);
  } catch (e) {
    if (e instanceof StoreKeyError) throw new BackupError(e.message.replace(/the store /, 'the backup '));
    throw e;
  }
  say(`checking the backup ${file}…`);
  const schemaVersion = checkCopy(file, k, 'the backup');
  const existing = STORE_FILES.map((s) => `${target}${s}`).filter((f) => fs.existsSync(f));
  if (existing.length > 0 && !options.force) {
    throw new BackupError(`a store exists already at ${target}; restore --force replaces it and keeps it beside it, renamed with the time`);
  }
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true, mode: 0o700 });
  const partial = tempBeside(target, 'restoring');
  try {
    say(`copying the backup to ${target}…`);
    fs.copyFileSync(file, partial, fs.constants.COPYFILE_EXCL);
    fs.chmodSync(partial, 0o600);
    fsyncFile(partial);
    checkCopy(partial, k, 'the copy of the backup');
    const replaced = existing.length > 0 ? keptName(target, options.now ?? new Date()) : null;
    // From here to the copy's rename into place, a kill is undone by the next open (restore-journal.ts).
    writeRestoreJournal(target, { partial, replaced });
    try {
      if (replaced !== null) {
        // The store, its WAL and shared memory and its key file move together: the kept store still opens.
        for (const s of STORE_FILES) if (fs.existsSync(`${target}${s}`)) fs.renameSync(`${target}${s}`, `${replaced}${s}`);
        say(`the store it replaces is kept as ${replaced}`);
      }
      // The key file first: a store is never in place without the key that opens it.
      writeKeyFile(target, { ...kf, slots: kf.slots.filter((s) => s.kind === 'passphrase') });
      fs.renameSync(partial, target);
    } catch (e) {
      recoverInterruptedRestore(target);
      throw e;
    }
    endRestoreJournal(target);
    forgetKey(target);
    return { store: target, replaced, schemaVersion };
  } finally {
    fs.rmSync(partial, { force: true });
  }
}
