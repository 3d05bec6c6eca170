// This workstation's signing identity: an Ed25519 key pair made on first use and kept beside the
// store (workstation-key.pem, created 0600 in the store's directory). With a vault (the host's
// TokenVault: safeStorage in Electron, the key file of the CLI and `casegraph serve`), the private
// key is sealed by it, so the file alone signs nothing. A key file readable by other users is
// refused, as the token vault's key file is.
// The fingerprint is the SHA-256 of the DER SubjectPublicKeyInfo, in hex: what `openssl pkey
// -pubin -outform DER | sha256sum` prints for the bundle's signer.pem.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createPrivateFileOnce } from '../store/private-file';
import { TokenVaultError, type TokenVault } from '../sync/token-vault';

export const WORKSTATION_KEY_FILE = 'workstation-key.pem';
const SEALED_HEADER = 'casegraph sealed workstation key v1';
const CONTEXT = 'casegraph workstation signing key';

export class IdentityError extends Error {
  override readonly name = 'IdentityError';
}

export interface Identity {
  readonly privateKey: crypto.KeyObject;
  readonly publicKey: crypto.KeyObject;
  /** SubjectPublicKeyInfo PEM. */
  readonly publicPem: string;
  /** SHA-256 of the DER SubjectPublicKeyInfo, lower-case hex. */
  readonly fingerprint: string;
}

export function workstationKeyPathFor(storePath: string): string {
  return path.join(path.dirname(path.resolve(storePath)), WORKSTATION_KEY_FILE);
}

/** The public key's fingerprint; throws IdentityError for anything but an Ed25519 SPKI PEM. */
export function publicKeyFromPem(pem: string): { key: crypto.KeyObject; publicPem: string; fingerprint: string } {
  let key: crypto.KeyObject;
  try {
    key = crypto.createPublicKey({ key: pem, format: 'pem' });
  } catch {
    throw new IdentityError('not a public key in PEM form (expected "-----BEGIN PUBLIC KEY-----")');
  }
  if (key.asymmetricKeyType !== 'ed25519')
    throw new IdentityError(`the key is ${key.asymmetricKeyType ?? 'of an unknown type'}, not Ed25519`);
  const der = key.export({ type: 'spki', format: 'der' });
  return {
    key,
    publicPem: key.export({ type: 'spki', format: 'pem' }).toString(),
    fingerprint: crypto.createHash('sha256').update(der).digest('hex'),
  };
}

/** "ab12 cd34 …": the fingerprint in groups of four, for reading aloud over the phone. */
export function groupedFingerprint(hex: string): string {
  return (hex.match(/.{1,4}/g) ?? []).join(' ');
}

/** A fingerprint as typed (groups, colons, capitals) reduced to plain lower-case hex. */
export function normaliseFingerprint(text: string): string {
  return text.replace(/[\s:]/g, '').toLowerCase();
}

function identityOf(privateKey: crypto.KeyObject): Identity {
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new IdentityError('the workstation key file does not hold an Ed25519 key');
  const publicKey = crypto.createPublicKey(privateKey);
  const { publicPem, fingerprint } = publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  return { privateKey, publicKey, publicPem, fingerprint };
}

function checkPrivate(file: string): void {
  if (process.platform === 'win32') return;
  const mode = fs.statSync(file).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw new IdentityError(
      `the workstation key file ${file} can be read by other users (mode ${mode.toString(8)}); make it private (chmod 600)`,
    );
  }
}

async function readIdentity(file: string, vault: TokenVault | undefined): Promise<Identity> {
  checkPrivate(file);
  const text = fs.readFileSync(file, 'utf8');
  let pem = text;
  if (text.startsWith(SEALED_HEADER)) {
    const sealedBy = /^sealed-by: (.*)$/m.exec(text)?.[1] ?? 'an unknown vault';
    const sealed = /^sealed: (.*)$/m.exec(text)?.[1];
    if (!sealed) throw new IdentityError(`the workstation key file ${file} is damaged`);
    if (!vault) throw new IdentityError(`the workstation key is sealed by ${sealedBy}; use it from the host that sealed it`);
    try {
      pem = await vault.open(sealed, CONTEXT);
    } catch (e) {
      const why = e instanceof TokenVaultError ? e.message : String(e);
      throw new IdentityError(`the workstation key sealed by ${sealedBy} cannot be opened here (${why})`);
    }
  }
  try {
    return identityOf(crypto.createPrivateKey({ key: pem, format: 'pem' }));
  } catch (e) {
    if (e instanceof IdentityError) throw e;
    throw new IdentityError(`the workstation key file ${file} is damaged`);
  }
}

/**
 * The workstation's identity, made on first use. Created atomically: written to a private
 * temporary file, then linked into place, so two processes starting at once agree on one key.
 */
export async function loadOrCreateIdentity(storePath: string, vault?: TokenVault): Promise<Identity> {
  const file = workstationKeyPathFor(storePath);
  if (fs.existsSync(file)) return readIdentity(file, vault);
  const { privateKey } = crypto.generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const content = vault ? `${SEALED_HEADER}\nsealed-by: ${vault.kind}\nsealed: ${await vault.seal(pem, CONTEXT)}\n` : pem;
  createPrivateFileOnce(file, content);
  return readIdentity(file, vault);
}
