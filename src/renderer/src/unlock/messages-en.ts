// English: the unlock screen.

import type { UnlockMessages } from './messages';

export const unlockEn: UnlockMessages = {
  'unlock.title': 'Unlock the store',
  'unlock.intro': 'The case data on this workstation is encrypted. Enter the store’s passphrase to open it.',
  'unlock.newTitle': 'Choose the store’s passphrase',
  'unlock.newIntro':
    'There is no store here yet. Casegraph encrypts it from its first write; the passphrase you choose seals its key. Without the passphrase the store cannot be opened, by anyone.',
  'unlock.keyringRefused':
    'The system keyring is not available (or only Electron’s unprotected fallback is), so the store is sealed under a passphrase.',
  'unlock.store': 'Store',
  'unlock.passphrase': 'Passphrase',
  'unlock.newPassphrase': 'New passphrase',
  'unlock.repeat': 'The same again',
  'unlock.lengthHint': (min) => `At least ${min} characters; a few words are easier to remember than a short password.`,
  'unlock.tooShort': (min) => `The passphrase must have at least ${min} characters.`,
  'unlock.differ': 'The two passphrases differ.',
  'unlock.empty': 'Enter the passphrase.',
  'unlock.wrong': 'That passphrase does not open this store; check it and try again.',
  'unlock.open': 'Unlock',
  'unlock.opening': 'Unlocking…',
  'unlock.create': 'Create the store',
  'unlock.creating': 'Creating…',
  'unlock.forgotten': 'A forgotten passphrase cannot be recovered: restore a backup with its own passphrase instead.',
};
