// The workstation identity: made once, kept private (0600), sealed by the host's vault when one
// is given, refused when readable by others or sealed by a vault that is not at hand.
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  IdentityError,
  loadOrCreateIdentity,
  normaliseFingerprint,
  groupedFingerprint,
  publicKeyFromPem,
  workstationKeyPathFor,
} from '../../../src/core/bundle/identity';
import { FileTokenVault } from '../../../src/core/sync/file-token-vault';
import { tempDir } from '../../support/tmp';

describe('workstation identity', () => {
  it('is made on first use, private, stable, and its fingerprint is the SHA-256 of the DER public key', async () => {
    const dir = tempDir();
    const store = path.join(dir, 'store.db');
    const a = await loadOrCreateIdentity(store);
    const file = workstationKeyPathFor(store);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const b = await loadOrCreateIdentity(store);
    expect(b.fingerprint).toBe(a.fingerprint);
    const pem = path.join(dir, 'pub.pem');
    fs.writeFileSync(pem, a.publicPem);
    const der = execFileSync('openssl', ['pkey', '-pubin', '-in', pem, '-outform', 'DER']);
    expect(crypto.createHash('sha256').update(der).digest('hex')).toBe(a.fingerprint);
    expect(normaliseFingerprint(groupedFingerprint(a.fingerprint).toUpperCase())).toBe(a.fingerprint);
    fs.chmodSync(file, 0o644);
    await expect(loadOrCreateIdentity(store)).rejects.toThrow(/can be read by other users \(mode 644\); make it private/);
  });

  it('is sealed by the vault when one is given, and says so when opened without it', async () => {
    const dir = tempDir();
    const store = path.join(dir, 'store.db');
    const vault = new FileTokenVault(path.join(dir, 'token-vault.key'));
    const a = await loadOrCreateIdentity(store, vault);
    expect(fs.readFileSync(workstationKeyPathFor(store), 'utf8')).not.toContain('PRIVATE KEY');
    expect((await loadOrCreateIdentity(store, vault)).fingerprint).toBe(a.fingerprint);
    await expect(loadOrCreateIdentity(store)).rejects.toThrow(
      'the workstation key is sealed by key file; use it from the host that sealed it',
    );
    const otherVault = new FileTokenVault(path.join(tempDir(), 'other.key'));
    await expect(loadOrCreateIdentity(store, otherVault)).rejects.toBeInstanceOf(IdentityError);
  });

  it('accepts only Ed25519 public keys for the trust list', () => {
    const rsa = crypto.generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(() => publicKeyFromPem(rsa)).toThrow('the key is rsa, not Ed25519');
    expect(() => publicKeyFromPem('hello')).toThrow(/not a public key in PEM form/);
  });
});
