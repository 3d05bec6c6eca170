// Investigators' corrections of the linking engine, kept in link_override and read by every
// later link run (full and incremental, src/core/linking/overrides.ts):
// - split: the report stands alone; no link touches it;
// - merge: two series are one whatever the evidence says (kept as a must-link between their
//   canonical reports, so it holds however the series are renumbered later);
// - wrong_evidence: a value is not evidence between two reports, or (no other report) for that
//   report at all.
// Each is recorded with who and why and audited; the reports it concerns are marked for the next
// link run (link_dirty), which the caller starts. A correction is revoked, never deleted; revoking
// the merge an accepted suggestion made revokes that acceptance too (suggestions.ts).
// Transactions here read, then write, while the link and analysis workers write on their own
// connections: they start IMMEDIATE (waiting for the write lock), since a deferred one that
// read first could not take the lock once another connection wrote, and would fail at once.
import type { Correction } from '../../common/api';
import { appendAudit, currentActor } from '../store/audit';
import type { Db } from '../store/db';
import { canonicalIgnoreValue, IgnoreValueError } from '../linking/ignore-edit';
import { AnalysisError } from './analysis-error';
import { correctionById, toCorrection } from './corrections-read';
import { resolveSeries } from './series-detail';

export interface CorrectionOptions {
  readonly actor?: string;
  readonly now?: () => string;
}

interface Live {
  rid: number;
  series: string | null;
}

function liveReport(db: Db, id: string): Live {
  const r = db
    .prepare('SELECT r.rid, r.withdrawn, m.series_id FROM report r LEFT JOIN series_member m ON m.rid = r.rid WHERE r.id = ?')
    .get(id) as { rid: number; withdrawn: number; series_id: string | null } | undefined;
  if (!r) throw new AnalysisError('not_found', `no report with id ${id}`);
  if (r.withdrawn === 1) throw new AnalysisError('invalid_argument', `report ${id} was withdrawn and takes no part in linking`);
  return { rid: r.rid, series: r.series_id };
}

export interface CorrectionRecord {
  readonly action: Correction['action'];
  readonly rid: number;
  readonly other: number | null;
  readonly kind: string | null;
  readonly value: string | null;
  /** The series the correction was made in (link_override.series_id). */
  readonly series: string | null;
  readonly reason: string;
}

/**
 * Writes one correction inside the caller's transaction: the link_override row, its reports marked
 * for the next link run, and the audit entry (with `extra` added to its detail, such as the
 * suggestion an accepted lead made it for). Shared by the corrections here and by accepted
 * suggestions (suggestions.ts), so a merge is recorded one way whoever asks for it.
 */
