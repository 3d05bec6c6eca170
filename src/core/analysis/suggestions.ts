// The review queue: leads the linking engine does not act on alone (weak evidence, or a score
// between the suggestion and series thresholds), for an investigator to accept or reject.
// - query: link_suggestion as the store is now — both reports live, each side's current series,
//   pairs already in one series dropped, at most one row per pair of series (the best score, ties
//   by id), every suggestion between two series hidden once a live decision stands between them;
//   those that would bring a series over the filing threshold first, then by score;
// - accept: an investigator's merge of the two carrying reports (corrections.ts records it, marks
//   both reports for the next link run, which the caller starts) and the decision, audited;
// - reject: the decision, audited; the engine reads rejections and never suggests them again;
// - revoke: the decision is revoked (an acceptance's merge through the corrections' own revoke),
//   audited, both reports marked so the next run weighs the lead again.
// Writes are one IMMEDIATE transaction each (see corrections.ts): all of it or nothing.
import type { Suggestion, SuggestionPage, SuggestionQuery } from '../../common/api';
import { appendAudit, currentActor } from '../store/audit';
import type { Db } from '../store/db';
import { thresholdRule } from '../linking/threshold-setting';
import { AnalysisError } from './analysis-error';
import { recordCorrection, revokeCorrection, type CorrectionOptions } from './corrections';
import {
  decisionOf,
  liveDecisionOn,
  liveDecisions,
  nameA,
  nameB,
  pairOf,
  resolveScope,
  SideFigures,
  suggestionRow,
  suggestionRows,
  type DecisionDbRow,
  type SeriesScope,
  type SuggestionDbRow,
} from './suggestions-read';

/** Reports an active split correction keeps alone: a lead that would join them cannot be acted on. */
function splitRids(db: Db): Set<number> {
  return new Set(db.prepare("SELECT rid FROM link_override WHERE action = 'split' AND revoked_at IS NULL").pluck().all() as number[]);
}

/** The open queue: one row per pair of series, none between series a live decision stands between. */
function openRows(db: Db, scope: SeriesScope): SuggestionDbRow[] {
  const decisions = liveDecisions(db, null);
  const decidedIds = new Set(decisions.map((d) => d.id));
  const decidedPairs = new Set(decisions.map((d) => pairOf(nameA(d), nameB(d))));
  const split = splitRids(db);
  const best = new Map<string, SuggestionDbRow>();
  for (const r of suggestionRows(db, scope)) {
    const x = nameA(r);
    const y = nameB(r);
    if (x === y || decidedIds.has(r.id) || split.has(r.a) || split.has(r.b)) continue;
    const key = pairOf(x, y);
    if (decidedPairs.has(key)) continue;
    const held = best.get(key);
    if (!held || r.score > held.score || (r.score === held.score && r.id < held.id)) best.set(key, r);
  }
  return [...best.values()];
}

export function querySuggestions(db: Db, q: SuggestionQuery): SuggestionPage {
  const status = q.status ?? 'open';
  const target = q.series === undefined ? null : resolveScope(db, q.series);
  const figures = new SideFigures(db, thresholdRule(db));
  const rows: (SuggestionDbRow | DecisionDbRow)[] =
    status === 'open' ? openRows(db, target?.scope ?? null) : liveDecisions(db, status, target?.scope ?? null);
  const items = rows
    .filter((r) => target === null || nameA(r) === target.name || nameB(r) === target.name)
    .map((r) => ({ r, crosses: figures.crosses(r) }))
    .sort((x, y) => Number(y.crosses) - Number(x.crosses) || y.r.score - x.r.score || (x.r.id < y.r.id ? -1 : x.r.id > y.r.id ? 1 : 0));
  return {
    total: items.length,
    crossing: items.filter((i) => i.crosses).length,
    offset: q.offset,
    rows: items
      .slice(q.offset, q.offset + q.limit)
      .map(({ r, crosses }) =>
        'decision_id' in r ? figures.view(r, r.decision, decisionOf(r), crosses) : figures.view(r, 'open', null, crosses),
      ),
  };
}

function requireReason(reason: string): string {
  const text = reason.trim();
  if (text === '') throw new AnalysisError('invalid_argument', 'say why: a decision on a suggestion needs a reason');
  return text;
}

/** The suggestion, if it is open to a decision now; else why not. */
function decidable(db: Db, id: string): SuggestionDbRow {
  // A decision stands whether or not the last link run wrote the lead again.
  const own = liveDecisionOn(db, id);
  if (own)
    throw new AnalysisError(
      'conflict',
      `suggestion ${id} was already ${own.decision} (decision #${own.id}); revoke that decision to decide again`,
    );
  const row = suggestionRow(db, id);
  if (!row) {
    const known = db.prepare('SELECT 1 FROM link_suggestion WHERE id = ?').pluck().get(id) !== undefined;
    throw new AnalysisError(
      'not_found',
      known ? `suggestion ${id} no longer applies: one of its reports was withdrawn` : `no suggestion with id ${id}`,
    );
  }
  const x = nameA(row);
  const y = nameB(row);
  if (x === y) throw new AnalysisError('conflict', `the reports of suggestion ${id} are already in one series (${x})`);
  const between = liveDecisions(db, null).find((d) => pairOf(nameA(d), nameB(d)) === pairOf(x, y));
  if (between)
    throw new AnalysisError(
      'conflict',
      `suggestion ${between.id} between ${x} and ${y} was already ${between.decision} (decision #${between.decision_id}); revoke that decision to decide again`,
    );
  const split = splitRids(db);
  for (const [rid, report] of [
    [row.a, row.report_a],
    [row.b, row.report_b],
  ] as const) {
    if (split.has(rid))
      throw new AnalysisError(
        'conflict',
        `report ${report} was split off by an investigator's correction: revoke that correction before joining it to a series`,
      );
  }
  return row;
}

