// The audit log for the investigator: newest first, filtered by action, actor, words in the
// subject or detail, and a time range. The range is two instants (from, inclusive; before,
// exclusive): the day an investigator types is a day of their own time zone, which only the UI
// knows, so the UI turns days into instants (format/dates.ts localDayBounds).
import type { AuditEntryView } from '../../common/api';
import type { Db } from '../store/db';
import { containsPattern } from '../store/sql-like';

export interface AuditQuery {
  readonly action?: string;
  readonly actor?: string;
  readonly text?: string;
  readonly since?: string;
  readonly before?: string;
  readonly offset: number;
  readonly limit: number;
}

export function queryAudit(db: Db, q: AuditQuery): { total: number; rows: AuditEntryView[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (q.action) {
    clauses.push('action = ?');
    params.push(q.action);
  }
  if (q.actor) {
    clauses.push('actor = ?');
    params.push(q.actor);
  }
  if (q.text?.trim()) {
    const t = containsPattern(q.text.trim());
    clauses.push("(subject LIKE ? ESCAPE '\\' OR detail LIKE ? ESCAPE '\\' OR action LIKE ? ESCAPE '\\' OR actor LIKE ? ESCAPE '\\')");
    params.push(t, t, t, t);
  }
  // The log's times are toISOString() text, so the bounds are compared written the same way.
  if (q.since) {
    clauses.push('at >= ?');
    params.push(new Date(q.since).toISOString());
  }
  if (q.before) {
    clauses.push('at < ?');
    params.push(new Date(q.before).toISOString());
  }
  const where = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
  const total = db
    .prepare(`SELECT count(*) FROM audit_log ${where}`)
    .pluck()
    .get(...params) as number;
  const rows = db
    .prepare(`SELECT id, at, actor, action, subject, detail FROM audit_log ${where} ORDER BY id DESC LIMIT ? OFFSET ?`)
    .all(...params, q.limit, q.offset) as AuditEntryView[];
  return { total, rows };
}
