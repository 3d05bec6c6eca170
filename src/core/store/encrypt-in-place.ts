// A store written before encryption is a plain SQLite file: the first open by this version
// encrypts it in place. No plaintext copy is made: a connection keyed with the store's key
// attaches the plain store and VACUUMs it INTO a new file, which takes the key; the copy is
// opened, its tables' row counts and schema version compared with the original's, then it is
// renamed over the original (atomic on one file system) and the plain -wal/-shm removed. A crash
// at any point leaves either the plain store (tried again at the next open: its key file is
// written first) or the encrypted one, never neither.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import type { StoreKey } from './store-key';

type Raw = Database.Database;

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export type FileKind = 'absent' | 'empty' | 'plain' | 'encrypted';

/** What is at `file`: nothing, an empty file, a plain SQLite store, or something else (encrypted). */
export function storeFileKind(file: string): FileKind {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'absent';
    throw e;
  }
  try {
    const head = Buffer.alloc(16);
    const n = fs.readSync(fd, head, 0, 16, 0);
    if (n === 0) return 'empty';
    return n === 16 && head.equals(SQLITE_HEADER) ? 'plain' : 'encrypted';
  } finally {
    fs.closeSync(fd);
  }
}

/** Key a fresh connection SQLCipher's way: cipher, compatibility, page size, then the raw key. */
export function applyKey(db: Raw, k: StoreKey): void {
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
  // In SQLCipher mode the header is encrypted too, so the page size cannot be read from the
  // file: it must be given before the key, or a store with other than the default does not open.
  db.pragma(`legacy_page_size = ${k.pageSize}`);
  db.pragma(`key = "x'${k.key.toString('hex')}'"`);
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Row counts of every ordinary table of `schema` (the full-text index's shadow tables included). */
export function rowCounts(db: Raw, schema = 'main'): Map<string, number> {
  const tables = db
    .prepare(
      `SELECT name FROM ${quoteIdent(schema)}.sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name`,
    )
    .pluck()
    .all() as string[];
  const counts = new Map<string, number>();
  for (const t of tables) {
    counts.set(
      t,
      db
        .prepare(`SELECT count(*) FROM ${quoteIdent(schema)}.${quoteIdent(t)}`)
        .pluck()
        .get() as number,
    );
  }
  return counts;
}

function sameCounts(a: Map<string, number>, b: Map<string, number>): string | null {
  for (const [t, n] of a) if (b.get(t) !== n) return `${t}: ${n} rows in the original, ${b.get(t) ?? 'none'} in the copy`;
  for (const t of b.keys()) if (!a.has(t)) return `${t} is in the copy only`;
  return null;
}

export interface EncryptOptions {
  readonly nativeBinding?: string;
  readonly onProgress?: (message: string) => void;
}

/** Encrypt the plain store at `file` with `k`, in place (see the top of this file). */
export function encryptInPlace(file: string, k: StoreKey, options: EncryptOptions = {}): void {
  const say = options.onProgress ?? (() => {});
  const binding = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  const dir = path.dirname(path.resolve(file));
  const tag = `${process.pid}.${crypto.randomBytes(4).toString('hex')}`;
  const lock = `${file}.encrypting`;
  takeLock(lock);
  removeEncryptionParts(file);
  const out = path.join(dir, `.${path.basename(file)}.encrypted.${tag}`);
  const anchor = path.join(dir, `.${path.basename(file)}.anchor.${tag}`);
  try {
    const size = fs.statSync(file).size;
    say(`encrypting the store ${file} (${(size / 1e6).toFixed(1)} MB); this is done once, and takes a while on a large store…`);
    // The keyed connection needs a file of its own to hold the key: an empty one, removed after.
    const keyed = new Database(anchor, binding);
    let before: Map<string, number>;
    let version: number;
    try {
      applyKey(keyed, k);
      keyed.prepare('ATTACH DATABASE ? AS plain KEY ?').run(file, '');
      before = rowCounts(keyed, 'plain');
      version = keyed.pragma('plain.user_version', { simple: true }) as number;
      // The copy takes the page size the key file records (stores older than 16 KiB pages too).
      keyed.pragma(`plain.page_size = ${k.pageSize}`);
      keyed.prepare('VACUUM plain INTO ?').run(out);
      keyed.exec('DETACH DATABASE plain');
    } finally {
      keyed.close();
    }
    say('checking the encrypted copy…');
    const check = new Database(out, { ...binding, fileMustExist: true });
    try {
      applyKey(check, k);
      const differs = sameCounts(before, rowCounts(check));
      if (differs) throw new Error(`the encrypted copy differs from the store (${differs})`);
      if (check.pragma('user_version', { simple: true }) !== version) throw new Error('the encrypted copy has another schema version');
    } finally {
      check.close();
    }
    fs.chmodSync(out, 0o600);
    const fd = fs.openSync(out, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    // The plain store was closed by every connection of this process (its WAL checkpointed into
    // it and removed by the last one); whatever -wal/-shm is left is plain and goes.
    fs.renameSync(out, file);
    for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(`${file}${suffix}`, { force: true });
    syncDir(dir);
    say('the store is encrypted');
  } finally {
    fs.rmSync(out, { force: true });
    fs.rmSync(anchor, { force: true });
    fs.rmSync(lock, { force: true });
  }
}

/** What an encryption killed before it finished left: an encrypted part-copy, an empty anchor. */
function removeEncryptionParts(file: string): void {
  const dir = path.dirname(path.resolve(file));
  for (const f of fs.readdirSync(dir)) {
    if (f.startsWith(`.${path.basename(file)}.encrypted.`) || f.startsWith(`.${path.basename(file)}.anchor.`))
      fs.rmSync(path.join(dir, f), { force: true });
  }
}

/**
 * An encryption killed after its copy was renamed over the store, before it tidied up, left its
 * anchor, lock and perhaps a part-copy beside the now encrypted store: removed at the next open,
 * unless another process is encrypting right now.
 */
export function removeEncryptionLeftovers(file: string): void {
  const lock = `${file}.encrypting`;
  let pid = 0;
  try {
    pid = Number(fs.readFileSync(lock, 'utf8'));
  } catch {
    // No lock: no encryption was interrupted, or it tidied up.
  }
  if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) return;
  removeEncryptionParts(file);
  fs.rmSync(lock, { force: true });
}

function syncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Not every platform can fsync a directory (Windows); the rename is durable enough there.
  }
}

function takeLock(lock: string): void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: 'wx', mode: 0o600 });
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(fs.readFileSync(lock, 'utf8'));
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) {
        throw new Error('another Casegraph is encrypting this store right now; try again when it is done');
      }
      fs.rmSync(lock, { force: true });
    }
  }
  throw new Error(`cannot take the lock ${lock}`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