export function recordCorrection(
  db: Db,
  o: CorrectionRecord,
  options: CorrectionOptions,
  subject: string,
  extra: Readonly<Record<string, unknown>> = {},
): Correction {
  const actor = options.actor ?? currentActor();
  const at = (options.now ?? ((): string => new Date().toISOString()))();
  const info = db
    .prepare(
      'INSERT INTO link_override (action, rid, other_rid, kind, value, reason, actor, at, series_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    )
    .run(o.action, o.rid, o.other, o.kind, o.value, o.reason.trim(), actor, at, o.series);
  const id = Number(info.lastInsertRowid);
  const dirty = db.prepare('INSERT OR IGNORE INTO link_dirty (rid) VALUES (?)');
  dirty.run(o.rid);
  if (o.other !== null) dirty.run(o.other);
  appendAudit(db, {
    action: o.action,
    subject,
    detail: {
      correction: id,
      ...(o.series ? { series: o.series } : {}),
      ...(o.kind ? { kind: o.kind, value: o.value } : {}),
      ...extra,
      reason: o.reason.trim(),
    },
    actor,
  });
  return toCorrection(correctionById(db, id) as NonNullable<ReturnType<typeof correctionById>>);
}

/** Take a report out of its series: it stands alone from the next link run on. */
export function splitReport(db: Db, reportId: string, reason: string, options: CorrectionOptions = {}): Correction {
  return db
    .transaction((): Correction => {
      const r = liveReport(db, reportId);
      if (r.series === null)
        throw new AnalysisError('invalid_argument', `report ${reportId} is not in any series: there is nothing to split it from`);
      const already = db
        .prepare("SELECT id FROM link_override WHERE action = 'split' AND rid = ? AND revoked_at IS NULL")
        .pluck()
        .get(r.rid) as number | undefined;
      if (already !== undefined) throw new AnalysisError('conflict', `report ${reportId} was already split off (correction #${already})`);
      return recordCorrection(
        db,
        { action: 'split', rid: r.rid, other: null, kind: null, value: null, series: r.series, reason },
        options,
        reportId,
      );
    })
    .immediate();
}

/** Join two series into one, whatever the evidence says. */
export function mergeSeries(db: Db, a: string, b: string, reason: string, options: CorrectionOptions = {}): Correction {
  return db
    .transaction((): Correction => {
      const sa = resolveSeries(db, a);
      const sb = resolveSeries(db, b);
      if (sa === sb)
        throw new AnalysisError(
          'invalid_argument',
          a === b ? `cannot merge series ${a} with itself` : `${a} and ${b} are already one series (${sa})`,
        );
      const canonical = db
        .prepare<[string], number>('SELECT r.rid FROM series s JOIN report r ON r.id = s.canonical WHERE s.id = ?')
        .pluck();
      const ra = canonical.get(sa);
      const rb = canonical.get(sb);
      if (ra === undefined || rb === undefined)
        throw new AnalysisError('not_found', `series ${ra === undefined ? sa : sb} has no reports to merge`);
      return recordCorrection(
        db,
        { action: 'merge', rid: ra, other: rb, kind: null, value: null, series: sa, reason },
        options,
        `${sa} ${sb}`,
      );
    })
    .immediate();
}

/** The (kind, value) as the report stores it: as given, or as the normaliser writes it. */
function carried(db: Db, rid: number, kind: string, value: string): { kind: string; value: string } | null {
  const has = db.prepare<[number, string, string], number>('SELECT 1 FROM identifier WHERE rid = ? AND kind = ? AND value = ?').pluck();
  if (has.get(rid, kind, value) !== undefined) return { kind, value };
  let n: { kind: string; value: string };
  try {
    n = canonicalIgnoreValue(kind, value);
  } catch (e) {
    if (e instanceof IgnoreValueError) return null;
    throw e;
  }
  return has.get(rid, n.kind, n.value) !== undefined ? n : null;
}

/** A value is not evidence between two reports (or, without the other report, for this report at all). */
export function markWrong(
  db: Db,
  arg: { reportId: string; otherReportId?: string; kind: string; value: string; reason: string },
  options: CorrectionOptions = {},
): Correction {
  return db
    .transaction((): Correction => {
      const r = liveReport(db, arg.reportId);
      const v = carried(db, r.rid, arg.kind, arg.value);
      if (v === null) throw new AnalysisError('invalid_argument', `report ${arg.reportId} does not carry ${arg.kind} ${arg.value}`);
      let other: number | null = null;
      if (arg.otherReportId !== undefined) {
        if (arg.otherReportId === arg.reportId) throw new AnalysisError('invalid_argument', 'the two reports must differ');
        const o = liveReport(db, arg.otherReportId);
        if (carried(db, o.rid, v.kind, v.value) === null)
          throw new AnalysisError('invalid_argument', `report ${arg.otherReportId} does not carry ${v.kind} ${v.value}`);
        other = o.rid;
      }
      const subject = arg.otherReportId === undefined ? arg.reportId : `${arg.reportId} ${arg.otherReportId}`;
      return recordCorrection(
        db,
        { action: 'wrong_evidence', rid: r.rid, other, kind: v.kind, value: v.value, series: r.series, reason: arg.reason },
        options,
        subject,
      );
    })
    .immediate();
}

/** Revoke a correction (kept, marked revoked): the next link run decides on the evidence again. */
export function revokeCorrection(db: Db, id: number, reason: string, options: CorrectionOptions = {}): boolean {
  return db
    .transaction((): boolean => {
      const o = correctionById(db, id);
      if (!o) throw new AnalysisError('not_found', `no correction #${id}`);
      if (o.revoked_at !== null) return false;
      const actor = options.actor ?? currentActor();
      const at = (options.now ?? ((): string => new Date().toISOString()))();
      db.prepare('UPDATE link_override SET revoked_at = ?, revoked_by = ? WHERE id = ?').run(at, actor, id);
      // A merge made by accepting a suggestion takes the acceptance with it: the lead is open again.
      const accepted = db
        .prepare(
          "UPDATE suggestion_decision SET revoked_at = ?, revoked_by = ? WHERE correction = ? AND decision = 'accepted' AND revoked_at IS NULL RETURNING suggestion",
        )
        .pluck()
        .all(at, actor, id) as string[];
      const dirty = db.prepare('INSERT OR IGNORE INTO link_dirty (rid) VALUES (?)');
      dirty.run(o.rid);
      if (o.other_rid !== null) dirty.run(o.other_rid);
      const suggestion = accepted.length > 0 ? { suggestion: accepted.join(' ') } : {};
      appendAudit(db, {
        action: 'revoke',
        subject: `correction #${id}`,
        detail: { correction: id, action: o.action, ...suggestion, reason: reason.trim() },
        actor,
      });
      return true;
    })
    .immediate();
}
