// The settings screen's store and backups section: the passphrase, backups, restoring.
// Part of `SettingsMessages` (messages.ts): every language implements these keys exactly.

import type { Named } from '../i18n/message-kit';

export interface StoreSettingsMessages {
  readonly 'storeKey.title': string;
  readonly 'storeKey.intro': string;
  readonly 'storeKey.location': string;
  readonly 'storeKey.backupsFolder': string;
  readonly 'storeKey.change': string;
  readonly 'storeKey.changeIntro': string;
  readonly 'storeKey.changeIntroUnsealed': string;
  readonly 'storeKey.current': string;
  readonly 'storeKey.new': string;
  readonly 'storeKey.repeat': string;
  readonly 'storeKey.lengthHint': Named;
  readonly 'storeKey.tooShort': Named;
  readonly 'storeKey.differ': string;
  readonly 'storeKey.empty': string;
  readonly 'storeKey.wrongCurrent': string;
  readonly 'storeKey.changeButton': string;
  readonly 'storeKey.changing': string;
  readonly 'storeKey.changed': string;
  readonly 'storeKey.backup': string;
  readonly 'storeKey.backupIntroBrowser': Named;
  readonly 'storeKey.backupIntroDesktop': string;
  readonly 'storeKey.backupPassphrase': string;
  readonly 'storeKey.backupNewPassphrase': string;
  readonly 'storeKey.backupHint': string;
  readonly 'storeKey.wrongStorePassphrase': string;
  readonly 'storeKey.backupButton': string;
  readonly 'storeKey.backingUp': string;
  readonly 'storeKey.backedUp': (file: string, size: string) => string;
  readonly 'storeKey.backups': string;
  readonly 'storeKey.noBackups': string;
  readonly 'storeKey.file': string;
  readonly 'storeKey.size': string;
  readonly 'storeKey.time': string;
  readonly 'storeKey.restore': string;
  readonly 'storeKey.confirmTitle': string;
  readonly 'storeKey.confirmText': (file: string, store: string) => string;
  readonly 'storeKey.backupPass': string;
  readonly 'storeKey.wrongBackupPassphrase': string;
  readonly 'storeKey.confirm': string;
  readonly 'storeKey.restoring': string;
  readonly 'storeKey.cancel': string;
  readonly 'storeKey.restored': Named;
  readonly 'storeKey.restoredReplaced': (store: string, kept: string) => string;
  readonly 'storeKey.openRestored': string;
}
