// The bureaus whose bundles this workstation trusts: public keys with a name, added by an
// investigator (trusted_key, migration 007). Every change is audited ('trust').
import type { TrustedKeyView } from '../../common/api';
import { appendAudit, currentActor } from '../store/audit';
import type { Db } from '../store/db';
import { normaliseFingerprint, publicKeyFromPem } from './identity';

interface Row {
  fingerprint: string;
  name: string;
  added_at: string;
}

const view = (r: Row): TrustedKeyView => ({ fingerprint: r.fingerprint, name: r.name, addedAt: r.added_at });

export function listTrusted(db: Db): TrustedKeyView[] {
  return (db.prepare('SELECT fingerprint, name, added_at FROM trusted_key ORDER BY name, fingerprint').all() as Row[]).map(view);
}

export function trustedName(db: Db, fingerprint: string): string | null {
  return (db.prepare('SELECT name FROM trusted_key WHERE fingerprint = ?').pluck().get(fingerprint) as string | undefined) ?? null;
}

/** Add (or rename) a trusted key; throws IdentityError when `pem` is not an Ed25519 public key. */
export function addTrusted(db: Db, pem: string, name: string, actor = currentActor()): TrustedKeyView {
  const { publicPem, fingerprint } = publicKeyFromPem(pem);
  const at = new Date().toISOString();
  const clean = name.trim();
  db.transaction(() => {
    db.prepare(
      `INSERT INTO trusted_key (fingerprint, name, public_pem, added_at, added_by) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (fingerprint) DO UPDATE SET name = excluded.name`,
    ).run(fingerprint, clean, publicPem, at, actor);
    appendAudit(db, { action: 'trust', subject: fingerprint, detail: { op: 'add', name: clean }, actor });
  })();
  return view(db.prepare('SELECT fingerprint, name, added_at FROM trusted_key WHERE fingerprint = ?').get(fingerprint) as Row);
}

export function removeTrusted(db: Db, fingerprint: string, actor = currentActor()): boolean {
  const fp = normaliseFingerprint(fingerprint);
  return db.transaction(() => {
    const name = trustedName(db, fp);
    if (name === null) return false;
    db.prepare('DELETE FROM trusted_key WHERE fingerprint = ?').run(fp);
    appendAudit(db, { action: 'trust', subject: fp, detail: { op: 'remove', name }, actor });
    return true;
  })();
}
