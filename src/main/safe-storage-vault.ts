// The Electron host's token vault: Electron's safeStorage, i.e. the OS credential store
// (Keychain, DPAPI, libsecret/kwallet), as feed-protocol.md's Security section asks. safeStorage
// has no associated data, so the sealed text is JSON {context, token} and opening checks the
// context: a sealed token copied to another feed's row does not open. Without a real credential
// store (encryption unavailable, or Linux's hard-coded 'basic_text' fallback) it refuses to seal
// rather than store a token with no real protection.
import { TokenVaultError, type TokenVault } from '../core/sync/token-vault';

/** The part of Electron's safeStorage used here (tests pass a fake). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend?(): string;
}

const PREFIX = 'cgss1.';

export class SafeStorageVault implements TokenVault {
  readonly kind = 'safeStorage';

  constructor(private readonly storage: SafeStorageLike) {}

  async seal(token: string, context: string): Promise<string> {
    this.requireProtection();
    return PREFIX + this.storage.encryptString(JSON.stringify({ context, token })).toString('base64');
  }

  async open(sealed: string, context: string): Promise<string> {
    if (!sealed.startsWith(PREFIX))
      throw new TokenVaultError(
        'the stored token was sealed by another vault (the command line or the browser host); enter the token again',
      );
    this.requireProtection();
    let body: unknown;
    try {
      body = JSON.parse(this.storage.decryptString(Buffer.from(sealed.slice(PREFIX.length), 'base64')));
    } catch {
      throw new TokenVaultError('the stored token cannot be opened by this user’s credential store; enter the token again');
    }
    if (typeof body !== 'object' || body === null || !('context' in body) || !('token' in body) || typeof body.token !== 'string') {
      throw new TokenVaultError('the stored token is damaged; enter the token again');
    }
    if (body.context !== context)
      throw new TokenVaultError('the stored token was entered for another feed; enter the token for this feed again');
    return body.token;
  }

  private requireProtection(): void {
    if (!this.storage.isEncryptionAvailable()) {
      throw new TokenVaultError(
        'the operating system’s credential store is not available, so feed tokens cannot be kept safely; unlock or set up the keyring and try again',
      );
    }
    if (process.platform === 'linux' && this.storage.getSelectedStorageBackend?.() === 'basic_text') {
      throw new TokenVaultError(
        'no keyring (GNOME Keyring or KWallet) is running, so feed tokens cannot be kept safely; start one and try again',
      );
    }
  }
}
