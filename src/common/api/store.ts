// The API contract: the encrypted store's lock, its passphrase and its backups. Combined in ../api.ts.
//
// The host (the Electron main process, `casegraph serve`) answers the lock's methods itself — while
// the store is locked no backend runs — and a restore, which closes the backend, replaces the store
// and opens the restored one (HOST_METHODS).

/** Whether the store's key is open: 'locked' waits for its passphrase, 'new' for one to be chosen. */
export type StoreLockState = 'open' | 'locked' | 'new';

export interface StoreStatus {
  readonly state: StoreLockState;
  /** The store's file. */
  readonly path: string;
  /** Whether the store's key is sealed under a passphrase (backups and changing it then ask for it). */
  readonly passphraseSealed: boolean;
  /** The desktop app's credential store was refused (no keyring, or basic_text): why the passphrase is asked. */
  readonly credentialStoreRefused: boolean;
  /** Where backups are written when no other place is chosen (beside the store). */
  readonly backupsFolder: string;
}

export interface BackupView {
  readonly file: string;
  readonly bytes: number;
  /** When the backup was written (its file's time), an instant. */
  readonly at: string;
}

export interface RestoreView {
  /** The restored store. */
  readonly store: string;
  /** Where the store it replaced is kept. */
  readonly replaced: string | null;
}

/** The shortest passphrase the app lets an investigator choose. */
export const MIN_PASSPHRASE_LENGTH = 10;
