// Reading the review queue's suggestions as the store is now. The engine writes link_suggestion
// rows per carrying report pair as its last run found them; what the investigator sees depends on
// the series those reports are in now (a side in no series is named 'R-<report id>', as
// `casegraph series --all` names it) and on the live decisions (suggestion_decision, not revoked).
// Figures of a side are the series' stored ones (size, loss in the threshold currency, over the
// threshold), or the single report's.
import type { LinkEvidence, Suggestion } from '../../common/api';
import { centsToDecimal } from '../../common/money';
import type { Db } from '../store/db';
import { thresholdCrossing, type LossRow, type ThresholdRule } from '../linking/threshold';
import { AnalysisError } from './analysis-error';
import { resolveSeries } from './series-detail';

/** A suggestion row joined with its two live reports and their current series. */
export interface SuggestionDbRow {
  readonly id: string;
  readonly a: number;
  readonly b: number;
  readonly score: number;
  readonly evidence: string;
  readonly report_a: string;
  readonly report_b: string;
  readonly series_a: string | null;
  readonly series_b: string | null;
}

/** A live decision (not revoked), joined like a suggestion row. */
export interface DecisionDbRow extends SuggestionDbRow {
  readonly decision_id: number;
  readonly decision: 'accepted' | 'rejected';
  readonly correction: number | null;
  readonly reason: string;
  readonly actor: string;
  readonly at: string;
}

/** The two live reports of a row of `table` (columns a, b) and their series now. */
const sidesOf = (table: string): string => `ra.id AS report_a, rb.id AS report_b, ma.series_id AS series_a, mb.series_id AS series_b
  FROM ${table} x
  JOIN report ra ON ra.rid = x.a AND ra.withdrawn = 0
  JOIN report rb ON rb.rid = x.b AND rb.withdrawn = 0
  LEFT JOIN series_member ma ON ma.rid = x.a
  LEFT JOIN series_member mb ON mb.rid = x.b`;

const SUGGESTION_SELECT = `SELECT x.id, x.a, x.b, x.score, x.evidence, ${sidesOf('link_suggestion')}`;
const DECISION_SELECT = `SELECT x.suggestion AS id, x.a, x.b, x.score, x.evidence, x.id AS decision_id, x.decision, x.correction, x.reason, x.actor, x.at,
  ${sidesOf('suggestion_decision')}`;

/** Where a filter on one series restricts the rows (either side): its members, or a single report. */
export type SeriesScope = { readonly series: string } | { readonly rid: number } | null;

function scopeSql(scope: SeriesScope): { where: string; args: (string | number)[] } {
  if (scope === null) return { where: '', args: [] };
  if ('rid' in scope) return { where: ' AND (x.a = ? OR x.b = ?)', args: [scope.rid, scope.rid] };
  return {
    where:
      ' AND (x.a IN (SELECT rid FROM series_member WHERE series_id = ?) OR x.b IN (SELECT rid FROM series_member WHERE series_id = ?))',
    args: [scope.series, scope.series],
  };
}

export function suggestionRows(db: Db, scope: SeriesScope): SuggestionDbRow[] {
  const { where, args } = scopeSql(scope);
  return db.prepare(`${SUGGESTION_SELECT} WHERE 1 = 1${where}`).all(...args) as SuggestionDbRow[];
}

export function suggestionRow(db: Db, id: string): SuggestionDbRow | undefined {
  return db.prepare(`${SUGGESTION_SELECT} WHERE x.id = ?`).get(id) as SuggestionDbRow | undefined;
}

/** Live decisions, of one kind or all, optionally touching one series. */
export function liveDecisions(db: Db, decision: 'accepted' | 'rejected' | null, scope: SeriesScope = null): DecisionDbRow[] {
  const { where, args } = scopeSql(scope);
  const kind = decision === null ? '' : ' AND x.decision = ?';
  return db
    .prepare(`${DECISION_SELECT} WHERE x.revoked_at IS NULL${kind}${where} ORDER BY x.id`)
    .all(...(decision === null ? [] : [decision]), ...args) as DecisionDbRow[];
}

/** The live decision on one suggestion (there is at most one), whatever its reports are now. */
export function liveDecisionOn(
  db: Db,
  suggestion: string,
):
  | { id: number; a: number; b: number; decision: 'accepted' | 'rejected'; correction: number | null; score: number; evidence: string }
  | undefined {
  return db
    .prepare('SELECT id, a, b, decision, correction, score, evidence FROM suggestion_decision WHERE suggestion = ? AND revoked_at IS NULL')
    .get(suggestion) as
    | { id: number; a: number; b: number; decision: 'accepted' | 'rejected'; correction: number | null; score: number; evidence: string }
    | undefined;
}

/** A side's name as `casegraph series --all` gives it. */
export const sideName = (series: string | null, reportId: string): string => series ?? `R-${reportId}`;

/** The unordered pair of two side names, as one key. */
export const pairOf = (x: string, y: string): string => (x < y ? `${x}\u0000${y}` : `${y}\u0000${x}`);

export const nameA = (r: SuggestionDbRow): string => sideName(r.series_a, r.report_a);
export const nameB = (r: SuggestionDbRow): string => sideName(r.series_b, r.report_b);

/** The posterior probability of `bits` of log-odds, without overflowing at either end. */
export function probabilityOf(bits: number): number {
  return 1 / (1 + 2 ** -bits);
}

