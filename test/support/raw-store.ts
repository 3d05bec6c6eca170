// A bare connection to an encrypted store, as the tests' own look inside it: keyed with the
// store's key (opened from its key file with the tests' passphrase), without openStore's
// migrations and repairs.
import fs from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { applyKey } from '../../src/core/store/encrypt-in-place';
import { keyFilePath, storeKey } from '../../src/core/store/store-key';

export function rawStore(file: string, options: { readonly?: boolean } = {}): Database.Database {
  const db = new Database(file, { readonly: options.readonly === true, fileMustExist: true });
  applyKey(db, storeKey(file, { create: false }));
  return db;
}

/** Copy a store file with its key file (an encrypted store opens only with its key). */
export function copyStore(from: string, to: string): void {
  fs.copyFileSync(from, to);
  fs.copyFileSync(keyFilePath(from), keyFilePath(to));
}
