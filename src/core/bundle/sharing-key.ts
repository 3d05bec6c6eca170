// The sharing key: a secret the cooperating bureaus agree on, under which a redacted bundle
// replaces a victim's data by keyed hashes (HMAC-SHA-256), so the same victim stays recognisable
// across bundles without the value being recoverable. Stored only sealed by the host's vault
// (setting row 'sharingKey.sealed', outside the UI's settings), never in plain text.
import type { TokenVault } from '../sync/token-vault';
import { appendAudit, currentActor } from '../store/audit';
import type { Db } from '../store/db';

const SETTING = 'sharingKey.sealed';
const CONTEXT = 'casegraph bundle sharing key';

export function sharingKeySet(db: Db): boolean {
  return db.prepare('SELECT 1 FROM setting WHERE key = ?').get(SETTING) !== undefined;
}

/** Set (or with null, forget) the sharing key. */
export async function setSharingKey(db: Db, vault: TokenVault, key: string | null, actor = currentActor()): Promise<boolean> {
  const sealed = key === null ? null : await vault.seal(key, CONTEXT);
  db.transaction(() => {
    if (sealed === null) db.prepare('DELETE FROM setting WHERE key = ?').run(SETTING);
    else
      db.prepare('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
        SETTING,
        JSON.stringify(sealed),
      );
    appendAudit(db, { action: 'settings', subject: 'sharingKey', detail: { set: sealed !== null }, actor });
  })();
  return sealed !== null;
}

/** The sharing key, or null when none is set. Throws the vault's error when it cannot be opened. */
export async function loadSharingKey(db: Db, vault: TokenVault): Promise<string | null> {
  const row = db.prepare('SELECT value FROM setting WHERE key = ?').pluck().get(SETTING) as string | undefined;
  if (row === undefined) return null;
  return vault.open(JSON.parse(row) as string, CONTEXT);
}
