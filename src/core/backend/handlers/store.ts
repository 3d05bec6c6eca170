// The encrypted store from the app's Settings: changing the passphrase (the key sealed anew, the
// store unchanged) and backups (written, listed). The lock and restoring are the host's
// (store-gate.ts): they need the backend closed or not yet started.
import fs from 'node:fs';
import path from 'node:path';
import type { BackendApi } from '../../../common/api';
import { MIN_PASSPHRASE_LENGTH } from '../../../common/api/store';
import { ExpectedError, ok } from '../../../common/result';
import { appendAudit } from '../../store/audit';
import { BackupError, backupStore } from '../../store/backup';
import { BACKUP_ACTION, backupName, backupsFolderOf, listBackups } from '../../store/backups';
import type { Db } from '../../store/db';
import { StoreKeyError, changePassphrase, passphraseOpens } from '../../store/store-key';

export type StoreHandlers = Pick<BackendApi, 'store.changePassphrase' | 'store.backup' | 'store.backups'>;

export interface StoreDeps {
  readonly db: Db;
  readonly dbPath: string;
  /** The browser host: backups go into the backups folder only, never where a web page says. */
  readonly browserHost: boolean;
  readonly actor?: string;
}

export const PASSPHRASE_TOO_SHORT = `the passphrase must have at least ${MIN_PASSPHRASE_LENGTH} characters`;

function expected<T>(work: () => T): T {
  try {
    return work();
  } catch (e) {
    if (e instanceof BackupError || e instanceof StoreKeyError) throw new ExpectedError('invalid_argument', e.message);
    throw e;
  }
}

export function storeHandlers(deps: StoreDeps): StoreHandlers {
  const { db, dbPath } = deps;
  const actor = deps.actor !== undefined ? { actor: deps.actor } : {};
  return {
    'store.changePassphrase': async ({ current, next }) => {
      if ([...next].length < MIN_PASSPHRASE_LENGTH) throw new ExpectedError('invalid_argument', PASSPHRASE_TOO_SHORT);
      if (passphraseOpens(dbPath, current) === false)
        throw new ExpectedError('wrong_passphrase', 'the current passphrase is not the one that seals the store; nothing was changed');
      expected(() => changePassphrase(dbPath, current, next));
      // Who changed it and when; never the passphrases.
      appendAudit(db, { action: 'store_passphrase', subject: path.basename(dbPath), ...actor });
      return ok({ changed: true as const });
    },
    'store.backup': async ({ passphrase, file }) => {
      const opens = passphraseOpens(dbPath, passphrase);
      if (opens === false)
        throw new ExpectedError(
          'wrong_passphrase',
          "the passphrase is not the store's: a backup is sealed under the store's own passphrase, so that it restores with it",
        );
      if (opens === null && [...passphrase].length < MIN_PASSPHRASE_LENGTH)
        throw new ExpectedError('invalid_argument', PASSPHRASE_TOO_SHORT);
      let out: string;
      if (file !== undefined) {
        if (deps.browserHost)
          throw new ExpectedError('invalid_argument', 'the browser host writes backups into the backups folder; leave out the file');
        out = path.resolve(file);
      } else {
        const folder = backupsFolderOf(dbPath);
        fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
        out = path.join(folder, backupName(dbPath));
      }
      const r = expected(() => backupStore(db, dbPath, out, passphrase));
      appendAudit(db, { action: BACKUP_ACTION, subject: path.basename(dbPath), detail: { file: r.file, bytes: r.bytes }, ...actor });
      const at = fs.statSync(r.file).mtime.toISOString();
      return ok({ file: r.file, bytes: r.bytes, at });
    },
    'store.backups': async () => ok(listBackups(db, dbPath)),
  };
}
