// The store's key. Every store is encrypted (SQLCipher-compatible, db.ts) with 32 random bytes
// used raw: no key derivation on each open. That key lives in `<store>.key`, a small JSON file
// beside the store, sealed in one or more slots:
//   - `passphrase`: AES-256-GCM under a key derived by scrypt from the investigator's passphrase
//     (the CLI and `casegraph serve`: CASEGRAPH_PASSPHRASE, or asked on a terminal);
//   - `vault`: sealed by the host's credential store (the desktop app's Electron safeStorage);
//   - `plain`: the key itself, in a 0600 file, only when the investigator chooses it (weaker:
//     whoever can read the file, or a copy of the disk, opens the store).
// Changing the passphrase re-seals the key; the store itself is unchanged.
//
// Plain Node: the Electron-only part (safeStorage) is handed in as a KeyVault. A key once opened
// is kept for the process and its worker threads (worker_threads environment data, copied to
// every worker started afterwards), so workers open the store without asking again.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { getEnvironmentData, setEnvironmentData } from 'node:worker_threads';

export const KEY_BYTES = 32;
/** The page size of new stores: set the cipher's way (legacy_page_size, db.ts), recorded in the key file. */
export const STORE_PAGE_SIZE = 16384;
/** scrypt's cost for new seals (2^17, r 8: about half a second and 128 MiB, OWASP's advice). */
export const DEFAULT_SCRYPT_LOG_N = 17;

