// Opening the store: one SQLite file per workstation, WAL, foreign keys, migrated in one
// transaction per migration. A store written by a newer Casegraph is refused, never downgraded.
// The file holds citizens' personal data, so it is encrypted (SQLCipher-compatible, the WAL
// included, with the raw key of store-key.ts), and it and its directory are private to the user.
// A plain store from an earlier version is encrypted in place at its first open
// (encrypt-in-place.ts).

import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { finishBulkLoad } from './bulk-load';
import { applyKey, encryptInPlace, removeEncryptionLeftovers, storeFileKind } from './encrypt-in-place';
import { MIGRATIONS, type Migration } from './migrations';
import { recoverInterruptedRestore } from './restore-journal';
import { StoreKeyError, forgetKey, storeKey, type StoreKey } from './store-key';

export type Db = Database.Database;

export interface OpenOptions {
  readonly readonly?: boolean;
  /** Path to a better_sqlite3 binding built for another runtime (Electron's ABI). */
  readonly nativeBinding?: string;
  readonly migrations?: readonly Migration[];
  /** The store's key; default: the one its key file opens with this process's key sources. */
  readonly key?: StoreKey;
  /** Told what a long first open does (encrypting a plain store). */
  readonly onProgress?: (message: string) => void;
}

export class StoreError extends Error {
  override readonly name = 'StoreError';
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Bring the schema up to date; each migration in its own transaction with its user_version. */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): number {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new StoreError(`migration list is not monotonic at ${m.name}`);
  });
  const current = schemaVersion(db);
  const latest = migrations.length;
  if (current > latest) {
    throw new StoreError(
      `this store was written by a newer Casegraph (schema ${current}; this version knows up to ${latest}). Update Casegraph to open it.`,
    );
  }
  for (const m of migrations.slice(current)) {
    db.transaction(() => {
      db.exec(m.up);
      m.run?.(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return latest;
}

/** SQLITE_BUSY and its extended codes: another connection holds the lock this one waited for. */
export function isStoreBusy(e: unknown): boolean {
  return String((e as { code?: unknown } | null)?.code).startsWith('SQLITE_BUSY');
}

/** The schema version of a plain (not yet encrypted) store, read without changing it. */
function plainSchemaVersion(file: string, nativeBinding?: string): number {
  const db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    return schemaVersion(db);
  } finally {
    db.close();
  }
}

function newerStore(found: number, known: number): StoreError {
  return new StoreError(
    `this store was written by a newer Casegraph (schema ${found}; this version knows up to ${known}). Update Casegraph to open it.`,
  );
}

let openProgress: ((message: string) => void) | undefined;

/** Where a long first open tells its progress when the caller gives no onProgress (the CLI: stderr). */
export function setOpenProgress(f: ((message: string) => void) | undefined): void {
  openProgress = f;
}

/** The key of the store at `file` (made, or the plain store encrypted, when needed). */
function keyFor(file: string, options: OpenOptions, latestKnown: number): StoreKey {
  // A restore into this store killed half-way: undone (or finished) before anything reads it.
  try {
    recoverInterruptedRestore(file);
  } catch (e) {
    throw new StoreError(`cannot open the store at ${file}: ${(e as Error).message}`);
  }
  const kind = storeFileKind(file);
  if (kind === 'plain') {
    // A newer store must be left exactly as it is, unencrypted too.
    const found = plainSchemaVersion(file, options.nativeBinding);
    if (found > latestKnown) throw newerStore(found, latestKnown);
  }
  const k = wrapKeyError(() => options.key ?? storeKey(file, { create: kind !== 'encrypted' }));
  if (kind === 'encrypted') removeEncryptionLeftovers(file);
  if (kind === 'plain') {
    const onProgress = options.onProgress ?? openProgress;
    try {
      encryptInPlace(file, k, {
        ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
        ...(onProgress ? { onProgress } : {}),
      });
    } catch (e) {
      throw new StoreError(`cannot encrypt the store at ${file}: ${(e as Error).message}`);
    }
  }
  return k;
}

/**
 * Open (or make) the key of the store at `file` in this thread, encrypting a plain store first:
 * worker threads started afterwards open the store with it (store-key.ts). Hosts call this
 * before starting the backend worker, where their passphrase or vault is.
 */
export function unlockStore(file: string, options: Pick<OpenOptions, 'nativeBinding' | 'onProgress'> = {}): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true, mode: 0o700 });
  keyFor(file, options, MIGRATIONS.length);
}

function wrapKeyError<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof StoreKeyError) throw new StoreError(e.message);
    throw e;
  }
}

function isNotADatabase(e: unknown): boolean {
  return String((e as { code?: unknown } | null)?.code).startsWith('SQLITE_NOTADB');
}

export function openStore(file: string, options: OpenOptions = {}): Db {
  const readonly = options.readonly === true;
  if (!readonly) {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true, mode: 0o700 });
  } else if (!fs.existsSync(file)) {
    throw new StoreError(`no store at ${file}`);
  }
  const latestKnown = (options.migrations ?? MIGRATIONS).length;
  const key = keyFor(file, options, latestKnown);
  let db: Db;
  try {
    db = new Database(file, {
      readonly,
      fileMustExist: readonly,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
  } catch (e) {
    throw new StoreError(`cannot open the store at ${file}: ${(e as Error).message}`);
  }
  try {
    applyKey(db, key);
    try {
      db.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch (e) {
      if (!isNotADatabase(e)) throw e;
      forgetKey(file);
      throw new StoreError(
        `the key in ${path.basename(file)}.key does not open the store ${file}: the key file belongs to another store, or the store is damaged`,
      );
    }

    // Check the schema before touching anything: a newer store must be left exactly as it is.
    if (schemaVersion(db) > latestKnown) throw newerStore(schemaVersion(db), latestKnown);
    if (!readonly) {
      fs.chmodSync(file, 0o600);
      // 16 KiB pages (STORE_PAGE_SIZE: shallower b-trees for the million-row tables and the
      // full-text index, about 15% less import time than 4 KiB in measurements) are set by
      // applyKey, the cipher's way, before the switch to WAL, which fixes the page size.
      db.pragma('journal_mode = WAL');
    }
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    db.pragma('temp_store = MEMORY');
    db.pragma('cache_size = -65536');
    if (readonly) {
      if (schemaVersion(db) < latestKnown) throw new StoreError(`the store at ${file} needs migrating; open it once for writing first`);
    } else {
      migrate(db, options.migrations);
      // An import killed while bulk loading left indexes dropped: build them again. Another
      // connection may be that import, still running and holding the write lock: it builds
      // them itself when done, so a busy store is left to it.
      try {
        finishBulkLoad(db);
      } catch (e) {
        if (!isStoreBusy(e)) throw e;
      }
    }
  } catch (e) {
    db.close();
    if (e instanceof StoreError) throw e;
    throw new StoreError(`cannot open the store at ${file}: ${(e as Error).message}`);
  }
  return db;
}