function decisionRow(db: Db, decisionId: number): DecisionDbRow {
  const found = liveDecisions(db, null).find((d) => d.decision_id === decisionId);
  if (!found) throw new Error(`decision #${decisionId} was written but cannot be read back`);
  return found;
}

function decide(db: Db, id: string, decision: 'accepted' | 'rejected', reason: string, options: CorrectionOptions): Suggestion {
  const why = requireReason(reason);
  return db
    .transaction((): Suggestion => {
      const row = decidable(db, id);
      const actor = options.actor ?? currentActor();
      const at = (options.now ?? ((): string => new Date().toISOString()))();
      const series = [nameA(row), nameB(row)];
      const correction =
        decision === 'accepted'
          ? recordCorrection(
              db,
              { action: 'merge', rid: row.a, other: row.b, kind: null, value: null, series: row.series_a, reason: why },
              { actor, now: () => at },
              series.join(' '),
              { suggestion: id },
            ).id
          : null;
      const info = db
        .prepare(
          'INSERT INTO suggestion_decision (suggestion, a, b, decision, correction, score, evidence, reason, actor, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .run(id, row.a, row.b, decision, correction, row.score, row.evidence, why, actor, at);
      appendAudit(db, {
        action: decision === 'accepted' ? 'suggestion_accept' : 'suggestion_reject',
        subject: id,
        detail: {
          series,
          between: [row.report_a, row.report_b],
          score: row.score,
          ...(correction !== null ? { correction } : {}),
          reason: why,
        },
        actor,
      });
      const d = decisionRow(db, Number(info.lastInsertRowid));
      return new SideFigures(db, thresholdRule(db)).view(d, decision, decisionOf(d));
    })
    .immediate();
}

/** Accept: the two series become one (a merge of the carrying reports); the caller relinks. */
export function acceptSuggestion(db: Db, id: string, reason: string, options: CorrectionOptions = {}): Suggestion {
  return decide(db, id, 'accepted', reason, options);
}

/** Reject: recorded with who and why; the suggestion and any other between the same series leave the queue. */
export function rejectSuggestion(db: Db, id: string, reason: string, options: CorrectionOptions = {}): Suggestion {
  return decide(db, id, 'rejected', reason, options);
}

/** Undo the decision on a suggestion (an acceptance's merge is revoked too); the caller relinks. */
export function revokeSuggestion(db: Db, id: string, reason: string, options: CorrectionOptions = {}): Suggestion {
  const why = requireReason(reason);
  return db
    .transaction((): Suggestion => {
      const d = liveDecisionOn(db, id);
      if (!d) {
        const known =
          db
            .prepare('SELECT 1 FROM link_suggestion WHERE id = ? UNION ALL SELECT 1 FROM suggestion_decision WHERE suggestion = ?')
            .pluck()
            .get(id, id) !== undefined;
        if (known) throw new AnalysisError('conflict', `suggestion ${id} has no decision standing: there is nothing to revoke`);
        throw new AnalysisError('not_found', `no suggestion with id ${id}`);
      }
      const actor = options.actor ?? currentActor();
      const at = (options.now ?? ((): string => new Date().toISOString()))();
      // The merge's own revoke path revokes the acceptance with it (and audits the correction).
      if (d.decision === 'accepted' && d.correction !== null) revokeCorrection(db, d.correction, why, { actor, now: () => at });
      db.prepare('UPDATE suggestion_decision SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL').run(at, actor, d.id);
      // The next run weighs the lead again (a rejected one the engine had stopped suggesting too).
      const dirty = db.prepare('INSERT OR IGNORE INTO link_dirty (rid) VALUES (?)');
      dirty.run(d.a);
      dirty.run(d.b);
      const reports = db.prepare('SELECT id FROM report WHERE rid IN (?, ?) ORDER BY rid').pluck().all(d.a, d.b) as string[];
      appendAudit(db, {
        action: 'suggestion_revoke',
        subject: id,
        detail: { decision: d.decision, between: reports, ...(d.correction !== null ? { correction: d.correction } : {}), reason: why },
        actor,
      });
      return openView(db, id, d);
    })
    .immediate();
}

/** A suggestion whose decision was just revoked, as it reads now: open, from the engine's row or as it was decided. */
function openView(db: Db, id: string, d: { a: number; b: number; score: number; evidence: string }): Suggestion {
  const figures = new SideFigures(db, thresholdRule(db));
  const row = suggestionRow(db, id);
  if (row) return figures.view(row, 'open', null);
  const sides = db
    .prepare(
      `SELECT ra.id AS report_a, rb.id AS report_b, ma.series_id AS series_a, mb.series_id AS series_b FROM report ra JOIN report rb ON rb.rid = ?
       LEFT JOIN series_member ma ON ma.rid = ra.rid LEFT JOIN series_member mb ON mb.rid = rb.rid WHERE ra.rid = ?`,
    )
    .get(d.b, d.a) as Pick<SuggestionDbRow, 'report_a' | 'report_b' | 'series_a' | 'series_b'>;
  return figures.view({ id, a: d.a, b: d.b, score: d.score, evidence: d.evidence, ...sides }, 'open', null);
}