export interface ScryptParams {
  readonly name: 'scrypt';
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

export interface PassphraseSlot {
  readonly kind: 'passphrase';
  readonly kdf: ScryptParams;
  /** base64 */
  readonly salt: string;
  readonly nonce: string;
  readonly tag: string;
  readonly sealed: string;
}
export interface VaultSlot {
  readonly kind: 'vault';
  /** Which vault sealed it ("safeStorage"). */
  readonly vault: string;
  readonly sealed: string;
}
export interface PlainSlot {
  readonly kind: 'plain';
  /** hex */
  readonly key: string;
}
export type KeySlot = PassphraseSlot | VaultSlot | PlainSlot;

export interface KeyFile {
  readonly version: 1;
  readonly cipher: { readonly name: 'sqlcipher'; readonly legacy: 4; readonly page_size: number };
  readonly slots: readonly KeySlot[];
}

/** A credential store that seals bytes for this user (Electron safeStorage in the desktop app). */
export interface KeyVault {
  readonly kind: string;
  seal(plain: Buffer): Buffer;
  open(sealed: Buffer): Buffer;
}

/** What may open (or seal a new) store key in this process. */
export interface KeySources {
  readonly passphrase?: string;
  readonly vault?: KeyVault;
  /** Seal a new store's key nowhere but a 0600 file (the investigator's choice; weaker). */
  readonly unsealed?: boolean;
}

export interface StoreKey {
  readonly key: Buffer;
  readonly pageSize: number;
}

/** The store cannot be opened or created for want of the right key: one sentence for the user. */
export class StoreKeyError extends Error {
  override readonly name = 'StoreKeyError';
}

export function keyFilePath(store: string): string {
  return `${store}.key`;
}

let sources: KeySources = {};

/** Set what opens store keys in this process (the CLI after asking on a terminal, the desktop app's vault). */
export function setKeySources(s: KeySources): void {
  sources = s;
}

/** The passphrase this process has (set, or CASEGRAPH_PASSPHRASE), if any. */
export function currentPassphrase(): string | undefined {
  return currentSources().passphrase;
}

function currentSources(): KeySources {
  const env = process.env['CASEGRAPH_PASSPHRASE'];
  return sources.passphrase === undefined && env !== undefined && env !== '' ? { ...sources, passphrase: env } : sources;
}

const CACHE = 'casegraph:store-keys';

function cache(): Record<string, { key: string; pageSize: number }> {
  const c = getEnvironmentData(CACHE) as Record<string, { key: string; pageSize: number }> | undefined;
  return c ?? {};
}

/** Remember an opened key for this process and the workers it starts from now on. */
export function rememberKey(store: string, k: StoreKey): void {
  setEnvironmentData(CACHE, { ...cache(), [path.resolve(store)]: { key: k.key.toString('hex'), pageSize: k.pageSize } });
}

export function forgetKey(store: string): void {
  const c = { ...cache() };
  delete c[path.resolve(store)];
  setEnvironmentData(CACHE, c);
}

function remembered(store: string): StoreKey | null {
  const c = cache()[path.resolve(store)];
  return c ? { key: Buffer.from(c.key, 'hex'), pageSize: c.pageSize } : null;
}

function scryptParams(): ScryptParams {
  // Tests create hundreds of stores and ask for a cheaper cost; never below 2^10.
  const env = Number(process.env['CASEGRAPH_SCRYPT_LOG_N']);
  const logN = Number.isInteger(env) && env >= 10 && env <= 20 ? env : DEFAULT_SCRYPT_LOG_N;
  return { name: 'scrypt', N: 2 ** logN, r: 8, p: 1 };
}

function derive(passphrase: string, salt: Buffer, kdf: ScryptParams): Buffer {
  return crypto.scryptSync(passphrase.normalize('NFC'), salt, 32, {
    N: kdf.N,
    r: kdf.r,
    p: kdf.p,
    maxmem: 256 * kdf.N * kdf.r + 1024 * 1024,
  });
}

const AAD = Buffer.from('casegraph store key v1');

export function sealWithPassphrase(key: Buffer, passphrase: string, kdf: ScryptParams = scryptParams()): PassphraseSlot {
  const salt = crypto.randomBytes(16);
  const nonce = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', derive(passphrase, salt, kdf), nonce);
  cipher.setAAD(AAD);
  const sealed = Buffer.concat([cipher.update(key), cipher.final()]);
  return {
    kind: 'passphrase',
    kdf,
    salt: salt.toString('base64'),
    nonce: nonce.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    sealed: sealed.toString('base64'),
  };
}

/** The key, or null when the passphrase is not the one it was sealed with. */
export function openWithPassphrase(slot: PassphraseSlot, passphrase: string): Buffer | null {
  const decipher = crypto.createDecipheriv(
    'aes-256-gcm',
    derive(passphrase, Buffer.from(slot.salt, 'base64'), slot.kdf),
    Buffer.from(slot.nonce, 'base64'),
  );
  decipher.setAAD(AAD);
  decipher.setAuthTag(Buffer.from(slot.tag, 'base64'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(slot.sealed, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

function isSlot(s: unknown): s is KeySlot {
  if (typeof s !== 'object' || s === null) return false;
  const o = s as Record<string, unknown>;
  if (o['kind'] === 'plain') return typeof o['key'] === 'string' && /^[0-9a-f]{64}$/.test(o['key']);
  if (o['kind'] === 'vault') return typeof o['vault'] === 'string' && typeof o['sealed'] === 'string';
  if (o['kind'] !== 'passphrase') return false;
  const kdf = o['kdf'] as Record<string, unknown> | null;
  return (
    typeof kdf === 'object' &&
    kdf !== null &&
    kdf['name'] === 'scrypt' &&
    [kdf['N'], kdf['r'], kdf['p']].every((n) => Number.isSafeInteger(n) && (n as number) > 0) &&
    ['salt', 'nonce', 'tag', 'sealed'].every((k) => typeof o[k] === 'string')
  );
}

export function readKeyFile(store: string): KeyFile | null {
  const file = keyFilePath(store);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new StoreKeyError(`cannot read the store's key file ${file}: ${(e as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  const o = parsed as Partial<KeyFile> | null;
  if (
    typeof o !== 'object' ||
    o === null ||
    o.version !== 1 ||
    o.cipher?.name !== 'sqlcipher' ||
    !Number.isInteger(o.cipher.page_size) ||
    !Array.isArray(o.slots) ||
    !o.slots.every(isSlot)
  ) {
    throw new StoreKeyError(`the store's key file ${file} is damaged or not a Casegraph key file`);
  }
  return o as KeyFile;
}

/** Write (or replace) a key file atomically, private to the user. */
export function writeKeyFile(store: string, kf: KeyFile, options: { exclusive?: boolean } = {}): boolean {
  const file = keyFilePath(store);
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.${crypto.randomBytes(6).toString('hex')}.tmp`;
  const fd = fs.openSync(tmp, 'wx', 0o600);
  try {
    fs.writeSync(fd, `${JSON.stringify(kf, null, 2)}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    if (options.exclusive) {
      try {
        fs.linkSync(tmp, file);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
        throw e;
      }
    } else {
      fs.renameSync(tmp, file);
    }
    return true;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

export function newKeyFile(key: Buffer, s: KeySources, pageSize = STORE_PAGE_SIZE): KeyFile {
  const slots: KeySlot[] = [];
  if (s.vault) slots.push({ kind: 'vault', vault: s.vault.kind, sealed: s.vault.seal(key).toString('base64') });
  if (s.passphrase !== undefined) slots.push(sealWithPassphrase(key, s.passphrase));
  if (s.unsealed) slots.push({ kind: 'plain', key: key.toString('hex') });
  if (slots.length === 0) {
    throw new StoreKeyError(
      'a new store needs a passphrase to seal its key: set CASEGRAPH_PASSPHRASE or run on a terminal to be asked for one',
    );
  }
  return { version: 1, cipher: { name: 'sqlcipher', legacy: 4, page_size: pageSize }, slots };
}

/** Open the key of a key file with the given sources; throws one clear sentence when none opens it. */
export function openKeyFile(kf: KeyFile, s: KeySources, store: string): StoreKey {
  const pageSize = kf.cipher.page_size;
  for (const slot of kf.slots) {
    if (slot.kind === 'plain') return { key: Buffer.from(slot.key, 'hex'), pageSize };
    if (slot.kind === 'vault' && s.vault && s.vault.kind === slot.vault) {
      try {
        return { key: s.vault.open(Buffer.from(slot.sealed, 'base64')), pageSize };
      } catch {
        // Another user's or machine's credential store: try the passphrase, if any.
      }
    }
  }
  const sealed = kf.slots.filter((x): x is PassphraseSlot => x.kind === 'passphrase');
  if (sealed.length > 0 && s.passphrase !== undefined) {
    for (const slot of sealed) {
      const key = openWithPassphrase(slot, s.passphrase);
      if (key) return { key, pageSize };
    }
    throw new StoreKeyError(`the passphrase does not open the store ${store}`);
  }
  if (sealed.length > 0) {
    throw new StoreKeyError(
      `the store ${store} is encrypted: give its passphrase in CASEGRAPH_PASSPHRASE, or run on a terminal to be asked for it`,
    );
  }
  throw new StoreKeyError(
    `the key of the store ${store} is sealed by the desktop app's credential store, which is not available here; start the desktop app once with CASEGRAPH_PASSPHRASE set to seal it under that passphrase too`,
  );
}

/**
 * The key of `store`: remembered, or opened from its key file with this process's sources, or —
 * when `create` and there is no key file — a new random key sealed with them (the key file is
 * written before the store: a store is never encrypted with a key that is kept nowhere).
 */
export function storeKey(store: string, options: { create: boolean; sources?: KeySources }): StoreKey {
  const known = remembered(store);
  if (known) return known;
  const s = options.sources ?? currentSources();
  let kf = readKeyFile(store);
  if (kf === null) {
    if (!options.create) {
      throw new StoreKeyError(
        `the key file of the store ${store} (${path.basename(keyFilePath(store))}) is missing, and the store cannot be opened without it`,
      );
    }
    // When two processes create the store at once, the first key file stands.
    writeKeyFile(store, newKeyFile(crypto.randomBytes(KEY_BYTES), s), { exclusive: true });
    kf = readKeyFile(store);
    if (kf === null) throw new StoreKeyError(`cannot write the store's key file ${keyFilePath(store)}`);
  }
  const k = openKeyFile(kf, s, store);
  rememberKey(store, k);
  return k;
}

/**
 * Give a key sealed only by a vault a passphrase seal too (the desktop app started with
 * CASEGRAPH_PASSPHRASE), so the CLI opens the same store; true when one was added. A key already
 * sealed under a passphrase is left as it is.
 */
export function addPassphraseSeal(store: string, passphrase: string): boolean {
  const kf = readKeyFile(store);
  const known = remembered(store);
  if (kf === null || known === null || kf.slots.some((x) => x.kind === 'passphrase')) return false;
  writeKeyFile(store, { ...kf, slots: [...kf.slots, sealWithPassphrase(known.key, passphrase)] });
  return true;
}

/** Seal the key of `store` anew: a new passphrase (and/or the unsealed file), other slots kept. */
export function resealKey(store: string, current: KeySources, next: { passphrase?: string; unsealed: boolean }): void {
  const kf = readKeyFile(store);
  if (kf === null) throw new StoreKeyError(`there is no key file for the store ${store} (${keyFilePath(store)})`);
  const { key } = openKeyFile(kf, current, store);
  const kept = kf.slots.filter((x) => x.kind === 'vault');
  const slots: KeySlot[] = [...kept];
  if (next.passphrase !== undefined) slots.push(sealWithPassphrase(key, next.passphrase));
  if (next.unsealed) slots.push({ kind: 'plain', key: key.toString('hex') });
  if (slots.length === 0) throw new StoreKeyError('the key must stay sealed one way at least: give a new passphrase');
  writeKeyFile(store, { ...kf, slots });
}

/**
 * Whether `passphrase` opens a passphrase seal of the key of `store`; null when the key has none
 * (sealed by the desktop app's credential store, or kept unsealed).
 */
export function passphraseOpens(store: string, passphrase: string): boolean | null {
  const kf = readKeyFile(store);
  const sealed = (kf?.slots ?? []).filter((x): x is PassphraseSlot => x.kind === 'passphrase');
  if (sealed.length === 0) return null;
  return sealed.some((slot) => openWithPassphrase(slot, passphrase) !== null);
}

/**
 * Seal the key of the open store `store` under `next` instead of its passphrase (the app's
 * Settings; the CLI's `casegraph passphrase` is resealKey). A key sealed under a passphrase needs
 * the current one; one without (the credential store's, or unsealed) is taken from this process,
 * which has the store open. The credential store's seal is kept; an unsealed copy is not.
 */
export function changePassphrase(store: string, current: string, next: string): void {
  const kf = readKeyFile(store);
  if (kf === null) throw new StoreKeyError(`there is no key file for the store ${store} (${keyFilePath(store)})`);
  const opens = passphraseOpens(store, current);
  if (opens === false) throw new StoreKeyError('the current passphrase is not the one that seals the store');
  const key = opens ? openKeyFile(kf, { passphrase: current }, store).key : remembered(store)?.key;
  if (key === undefined) throw new StoreKeyError(`the store ${store} is not open in this process`);
  writeKeyFile(store, { ...kf, slots: [...kf.slots.filter((x) => x.kind === 'vault'), sealWithPassphrase(key, next)] });
}

/** Give the open key of `store` the vault's seal too when it has none of that vault (the desktop app after a passphrase opened it). */
export function addVaultSeal(store: string, vault: KeyVault): boolean {
  const kf = readKeyFile(store);
  const known = remembered(store);
  if (kf === null || known === null || kf.slots.some((x) => x.kind === 'vault' && x.vault === vault.kind)) return false;
  writeKeyFile(store, {
    ...kf,
    slots: [{ kind: 'vault', vault: vault.kind, sealed: vault.seal(known.key).toString('base64') }, ...kf.slots],
  });
  return true;
}
