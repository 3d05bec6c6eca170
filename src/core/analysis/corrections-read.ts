// Reading investigators' corrections (link_override) for the series page, the graph and explain.
import type { Correction } from '../../common/api';
import type { Db } from '../store/db';

export interface OverrideRow {
  readonly id: number;
  readonly action: Correction['action'];
  readonly rid: number;
  readonly other_rid: number | null;
  readonly kind: string | null;
  readonly value: string | null;
  readonly reason: string;
  readonly actor: string;
  readonly at: string;
  readonly report_id: string;
  readonly other_id: string | null;
}

const SELECT = `SELECT o.id, o.action, o.rid, o.other_rid, o.kind, o.value, o.reason, o.actor, o.at, ra.id AS report_id, rb.id AS other_id
  FROM link_override o JOIN report ra ON ra.rid = o.rid LEFT JOIN report rb ON rb.rid = o.other_rid`;

export function toCorrection(o: OverrideRow): Correction {
  return {
    id: o.id,
    action: o.action,
    reportId: o.report_id,
    otherReportId: o.other_id,
    kind: o.kind,
    value: o.value,
    reason: o.reason,
    actor: o.actor,
    at: o.at,
  };
}

/** Active corrections touching these reports, or made in one of these series. */
export function activeCorrections(db: Db, rids: readonly number[], seriesIds: readonly string[] = []): OverrideRow[] {
  const list = JSON.stringify(rids);
  return db
    .prepare(
      `${SELECT} WHERE o.revoked_at IS NULL AND (o.rid IN (SELECT value FROM json_each(?)) OR o.other_rid IN (SELECT value FROM json_each(?)) OR o.series_id IN (SELECT value FROM json_each(?)))
       ORDER BY o.id`,
    )
    .all(list, list, JSON.stringify(seriesIds)) as OverrideRow[];
}

export function correctionById(db: Db, id: number): (OverrideRow & { revoked_at: string | null; series_id: string | null }) | undefined {
  return db.prepare(`${SELECT.replace('SELECT o.id', 'SELECT o.revoked_at, o.series_id, o.id')} WHERE o.id = ?`).get(id) as
    (OverrideRow & { revoked_at: string | null; series_id: string | null }) | undefined;
}

/** Whether (kind, value) was marked as wrong evidence for report a (alone) or between a and b. */
export function wrongFor(overrides: readonly OverrideRow[]): (kind: string, value: string, a: number, b?: number) => boolean {
  const marks = overrides.filter((o) => o.action === 'wrong_evidence');
  return (kind, value, a, b) =>
    marks.some(
      (o) =>
        o.kind === kind &&
        o.value === value &&
        ((o.other_rid === null && (o.rid === a || o.rid === b)) ||
          (b !== undefined && o.other_rid !== null && ((o.rid === a && o.other_rid === b) || (o.rid === b && o.other_rid === a)))),
    );
}
