// English: the store and backups section of the settings.

import type { StoreSettingsMessages } from './store-messages';

export const storeSettingsEn: StoreSettingsMessages = {
  'storeKey.title': 'Store and backups',
  'storeKey.intro': 'The store is encrypted on disk; its key is sealed beside it in the key file.',
  'storeKey.location': 'Store',
  'storeKey.backupsFolder': 'Backups folder',
  'storeKey.change': 'Change the passphrase',
  'storeKey.changeIntro':
    'The store’s key is sealed again under the new passphrase; the store itself is not rewritten. Backups made earlier keep the passphrase they were made with.',
  'storeKey.changeIntroUnsealed':
    'The store’s key is not sealed under a passphrase yet (the system keyring seals it, or it is kept unsealed): a passphrase set here also opens it, from the command line too.',
  'storeKey.current': 'Current passphrase',
  'storeKey.new': 'New passphrase',
  'storeKey.repeat': 'The new passphrase again',
  'storeKey.lengthHint': (min) => `At least ${min} characters.`,
  'storeKey.tooShort': (min) => `The passphrase must have at least ${min} characters.`,
  'storeKey.differ': 'The two passphrases differ.',
  'storeKey.empty': 'Enter the passphrase.',
  'storeKey.wrongCurrent': 'That is not the store’s current passphrase; nothing was changed.',
  'storeKey.changeButton': 'Change the passphrase',
  'storeKey.changing': 'Changing…',
  'storeKey.changed': 'The passphrase is changed.',
  'storeKey.backup': 'Back up now',
  'storeKey.backupIntroBrowser': (folder) =>
    `An encrypted, consistent copy of the store, taken while it is in use, with its key file sealed under the passphrase. It is written into the backups folder, ${folder}.`,
  'storeKey.backupIntroDesktop':
    'An encrypted, consistent copy of the store, taken while it is in use, with its key file sealed under the passphrase; you choose where it is saved.',
  'storeKey.backupPassphrase': 'The store’s passphrase',
  'storeKey.backupNewPassphrase': 'A passphrase for the backup',
  'storeKey.backupHint': 'The backup’s key is sealed under this passphrase only: it restores with it, on any workstation.',
  'storeKey.wrongStorePassphrase': 'That is not the store’s passphrase; no backup was made.',
  'storeKey.backupButton': 'Back up now',
  'storeKey.backingUp': 'Backing up…',
  'storeKey.backedUp': (file, size) => `Backed up to ${file} (${size}).`,
  'storeKey.backups': 'Backups',
  'storeKey.noBackups': 'No backups yet.',
  'storeKey.file': 'File',
  'storeKey.size': 'Size',
  'storeKey.time': 'Made',
  'storeKey.restore': 'Restore…',
  'storeKey.confirmTitle': 'Restore this backup?',
  'storeKey.confirmText': (file, store) =>
    `Restoring ${file} replaces the store ${store} with the backup’s content. The store it replaces is not deleted: it is kept beside it, renamed with today’s date and time, with its key file.`,
  'storeKey.backupPass': 'The backup’s passphrase',
  'storeKey.wrongBackupPassphrase': 'That passphrase does not open this backup; nothing was replaced.',
  'storeKey.confirm': 'Replace the store with this backup',
  'storeKey.restoring': 'Restoring…',
  'storeKey.cancel': 'Cancel',
  'storeKey.restored': (file) => `Restored ${file}.`,
  'storeKey.restoredReplaced': (store, kept) => `The store ${store} now holds the backup; the one it replaced is kept as ${kept}.`,
  'storeKey.openRestored': 'Open the restored store',
};
