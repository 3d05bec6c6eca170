// The audit log for the investigator: newest first, filtered by action, actor, words in the
// subject or detail, and a date range (YYYY-MM-DD, inclusive, in UTC as the log records time).
import type { AuditEntryView } from '../../common/api';
import type { Db } from '../store/db';

export interface AuditQuery {
  readonly action?: string;
  readonly actor?: string;
  readonly text?: string;
  readonly from?: string;
  readonly to?: string;
  readonly offset: number;
  readonly limit: number;
}

const like = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

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
    const t = like(q.text.trim());
    clauses.push("(subject LIKE ? ESCAPE '\\' OR detail LIKE ? ESCAPE '\\' OR action LIKE ? ESCAPE '\\' OR actor LIKE ? ESCAPE '\\')");
    params.push(t, t, t, t);
  }
  if (q.from) {
    clauses.push('at >= ?');
    params.push(`${q.from}T00:00:00`);
  }
  if (q.to) {
    const next = new Date(Date.parse(`${q.to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    clauses.push('at < ?');
    params.push(`${next}T00:00:00`);
  }
  const where = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
  const total = db.prepare(`SELECT count(*) FROM audit_log ${where}`).pluck().get(...params) as number;
  const rows = db.prepare(`SELECT id, at, actor, action, subject, detail FROM audit_log ${where} ORDER BY id DESC LIMIT ? OFFSET ?`).all(...params, q.limit, q.offset) as AuditEntryView[];
  return { total, rows };
}
