// Opening the store: one SQLite file per workstation, WAL, foreign keys, migrated in one
// transaction per migration. A store written by a newer Casegraph is refused, never downgraded.
// The file holds citizens' personal data, so it and its directory are private to the user.

import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { finishBulkLoad } from './bulk-load';
import { MIGRATIONS, type Migration } from './migrations';

export type Db = Database.Database;

export interface OpenOptions {
  readonly readonly?: boolean;
  /** Path to a better_sqlite3 binding built for another runtime (Electron's ABI). */
  readonly nativeBinding?: string;
  readonly migrations?: readonly Migration[];
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

export function openStore(file: string, options: OpenOptions = {}): Db {
  const readonly = options.readonly === true;
  if (!readonly) {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true, mode: 0o700 });
  } else if (!fs.existsSync(file)) {
    throw new StoreError(`no store at ${file}`);
  }
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
    // Check the schema before touching anything: a newer store must be left exactly as it is.
    const latestKnown = (options.migrations ?? MIGRATIONS).length;
    if (schemaVersion(db) > latestKnown) {
      throw new StoreError(
        `this store was written by a newer Casegraph (schema ${schemaVersion(db)}; this version knows up to ${latestKnown}). Update Casegraph to open it.`,
      );
    }
    if (!readonly) {
      fs.chmodSync(file, 0o600);
      // 16 KiB pages for a new store (a no-op on an existing one): shallower b-trees for the
      // million-row tables and the full-text index, about 15% less import time than 4 KiB in
      // measurements. Must come before the switch to WAL, which fixes the page size.
      db.pragma('page_size = 16384');
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
