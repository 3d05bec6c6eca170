// Applying validated records to the store, idempotent on (id, version): a higher version replaces
// the current one, an equal or lower one changes nothing, a tombstone withdraws the report from
// analysis while every version stays in report_version for the audit trail.
// The caller owns the transaction, so a page or a file chunk is committed whole or not at all.

import type { IncomingRecord, ReportRecord } from '../../common/model';
import { decimalToCents } from '../../common/money';
import type { Db } from '../store/db';
import { identifiersOf } from './identifiers';

export type Outcome = 'new' | 'updated' | 'unchanged' | 'withdrawn';

export interface Counts {
  new: number;
  updated: number;
  unchanged: number;
  withdrawn: number;
  rejected: number;
}

export function emptyCounts(): Counts {
  return { new: 0, updated: 0, unchanged: 0, withdrawn: 0, rejected: 0 };
}

export interface Rejected {
  readonly location: string;
  readonly recordId: string | null;
  readonly field: string;
  readonly reason: string;
  readonly raw: string;
}

/** Text indexed for full-text search: narrative, messages and the identifiers as written. */
function searchText(r: ReportRecord): string {
  const parts: string[] = [];
  if (r.narrative) parts.push(r.narrative);
  for (const m of r.messages ?? []) parts.push(m.sender ? `${m.sender} ${m.text}` : m.text);
  for (const i of r.identifiers ?? []) parts.push(i.value);
  return parts.join('\n');
}

export class Ingestor {
  private readonly findReport;
  private readonly insertVersion;
  private readonly insertReport;
  private readonly updateReport;
  private readonly withdrawReport;
  private readonly insertTombstoneReport;
  private readonly deleteIdentifiers;
  private readonly deleteMessages;
  private readonly insertIdentifier;
  private readonly insertMessage;
  private readonly deleteText;
  private readonly insertText;
  private readonly insertQuarantine;

  constructor(
    private readonly db: Db,
    private readonly sourceId: number,
    private readonly now: () => string = () => new Date().toISOString(),
  ) {
    this.findReport = db.prepare<[string], { rid: number; version: number }>('SELECT rid, version FROM report WHERE id = ?');
    this.insertVersion = db.prepare(
      'INSERT OR IGNORE INTO report_version (report_id, version, deleted, source_id, received_at, body) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const cols = `precinct, reported_at, reported_ms, occurred_at, category, category_raw, loss_cents, currency, victim, location, narrative, source_id, updated_at`;
    this.insertReport = db.prepare(`INSERT INTO report (id, version, withdrawn, ${cols}) VALUES (?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.updateReport = db.prepare(
      `UPDATE report SET version = ?, withdrawn = 0, precinct = ?, reported_at = ?, reported_ms = ?, occurred_at = ?, category = ?, category_raw = ?,
       loss_cents = ?, currency = ?, victim = ?, location = ?, narrative = ?, source_id = ?, updated_at = ? WHERE rid = ?`,
    );
    this.withdrawReport = db.prepare('UPDATE report SET version = ?, withdrawn = 1, source_id = ?, updated_at = ? WHERE rid = ?');
    this.insertTombstoneReport = db.prepare('INSERT INTO report (id, version, withdrawn, source_id, updated_at) VALUES (?, ?, 1, ?, ?)');
    this.deleteIdentifiers = db.prepare('DELETE FROM identifier WHERE rid = ?');
    this.deleteMessages = db.prepare('DELETE FROM message WHERE rid = ?');
    this.insertIdentifier = db.prepare(
      'INSERT INTO identifier (rid, kind, value, raw, role, origin, subtype, domain, luhn) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.insertMessage = db.prepare('INSERT INTO message (rid, seq, channel, sender, text, at) VALUES (?, ?, ?, ?, ?, ?)');
    this.deleteText = db.prepare('DELETE FROM report_text WHERE rowid = ?');
    this.insertText = db.prepare('INSERT INTO report_text (rowid, body) VALUES (?, ?)');
    this.insertQuarantine = db.prepare(
      'INSERT INTO quarantine (source_id, received_at, location, record_id, field, reason, raw) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
  }

  /** Apply one valid record. `body` is the record as received, kept verbatim in the history. */
  apply(record: IncomingRecord, reportedMs: number | null, body: string): Outcome {
    const now = this.now();
    const current = this.findReport.get(record.id);
    if (current && current.version >= record.version) {
      // Late or replayed delivery: history keeps a version we had not seen, analysis is untouched.
      this.insertVersion.run(record.id, record.version, record.deleted ? 1 : 0, this.sourceId, now, body);
      return 'unchanged';
    }
    this.insertVersion.run(record.id, record.version, record.deleted ? 1 : 0, this.sourceId, now, body);
    if (record.deleted) {
      if (current) this.withdrawReport.run(record.version, this.sourceId, now, current.rid);
      else this.insertTombstoneReport.run(record.id, record.version, this.sourceId, now);
      return 'withdrawn';
    }
    const cents = record.loss ? decimalToCents(record.loss.amount) : null;
    const fields = [
      record.precinct,
      record.reported_at,
      reportedMs,
      record.occurred_at ?? null,
      record.category,
      record.category_original ?? null,
      cents,
      record.loss?.currency ?? null,
      record.victim ? JSON.stringify(record.victim) : null,
      record.location ? JSON.stringify(record.location) : null,
      record.narrative ?? null,
      this.sourceId,
      now,
    ];
    let rid: number;
    if (current) {
      rid = current.rid;
      this.updateReport.run(record.version, ...fields, rid);
      this.deleteIdentifiers.run(rid);
      this.deleteMessages.run(rid);
      this.deleteText.run(rid);
    } else {
      rid = Number(this.insertReport.run(record.id, record.version, ...fields).lastInsertRowid);
    }
    for (const i of identifiersOf(record)) {
      this.insertIdentifier.run(rid, i.kind, i.value, i.raw, i.role ?? null, i.origin, i.subtype ?? null, i.domain ?? null, i.luhn === undefined ? null : i.luhn ? 1 : 0);
    }
    (record.messages ?? []).forEach((m, seq) => this.insertMessage.run(rid, seq, m.channel, m.sender ?? null, m.text, m.at ?? null));
    const text = searchText(record);
    if (text) this.insertText.run(rid, text);
    return current ? 'updated' : 'new';
  }

  quarantine(r: Rejected): void {
    this.insertQuarantine.run(this.sourceId, this.now(), r.location, r.recordId, r.field, r.reason, r.raw);
  }
}

export function count(counts: Counts, outcome: Outcome): void {
  counts[outcome] += 1;
}
