// Applying validated records to the store, idempotent on (id, version): a higher version replaces
// the current one, an equal or lower one changes nothing, a tombstone withdraws the report from
// analysis while every version stays in report_version for the audit trail.
// The caller owns the transaction, so a page or a file chunk is committed whole or not at all.

import type { IncomingRecord } from '../../common/model';
import type { Db } from '../store/db';
import { prepareReport, type MessageRow, type PreparedReport } from './prepare';

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

/**
 * `new Date().toISOString()`, formatted once per millisecond: a file import asks for the time
 * tens of thousands of times a second, and formatting it is a visible share of the work.
 */
export function cachedIsoClock(): () => string {
  let ms = Number.NaN;
  let iso = '';
  return () => {
    const now = Date.now();
    if (now !== ms) {
      ms = now;
      iso = new Date(now).toISOString();
    }
    return iso;
  };
}

/**
 * Full-text index writes held back to the end of a transaction (Ingestor.writeText). FTS5
 * keeps new text in memory and writes it out as a new index segment when anything else
 * touches the index: a delete (an updated report), a rowid lower than the last one written,
 * or a statement savepoint (an UPDATE of report opens one, as its source_id is a foreign key).
 * Interleaved with the row writes, the 3% of updates in the demo data made a tiny segment every
 * few dozen reports, and merging those added half again to the SQLite time of the import.
 * Held back, a transaction writes its text in one go: old texts deleted first, then new texts
 * in rowid order.
 */
export class PendingText {
  readonly deletes: number[] = [];
  readonly inserts = new Map<number, string>();

  /** The report's indexed text is replaced (or removed, when `text` is ''). */
  replace(rid: number, text: string): void {
    // Text added in this same transaction was never written: dropping it is enough.
    if (!this.inserts.delete(rid)) this.deletes.push(rid);
    if (text !== '') this.inserts.set(rid, text);
  }

  add(rid: number, text: string): void {
    if (text !== '') this.inserts.set(rid, text);
  }

  clear(): void {
    this.deletes.length = 0;
    this.inserts.clear();
  }
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
    private readonly now: () => string = cachedIsoClock(),
  ) {
    this.findReport = db.prepare<[string], { rid: number; version: number }>('SELECT rid, version FROM report WHERE id = ?');
    this.insertVersion = db.prepare(
      'INSERT OR IGNORE INTO report_version (report_id, version, deleted, source_id, received_at, body) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const cols = `precinct, reported_at, reported_ms, occurred_at, category, category_raw, loss_cents, currency, victim, location, narrative, source_id, updated_at`;
    this.insertReport = db.prepare(
      `INSERT INTO report (id, version, withdrawn, ${cols}) VALUES (?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
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
    return this.applyPrepared(prepareReport(record, reportedMs), body);
  }

  /**
   * Apply one record already reduced to its rows (see prepare.ts). The hot loop of every
   * import: arguments are bound by position, never spread from arrays built per row.
   * With `pending`, the full-text index is written by `writeText(pending)` before the
   * transaction commits; without, right away.
   */
  applyPrepared(report: PreparedReport, body: string, pending?: PendingText): Outcome {
    const [id, version, f, identifiers, messages, text] = report;
    const now = this.now();
    const sourceId = this.sourceId;
    const current = this.findReport.get(id);
    this.insertVersion.run(id, version, f === null ? 1 : 0, sourceId, now, body);
    // Late or replayed delivery: history keeps a version we had not seen, analysis is untouched.
    if (current && current.version >= version) return 'unchanged';
    if (f === null) {
      if (current) this.withdrawReport.run(version, sourceId, now, current.rid);
      else this.insertTombstoneReport.run(id, version, sourceId, now);
      return 'withdrawn';
    }
    let rid: number;
    if (current) {
      rid = current.rid;
      this.updateReport.run(version, f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10], sourceId, now, rid);
      this.deleteIdentifiers.run(rid);
      this.deleteMessages.run(rid);
      if (pending) pending.replace(rid, text);
      else this.deleteText.run(rid);
    } else {
      rid = Number(
        this.insertReport.run(id, version, f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10], sourceId, now)
          .lastInsertRowid,
      );
    }
    for (const i of identifiers) this.insertIdentifier.run(rid, i[0], i[1], i[2], i[3], i[4], i[5], i[6], i[7]);
    for (let seq = 0; seq < messages.length; seq++) {
      const m = messages[seq] as MessageRow;
      this.insertMessage.run(rid, seq, m[0], m[1], m[2], m[3]);
    }
    if (!pending) {
      if (text !== '') this.insertText.run(rid, text);
    } else if (!current) {
      pending.add(rid, text);
    }
    return current ? 'updated' : 'new';
  }

  /** Write the held-back full-text changes (see PendingText); call inside the transaction. */
  writeText(pending: PendingText): void {
    for (const rid of pending.deletes) this.deleteText.run(rid);
    const rids = [...pending.inserts.keys()].sort((a, b) => a - b);
    for (const rid of rids) this.insertText.run(rid, pending.inserts.get(rid) as string);
    pending.clear();
  }

  quarantine(r: Rejected): void {
    this.insertQuarantine.run(this.sourceId, this.now(), r.location, r.recordId, r.field, r.reason, r.raw);
  }
}

export function count(counts: Counts, outcome: Outcome): void {
  counts[outcome] += 1;
}
