// The token vault of the hosts without an OS credential store at hand (the CLI, `casegraph
// serve`): AES-256-GCM under a random 256-bit key kept in a file of its own beside the store,
// created 0600 in the store's 0700 directory. Sealed form: "cgv1." + base64url(iv | tag | ciphertext),
// with the feed's context as associated data.
//
// Threat model. Protects the token when the store file travels without its key: backups and
// copies of the .db, a store handed to a colleague or attached to a ticket, a bundle or export
// built from it; and against other (non-admin) users of the machine, by file permissions.
// It does NOT protect against code running as this user or as an administrator, or against a
// copy of the whole directory: those can read the key file. That is what the OS credential store
// (Electron's safeStorage) adds. A key file readable by others is refused, not silently used.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createPrivateFileOnce } from '../store/private-file';
import { TokenVaultError, type TokenVault } from './token-vault';

const PREFIX = 'cgv1.';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const TOKEN_KEY_FILE = 'token-vault.key';

/** The key file beside a store. */
export function tokenKeyPathFor(storePath: string): string {
  return path.join(path.dirname(path.resolve(storePath)), TOKEN_KEY_FILE);
}

function readKey(file: string): Buffer {
  if (process.platform !== 'win32') {
    const mode = fs.statSync(file).mode & 0o777;
    if ((mode & 0o077) !== 0) {
      throw new TokenVaultError(
        `the token key file ${file} can be read by other users (mode ${mode.toString(8)}); make it private (chmod 600) or delete it and enter the feed tokens again`,
      );
    }
  }
  const key = fs.readFileSync(file);
  if (key.length !== KEY_BYTES)
    throw new TokenVaultError(`the token key file ${file} is damaged (${key.length} bytes, expected ${KEY_BYTES})`);
  return key;
}

/** Read the key, or create it first (atomically, 0600). */
function loadOrCreateKey(file: string): Buffer {
  createPrivateFileOnce(file, crypto.randomBytes(KEY_BYTES));
  return readKey(file);
}

export class FileTokenVault implements TokenVault {
  readonly kind = 'key file';
  private key: Buffer | null = null;

  constructor(private readonly keyFile: string) {}

  async seal(token: string, context: string): Promise<string> {
    const key = this.getKey(true);
    const iv = crypto.randomBytes(IV_BYTES);
    const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
    return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
  }

  async open(sealed: string, context: string): Promise<string> {
    if (!sealed.startsWith(PREFIX)) throw new TokenVaultError('the stored token was sealed by another vault; enter the token again');
    const raw = Buffer.from(sealed.slice(PREFIX.length), 'base64url');
    if (raw.length < IV_BYTES + TAG_BYTES) throw new TokenVaultError('the stored token is damaged; enter the token again');
    const key = this.getKey(false);
    try {
      const decipher = crypto.createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw new TokenVaultError('the stored token cannot be opened with this key or was stored for another feed; enter the token again');
    }
  }

  private getKey(create: boolean): Buffer {
    if (this.key) return this.key;
    if (!create && !fs.existsSync(this.keyFile))
      throw new TokenVaultError(`the token key file ${this.keyFile} is missing; enter the token again`);
    this.key = loadOrCreateKey(this.keyFile);
    return this.key;
  }
}
