// The desktop app's key sealing, under Node with a stand-in for Electron's safeStorage: sealed by
// a real credential store, refused over Linux's basic_text (falling back to the passphrase).
import crypto from 'node:crypto';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { credentialStoreVault, unlockDesktopStore, type CredentialStore } from '../../../src/core/store/credential-store-key';
import { StoreError, openStore } from '../../../src/core/store/db';
import { forgetKey, readKeyFile, setKeySources } from '../../../src/core/store/store-key';
import { tempDir } from '../../support/tmp';

/** A credential store of one user on one machine: AES-GCM under a key only it holds. */
function fakeSafeStorage(backend = 'gnome_libsecret'): CredentialStore {
  const key = crypto.randomBytes(32);
  return {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => backend,
    encryptString(text) {
      const iv = crypto.randomBytes(12);
      const c = crypto.createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(text, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]);
    },
    decryptString(b) {
      const d = crypto.createDecipheriv('aes-256-gcm', key, b.subarray(0, 12));
      d.setAuthTag(b.subarray(12, 28));
      return Buffer.concat([d.update(b.subarray(28)), d.final()]).toString('utf8');
    },
  };
}

afterEach(() => setKeySources({}));

describe("the desktop app's store key", () => {
  it('is sealed by the credential store (and the passphrase, when set) and opens with either', () => {
    const file = path.join(tempDir(), 'store.db');
    const storage = fakeSafeStorage();
    expect(unlockDesktopStore(file, storage, { passphrase: 'pw for the cli', platform: 'linux' })).toEqual({ refused: null });
    openStore(file).close();
    expect(readKeyFile(file)?.slots.map((s) => s.kind)).toEqual(['vault', 'passphrase']);
    // The next launch: the credential store alone opens it.
    forgetKey(file);
    const saved = process.env['CASEGRAPH_PASSPHRASE'];
    delete process.env['CASEGRAPH_PASSPHRASE'];
    try {
      unlockDesktopStore(file, storage, { platform: 'linux' });
      openStore(file).close();
      // Another user's credential store does not, and without a passphrase that is one sentence.
      forgetKey(file);
      expect(() => unlockDesktopStore(file, fakeSafeStorage(), { platform: 'linux' })).toThrow(
        /^the store .* is encrypted: give its passphrase/,
      );
    } finally {
      process.env['CASEGRAPH_PASSPHRASE'] = saved;
    }
    forgetKey(file);
    unlockDesktopStore(file, fakeSafeStorage(), { passphrase: 'pw for the cli', platform: 'linux' });
    openStore(file).close();
  });

  it('adds a passphrase seal to a key only the credential store sealed, when the app starts with one', () => {
    const file = path.join(tempDir(), 'store.db');
    const storage = fakeSafeStorage();
    const saved = process.env['CASEGRAPH_PASSPHRASE'];
    delete process.env['CASEGRAPH_PASSPHRASE'];
    try {
      unlockDesktopStore(file, storage, { platform: 'linux' });
      openStore(file).close();
      expect(readKeyFile(file)?.slots.map((s) => s.kind)).toEqual(['vault']);
      forgetKey(file);
      setKeySources({ passphrase: 'for the cli' });
      expect(() => openStore(file)).toThrow(
        /is sealed by the desktop app's credential store, which is not available here; start the desktop app once/,
      );
      forgetKey(file);
      unlockDesktopStore(file, storage, { passphrase: 'for the cli', platform: 'linux' });
      expect(readKeyFile(file)?.slots.map((s) => s.kind)).toEqual(['vault', 'passphrase']);
      forgetKey(file);
      setKeySources({ passphrase: 'for the cli' });
      openStore(file).close();
    } finally {
      process.env['CASEGRAPH_PASSPHRASE'] = saved;
    }
  });

  it("refuses Linux's basic_text backend, saying so, and seals under the passphrase instead", () => {
    expect(credentialStoreVault(fakeSafeStorage('basic_text'), 'linux')).toEqual({
      refused:
        "no keyring (GNOME Keyring or KWallet) is running, and Electron's fallback (basic_text) does not protect the store's key, so it is not used",
    });
    expect('vault' in credentialStoreVault(fakeSafeStorage('basic_text'), 'darwin')).toBe(true);
    const file = path.join(tempDir(), 'store.db');
    const r = unlockDesktopStore(file, fakeSafeStorage('basic_text'), { passphrase: 'pw', platform: 'linux' });
    expect(r.refused).toMatch(/basic_text/);
    expect(readKeyFile(file)?.slots.map((s) => s.kind)).toEqual(['passphrase']);
    const other = path.join(tempDir(), 'store.db');
    const saved = process.env['CASEGRAPH_PASSPHRASE'];
    delete process.env['CASEGRAPH_PASSPHRASE'];
    try {
      let error: unknown;
      try {
        unlockDesktopStore(other, fakeSafeStorage('basic_text'), { platform: 'linux' });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(StoreError);
      expect((error as Error).message).toMatch(
        /^a new store needs a passphrase to seal its key: .* \(no keyring .* so it is not used: start Casegraph with CASEGRAPH_PASSPHRASE set\)$/,
      );
    } finally {
      process.env['CASEGRAPH_PASSPHRASE'] = saved;
    }
  });
});
