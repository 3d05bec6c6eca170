// Victims are counted per series without the count exposing who they are: a victim is known by
// their phone or ID number when the report gives one (else the report is its own victim), and
// that identity is keyed with HMAC-SHA256 under a random salt kept in this store only. The key
// can be compared and counted; it cannot be reversed, nor matched against another store's keys.
import { createHmac, randomBytes } from 'node:crypto';
import type { Db } from '../store/db';

const SALT_KEY = 'analysis.victimKeySalt';

/** The store's salt, made once (a setting the settings reader does not expose). */
export function victimSalt(db: Db): Buffer {
  const stored = db.prepare('SELECT value FROM setting WHERE key = ?').pluck().get(SALT_KEY) as string | undefined;
  if (stored !== undefined) return Buffer.from(JSON.parse(stored) as string, 'hex');
  const salt = randomBytes(32);
  db.prepare('INSERT OR IGNORE INTO setting (key, value) VALUES (?, ?)').run(SALT_KEY, JSON.stringify(salt.toString('hex')));
  const kept = db.prepare('SELECT value FROM setting WHERE key = ?').pluck().get(SALT_KEY) as string;
  return Buffer.from(JSON.parse(kept) as string, 'hex');
}

/** Who the victim is, as a comparable string: phone digits, else ID number, else the report. */
export function victimIdentity(victimJson: string | null, reportId: string): string {
  if (victimJson) {
    try {
      const v = JSON.parse(victimJson) as { phone?: unknown; id_number?: unknown };
      if (typeof v.phone === 'string') {
        const digits = v.phone.replace(/\D/g, '').replace(/^(?:0086|86)(?=1\d{10}$)/, '');
        if (digits.length >= 5) return `p:${digits}`;
      }
      if (typeof v.id_number === 'string' && v.id_number.trim()) return `i:${v.id_number.trim().toUpperCase()}`;
    } catch {
      // A victim field that is not JSON names nobody: the report stands for its victim.
    }
  }
  return `r:${reportId}`;
}

export function victimKey(salt: Buffer, identity: string): string {
  return createHmac('sha256', salt).update(identity).digest('hex').slice(0, 20);
}