/**
 * What a series filter names: a series id (a retired one followed to where it went), or
 * 'R-<report id>' — the report's series if it is in one now, else the report alone.
 */
export function resolveScope(db: Db, name: string): { name: string; scope: Exclude<SeriesScope, null> } {
  if (name.startsWith('R-')) {
    const r = db
      .prepare('SELECT r.rid, r.withdrawn, m.series_id FROM report r LEFT JOIN series_member m ON m.rid = r.rid WHERE r.id = ?')
      .get(name.slice(2)) as { rid: number; withdrawn: number; series_id: string | null } | undefined;
    if (r && r.withdrawn === 0)
      return r.series_id === null ? { name, scope: { rid: r.rid } } : { name: r.series_id, scope: { series: r.series_id } };
    if (r) throw new AnalysisError('not_found', `report ${name.slice(2)} was withdrawn and takes no part in linking`);
    // A series id may itself start with R- in a store from elsewhere: fall through.
  }
  const sid = resolveSeries(db, name);
  return { name: sid, scope: { series: sid } };
}

interface Side {
  readonly size: number;
  /** Loss in the threshold currency, hundredths. */
  readonly cents: number;
  readonly over: boolean;
}

/** Figures of sides and the threshold test of two together, read once per call and cached. */
export class SideFigures {
  private readonly sides = new Map<string, Side>();
  private readonly lossRows = new Map<string, readonly LossRow[]>();
  private readonly seriesRow;
  private readonly reportRow;
  private readonly memberLoss;

  constructor(
    db: Db,
    readonly rule: ThresholdRule,
  ) {
    this.seriesRow = db.prepare<[string], { size: number; sort_cents: number; over_threshold: number }>(
      'SELECT size, sort_cents, over_threshold FROM series WHERE id = ?',
    );
    this.reportRow = db.prepare<[string], { id: string; reported_ms: number | null; loss_cents: number | null; currency: string | null }>(
      'SELECT id, reported_ms, loss_cents, currency FROM report WHERE id = ?',
    );
    this.memberLoss = db.prepare<[string], { id: string; reported_ms: number | null; loss_cents: number | null; currency: string | null }>(
      'SELECT r.id, r.reported_ms, r.loss_cents, r.currency FROM series_member m JOIN report r ON r.rid = m.rid WHERE m.series_id = ?',
    );
  }

  side(series: string | null, reportId: string): Side {
    const name = sideName(series, reportId);
    const known = this.sides.get(name);
    if (known) return known;
    let side: Side;
    if (series !== null) {
      const s = this.seriesRow.get(series);
      side = s ? { size: s.size, cents: s.sort_cents, over: s.over_threshold === 1 } : { size: 0, cents: 0, over: false };
    } else {
      const r = this.reportRow.get(reportId);
      const cents = r && r.currency === this.rule.currency ? (r.loss_cents ?? 0) : 0;
      side = { size: 1, cents, over: cents > 0 && cents >= this.rule.amountCents };
    }
    this.sides.set(name, side);
    return side;
  }

  private rows(series: string | null, reportId: string): readonly LossRow[] {
    const name = sideName(series, reportId);
    const known = this.lossRows.get(name);
    if (known) return known;
    const raw = series !== null ? this.memberLoss.all(series) : [this.reportRow.get(reportId)].filter((r) => r !== undefined);
    const rows = raw.map((r): LossRow => ({
      id: r.id,
      reportedMs: r.reported_ms ?? Number.NaN,
      lossCents: r.loss_cents ?? 0,
      currency: r.currency,
    }));
    this.lossRows.set(name, rows);
    return rows;
  }

  /** Neither side over the threshold alone, both together over it (the same sliding window as a series'). */
  crosses(r: SuggestionDbRow): boolean {
    if (nameA(r) === nameB(r)) return false;
    const a = this.side(r.series_a, r.report_a);
    const b = this.side(r.series_b, r.report_b);
    if (a.over || b.over || a.cents + b.cents < this.rule.amountCents) return false;
    return thresholdCrossing([...this.rows(r.series_a, r.report_a), ...this.rows(r.series_b, r.report_b)], this.rule) !== null;
  }

  /** The suggestion as the investigator sees it. */
  view(r: SuggestionDbRow, status: Suggestion['status'], decision: Suggestion['decision'], crosses = this.crosses(r)): Suggestion {
    const a = this.side(r.series_a, r.report_a);
    const b = this.side(r.series_b, r.report_b);
    const same = nameA(r) === nameB(r);
    return {
      id: r.id,
      series: [nameA(r), nameB(r)],
      reports: [r.report_a, r.report_b],
      score: r.score,
      probability: probabilityOf(r.score),
      evidence: JSON.parse(r.evidence) as LinkEvidence[],
      sizes: [a.size, b.size],
      losses: [centsToDecimal(a.cents), centsToDecimal(b.cents)],
      combinedLoss: centsToDecimal(same ? a.cents : a.cents + b.cents),
      crossesThreshold: crosses,
      status,
      decision,
    };
  }
}

export function decisionOf(d: DecisionDbRow): NonNullable<Suggestion['decision']> {
  return { id: d.decision_id, actor: d.actor, at: d.at, reason: d.reason, correction: d.correction };
}
