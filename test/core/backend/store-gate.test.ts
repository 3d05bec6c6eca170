// The host's gate before the backend, on real encrypted stores and the built backend worker: a
// store whose key needs a passphrase the host lacks starts locked, answers nothing but the lock's
// methods, says a wrong passphrase in one sentence after a pause that grows, and opens with the
// right one; a new store waits for a passphrase to be chosen; backups, a changed passphrase and a
// restore work through the same gate. The desktop app's path (its credential store refused, or
// usable) goes through the same gate with a stand-in for Electron's safeStorage.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../src/common/api';
import { BackendClient } from '../../../src/core/backend/backend-client';
import { StoreGate, type StoreGateOptions } from '../../../src/core/backend/store-gate';
import { desktopKeySources, sealDesktopKey, type CredentialStore } from '../../../src/core/store/credential-store-key';
import { StoreError } from '../../../src/core/store/db';
import { forgetKey, readKeyFile, setKeySources, type KeySources } from '../../../src/core/store/store-key';
import { FileTokenVault } from '../../../src/core/sync/file-token-vault';
import { builtFile } from '../../support/built';
import { rawStore } from '../../support/raw-store';
import { tempDir } from '../../support/tmp';

const PASS = 'a passphrase long enough';
const gates: StoreGate[] = [];
let savedEnv: string | undefined;

beforeEach(() => {
  // The suite's CASEGRAPH_PASSPHRASE would open every store: these hosts start without one.
  savedEnv = process.env['CASEGRAPH_PASSPHRASE'];
  delete process.env['CASEGRAPH_PASSPHRASE'];
});
afterEach(async () => {
  while (gates.length) await gates.pop()?.close();
  if (savedEnv !== undefined) process.env['CASEGRAPH_PASSPHRASE'] = savedEnv;
  setKeySources({});
});

interface Opened {
  readonly gate: StoreGate;
  readonly pauses: number[];
}

async function openGate(dbPath: string, sources: KeySources = {}, extra: Partial<StoreGateOptions> = {}): Promise<Opened> {
  const pauses: number[] = [];
  const vault = new FileTokenVault(path.join(path.dirname(dbPath), 'tokens.key'));
  const gate = await StoreGate.open({
    dbPath,
    sources,
    startBackend: () => BackendClient.start(builtFile('backend-worker.js'), { dbPath }, vault),
    pauseAfterFailure: (n) => {
      pauses.push(n);
      return 5;
    },
    ...extra,
  });
  gates.push(gate);
  return { gate, pauses };
}

/** As a new process would: the key this thread remembered is forgotten, the gate closed. */
async function restart(gate: StoreGate, dbPath: string): Promise<void> {
  await gate.close();
  gates.splice(gates.indexOf(gate), 1);
  forgetKey(dbPath);
}

