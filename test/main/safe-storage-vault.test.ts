// The Electron host's vault over a fake safeStorage: what is sealed names its feed, opens only
// for that feed, and nothing is sealed without the OS credential store.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SafeStorageVault, type SafeStorageLike } from '../../src/main/safe-storage-vault';
import { TokenVaultError } from '../../src/core/sync/token-vault';

function fakeSafeStorage(available = true, backend = 'gnome_libsecret'): SafeStorageLike {
  // Reversible but not plain text, as the real one is (the tests only need the round trip).
  return {
    isEncryptionAvailable: () => available,
    encryptString: (s) => Buffer.from(Buffer.from(s, 'utf8').map((b) => b ^ 0x5a)),
    decryptString: (b) => Buffer.from(b.map((x) => x ^ 0x5a)).toString('utf8'),
    getSelectedStorageBackend: () => backend,
  };
}

afterEach(() => vi.unstubAllGlobals());

describe('SafeStorageVault', () => {
  it('seals {context, token} and opens it only for the same feed', async () => {
    const vault = new SafeStorageVault(fakeSafeStorage());
    const sealed = await vault.seal('secret-token-0042', 'feed A');
    expect(sealed.startsWith('cgss1.')).toBe(true);
    expect(sealed).not.toContain('secret-token-0042');
    expect(await vault.open(sealed, 'feed A')).toBe('secret-token-0042');
    await expect(vault.open(sealed, 'feed B')).rejects.toThrow(/entered for another feed/);
    await expect(vault.open('cgv1.abc', 'feed A')).rejects.toThrow(/sealed by another vault/);
    await expect(vault.open('cgss1.AAAA', 'feed A')).rejects.toThrow(TokenVaultError);
  });

  it('refuses when the OS credential store is not available', async () => {
    const vault = new SafeStorageVault(fakeSafeStorage(false));
    await expect(vault.seal('secret-token-0042', 'feed A')).rejects.toThrow(/credential store is not available/);
    if (process.platform === 'linux') {
      await expect(new SafeStorageVault(fakeSafeStorage(true, 'basic_text')).seal('t0ken', 'feed A')).rejects.toThrow(/no keyring/);
    }
  });
});
