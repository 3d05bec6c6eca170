// Appending to the audit log. The table itself refuses updates and deletes (migration 002).
import os from 'node:os';
import type { Db } from './db';

export interface AuditEntry {
  readonly action: string;
  readonly subject?: string;
  readonly detail?: unknown;
  readonly actor?: string;
}

export function currentActor(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'unknown';
  }
}

export function appendAudit(db: Db, entry: AuditEntry): void {
  db.prepare('INSERT INTO audit_log (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)').run(
    new Date().toISOString(),
    entry.actor ?? currentActor(),
    entry.action,
    entry.subject ?? null,
    entry.detail === undefined ? null : JSON.stringify(entry.detail),
  );
}