function value<T>(r: Result<unknown>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

async function newStore(): Promise<string> {
  const dbPath = path.join(tempDir(), 'store.db');
  const { gate } = await openGate(dbPath, { passphrase: PASS });
  value(await gate.call('demo.start', { reports: 30 }));
  for (let i = 0; i < 200 && value<unknown>(await gate.call('job.current', {})) !== null; i++) await new Promise((r) => setTimeout(r, 50));
  await restart(gate, dbPath);
  return dbPath;
}

describe('the store gate', () => {
  it('starts a store sealed under a passphrase locked, refuses everything else, and opens with the right passphrase only', async () => {
    const dbPath = await newStore();
    const { gate, pauses } = await openGate(dbPath);
    expect(gate.status()).toMatchObject({ state: 'locked', path: dbPath, passphraseSealed: true });
    expect(await gate.call('reports.query', { offset: 0, limit: 5 })).toEqual({
      ok: false,
      error: { code: 'store_locked', message: 'the store is locked: enter its passphrase on the unlock screen first' },
    });
    expect(await gate.call('store.create', { passphrase: PASS })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    for (const attempt of [1, 2]) {
      const wrong = await gate.call('store.unlock', { passphrase: 'not the passphrase' });
      expect(wrong).toEqual({ ok: false, error: { code: 'wrong_passphrase', message: 'the passphrase does not open this store' } });
      expect(pauses).toHaveLength(attempt);
    }
    // Each wrong passphrase in a row waits longer: the pause is asked for the 1st, then the 2nd.
    expect(pauses).toEqual([1, 2]);
    expect(gate.locked).toBe(true);
    const opened = await gate.call('store.unlock', { passphrase: PASS });
    expect(opened).toMatchObject({ ok: true, value: { state: 'open' } });
    expect(value<{ total: number }>(await gate.call('reports.query', { offset: 0, limit: 5 })).total).toBeGreaterThan(0);
    expect(await gate.call('store.unlock', { passphrase: PASS })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('asks a new store for a passphrase of the minimum length, then creates it sealed under it', async () => {
    const dbPath = path.join(tempDir(), 'store.db');
    const { gate } = await openGate(dbPath);
    expect(gate.status().state).toBe('new');
    expect(fs.existsSync(dbPath)).toBe(false);
    expect(await gate.call('store.create', { passphrase: 'short' })).toEqual({
      ok: false,
      error: { code: 'invalid_argument', message: 'the passphrase must have at least 10 characters' },
    });
    expect(await gate.call('store.unlock', { passphrase: PASS })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(fs.existsSync(dbPath)).toBe(false);
    expect(await gate.call('store.create', { passphrase: PASS })).toMatchObject({
      ok: true,
      value: { state: 'open', passphraseSealed: true },
    });
    expect(value<{ reports: number }>(await gate.call('store.info', {})).reports).toBe(0);
    expect(readKeyFile(dbPath)?.slots.map((s) => s.kind)).toEqual(['passphrase']);
    await restart(gate, dbPath);
    const again = await openGate(dbPath, { passphrase: PASS });
    expect(again.gate.status().state).toBe('open');
  });

  it('opens at once with a passphrase the host has, and refuses a wrong one as before', async () => {
    const dbPath = await newStore();
    await expect(openGate(dbPath, { passphrase: 'not the passphrase' })).rejects.toThrow(StoreError);
    await expect(openGate(dbPath, { passphrase: 'not the passphrase' })).rejects.toThrow(/the passphrase does not open the store/);
    const { gate } = await openGate(dbPath, { passphrase: PASS });
    expect(gate.locked).toBe(false);
  });

  it('changes the passphrase (audited without it), backs up, and restores a backup keeping the store it replaces', async () => {
    const dbPath = await newStore();
    const { gate } = await openGate(dbPath, { passphrase: PASS });
    const reports = value<{ reports: number }>(await gate.call('store.info', {})).reports;
    expect(await gate.call('store.backup', { passphrase: 'not the passphrase' })).toMatchObject({
      ok: false,
      error: { code: 'wrong_passphrase' },
    });
    const backup = value<{ file: string; bytes: number }>(await gate.call('store.backup', { passphrase: PASS }));
    expect(path.dirname(backup.file)).toBe(path.join(path.dirname(dbPath), 'backups'));
    expect(fs.statSync(backup.file).size).toBe(backup.bytes);
    expect(value<{ file: string }[]>(await gate.call('store.backups', {})).map((b) => b.file)).toEqual([backup.file]);
    // The backup is encrypted: no SQLite header in the clear.
    expect(fs.readFileSync(backup.file).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');

    const next = 'the second passphrase';
    expect(await gate.call('store.changePassphrase', { current: 'not it at all', next })).toMatchObject({
      ok: false,
      error: { code: 'wrong_passphrase' },
    });
    expect(await gate.call('store.changePassphrase', { current: PASS, next: 'short' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument' },
    });
    expect(await gate.call('store.changePassphrase', { current: PASS, next })).toEqual({ ok: true, value: { changed: true } });
    const audit = value<{ rows: { action: string; detail: string | null }[] }>(
      await gate.call('audit.query', { action: 'store_passphrase', offset: 0, limit: 5 }),
    );
    expect(audit.rows).toHaveLength(1);
    expect(JSON.stringify(audit.rows)).not.toContain(next);
    expect(JSON.stringify(audit.rows)).not.toContain(PASS);

    // The store changes after the backup; the restore brings back what the backup holds.
    value(await gate.call('settings.update', { bureauName: 'after the backup' }));
    expect(await gate.call('store.restore', { file: '/etc/passwd', passphrase: PASS })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await gate.call('store.restore', { file: backup.file, passphrase: next })).toMatchObject({
      ok: false,
      error: { code: 'wrong_passphrase', message: 'the passphrase does not open this backup' },
    });
    const restored = value<{ store: string; replaced: string }>(await gate.call('store.restore', { file: backup.file, passphrase: PASS }));
    expect(restored.store).toBe(dbPath);
    expect(fs.existsSync(restored.replaced) && fs.existsSync(`${restored.replaced}.key`)).toBe(true);
    expect(value<{ reports: number }>(await gate.call('store.info', {})).reports).toBe(reports);
    expect(value<{ bureauName?: string }>(await gate.call('settings.get', {})).bureauName ?? '').not.toBe('after the backup');
    const restoreAudit = value<{ rows: unknown[] }>(await gate.call('audit.query', { action: 'store_restore', offset: 0, limit: 5 }));
    expect(restoreAudit.rows).toHaveLength(1);

    // The kept store is the one replaced, with the changed passphrase; the restored one opens with the backup's.
    await restart(gate, dbPath);
    const locked = await openGate(dbPath);
    expect((await locked.gate.call('store.unlock', { passphrase: next })).ok).toBe(false);
    expect((await locked.gate.call('store.unlock', { passphrase: PASS })).ok).toBe(true);
    setKeySources({ passphrase: next });
    const kept = rawStore(restored.replaced, { readonly: true });
    expect(kept.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'store_passphrase'").get()).toEqual({ n: 1 });
    kept.close();
  });
});

/** A credential store of one user on one machine: AES-GCM under a key only it holds. */
function fakeSafeStorage(backend: string): CredentialStore {
  const key = crypto.randomBytes(32);
  return {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => backend,
    encryptString(text) {
      const iv = crypto.randomBytes(12);
      const c = crypto.createCipheriv('aes-256-gcm', key, iv);
      return Buffer.concat([iv, Buffer.alloc(16), c.update(text, 'utf8'), c.final()]).fill(c.getAuthTag(), 12, 28);
    },
    decryptString(b) {
      const d = crypto.createDecipheriv('aes-256-gcm', key, b.subarray(0, 12));
      d.setAuthTag(b.subarray(12, 28));
      return Buffer.concat([d.update(b.subarray(28)), d.final()]).toString('utf8');
    },
  };
}

describe("the desktop app's path through the gate", () => {
  it('without a keyring (basic_text refused) asks for a new passphrase, then the store opens with it', async () => {
    const dbPath = path.join(tempDir(), 'store.db');
    const { sources, refused } = desktopKeySources(fakeSafeStorage('basic_text'), { platform: 'linux' });
    expect(refused).toMatch(/basic_text/);
    const { gate } = await openGate(dbPath, sources, {
      credentialStoreRefused: true,
      afterUnlock: (p) => sealDesktopKey(dbPath, sources, p),
    });
    expect(gate.status()).toMatchObject({ state: 'new', credentialStoreRefused: true });
    expect((await gate.call('store.create', { passphrase: PASS })).ok).toBe(true);
    expect(readKeyFile(dbPath)?.slots.map((s) => s.kind)).toEqual(['passphrase']);
  });

  it('with a usable credential store, a store sealed under the passphrase only is unlocked once and then sealed by it too', async () => {
    const dbPath = await newStore();
    const storage = fakeSafeStorage('gnome_libsecret');
    const { sources } = desktopKeySources(storage, { platform: 'linux' });
    const options = { afterUnlock: (p: string | undefined) => sealDesktopKey(dbPath, sources, p) };
    const first = await openGate(dbPath, sources, options);
    expect(first.gate.status().state).toBe('locked');
    expect((await first.gate.call('store.unlock', { passphrase: PASS })).ok).toBe(true);
    expect(readKeyFile(dbPath)?.slots.map((s) => s.kind)).toEqual(['vault', 'passphrase']);
    await restart(first.gate, dbPath);
    // The next launch: the credential store alone opens it.
    const second = await openGate(dbPath, sources, options);
    expect(second.gate.status().state).toBe('open');
  });
});
