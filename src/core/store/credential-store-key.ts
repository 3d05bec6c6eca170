// The desktop app seals the store's key with the operating system's credential store (Electron
// safeStorage: Keychain, DPAPI, libsecret/kwallet), as Signal Desktop does. Not with Linux's
// `basic_text` backend, which safeStorage picks when no keyring runs: it "encrypts" with a key
// hard-coded in Chromium, no protection at all, so it is refused, saying so, and the app falls
// back to the passphrase. Plain Node: the Electron main process hands its safeStorage in.
import { StoreError, unlockStore } from './db';
import { addPassphraseSeal, addVaultSeal, setKeySources, type KeySources, type KeyVault } from './store-key';

/** The part of Electron's safeStorage used here (tests pass a fake). */
export interface CredentialStore {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend?(): string;
}

export type CredentialVault = { readonly vault: KeyVault } | { readonly refused: string };

export function credentialStoreVault(storage: CredentialStore, platform: NodeJS.Platform = process.platform): CredentialVault {
  if (!storage.isEncryptionAvailable()) {
    return { refused: "the operating system's credential store is not available, so it cannot seal the store's key" };
  }
  if (platform === 'linux' && storage.getSelectedStorageBackend?.() === 'basic_text') {
    return {
      refused:
        "no keyring (GNOME Keyring or KWallet) is running, and Electron's fallback (basic_text) does not protect the store's key, so it is not used",
    };
  }
  return {
    vault: {
      kind: 'safeStorage',
      seal: (plain) => storage.encryptString(plain.toString('hex')),
      open: (sealed) => Buffer.from(storage.decryptString(sealed), 'hex'),
    },
  };
}

/**
 * The desktop app's unlock, before its backend worker starts: the credential store's seal, else
 * the passphrase (CASEGRAPH_PASSPHRASE). A key is sealed both ways when both are there (a new
 * store's, or one the credential store alone sealed until then): the CLI then opens the same
 * store with the passphrase. When neither opens it, the
 * sentence says why the credential store was not used.
 */
export function unlockDesktopStore(
  dbPath: string,
  storage: CredentialStore,
  options: { nativeBinding?: string; passphrase?: string; platform?: NodeJS.Platform } = {},
): { refused: string | null } {
  const found = credentialStoreVault(storage, options.platform);
  const refused = 'refused' in found ? found.refused : null;
  setKeySources({
    ...('vault' in found ? { vault: found.vault } : {}),
    ...(options.passphrase ? { passphrase: options.passphrase } : {}),
  });
  try {
    unlockStore(dbPath, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
    if (options.passphrase) addPassphraseSeal(dbPath, options.passphrase);
  } catch (e) {
    if (e instanceof StoreError && refused !== null)
      throw new StoreError(`${e.message} (${refused}: start Casegraph with CASEGRAPH_PASSPHRASE set)`);
    throw e;
  }
  return { refused };
}

/**
 * What opens the desktop app's store without asking (store-gate.ts): the credential store, when it
 * is not refused, and CASEGRAPH_PASSPHRASE when set; `refused` says why the credential store is not used.
 */
export function desktopKeySources(
  storage: CredentialStore,
  options: { passphrase?: string; platform?: NodeJS.Platform } = {},
): { sources: KeySources; refused: string | null } {
  const found = credentialStoreVault(storage, options.platform);
  return {
    sources: { ...('vault' in found ? { vault: found.vault } : {}), ...(options.passphrase ? { passphrase: options.passphrase } : {}) },
    refused: 'refused' in found ? found.refused : null,
  };
}

/**
 * After the desktop app opened its store's key: sealed by the credential store too (when it is
 * usable) and under the passphrase it was opened with, so that both the app and the CLI open it.
 */
export function sealDesktopKey(dbPath: string, sources: KeySources, passphrase: string | undefined): void {
  if (sources.vault) addVaultSeal(dbPath, sources.vault);
  if (passphrase) addPassphraseSeal(dbPath, passphrase);
}
