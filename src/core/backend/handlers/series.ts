// The series API behind the contract: the overview, the series list and workspace (graph,
// explain), corrections, the suggestions' review queue, and revealing victim data. Thin: each
// handler calls a core module (src/core/analysis/). Corrections, accepting a suggestion and
// revoking a decision change series: they ask for a relink.
import type { CasegraphApi, Suggestion } from '../../../common/api';
import type { Victim } from '../../../common/model';
import { AnalysisError } from '../../analysis/analysis-error';
import { markWrong, mergeSeries, revokeCorrection, splitReport } from '../../analysis/corrections';
import { getOverview } from '../../analysis/overview';
import { getSeries } from '../../analysis/series-detail';
import { explainPair } from '../../analysis/series-explain';
import { seriesGraph } from '../../analysis/series-graph';
import { querySeries } from '../../analysis/series-query';
import { acceptSuggestion, querySuggestions, rejectSuggestion, revokeSuggestion } from '../../analysis/suggestions';
import { appendAudit } from '../../store/audit';
import { actorOf, announcer, attempt, type HandlerDeps } from './context';

export type SeriesHandlers = Pick<
  CasegraphApi,
  | 'overview.get'
  | 'series.query'
  | 'series.get'
  | 'series.graph'
  | 'series.explain'
  | 'series.split'
  | 'series.merge'
  | 'series.markWrong'
  | 'series.revokeCorrection'
  | 'suggestions.query'
  | 'suggestions.accept'
  | 'suggestions.reject'
  | 'suggestions.revoke'
  | 'reports.revealVictim'
>;

export function seriesHandlers(deps: HandlerDeps): SeriesHandlers {
  const { db } = deps;
  const actor = actorOf(deps);
  const changed = announcer(deps);
  return {
    'overview.get': () => attempt(() => getOverview(db, { warming: deps.warming?.() === true })),
    'series.query': (q) => attempt(() => querySeries(db, q)),
    'series.get': ({ id }) => attempt(() => getSeries(db, id)),
    'series.graph': ({ id, expand }) => attempt(() => seriesGraph(db, id, expand ?? [])),
    'series.explain': ({ a, b }) => attempt(() => explainPair(db, a, b)),
    'series.split': ({ reportId, reason }) =>
      attempt(() => changed<ReturnType<typeof splitReport>>(true)(splitReport(db, reportId, reason, actor))),
    'series.merge': ({ a, b, reason }) =>
      attempt(() => changed<ReturnType<typeof mergeSeries>>(true)(mergeSeries(db, a, b, reason, actor))),
    'series.markWrong': (arg) => attempt(() => changed<ReturnType<typeof markWrong>>(true)(markWrong(db, arg, actor))),
    'series.revokeCorrection': ({ id, reason }) =>
      attempt(() => {
        const revoked = revokeCorrection(db, id, reason, actor);
        return changed<{ revoked: boolean }>(revoked)({ revoked });
      }),
    'suggestions.query': (q) => attempt(() => querySuggestions(db, q)),
    // Accepting merges two series and revoking may part them again: both relink. A rejection
    // changes no series (the queue hides it at once; the engine reads it at its next run).
    'suggestions.accept': ({ id, reason }) => attempt(() => changed<Suggestion>(true)(acceptSuggestion(db, id, reason, actor))),
    'suggestions.reject': ({ id, reason }) => attempt(() => changed<Suggestion>(false)(rejectSuggestion(db, id, reason, actor))),
    'suggestions.revoke': ({ id, reason }) => attempt(() => changed<Suggestion>(true)(revokeSuggestion(db, id, reason, actor))),
    'reports.revealVictim': ({ id }) =>
      attempt(() => {
        const row = db.prepare('SELECT victim FROM report WHERE id = ?').get(id) as { victim: string | null } | undefined;
        if (!row) throw new AnalysisError('not_found', `no report with id ${id}`);
        // Who saw whose data is logged; the data itself never is.
        appendAudit(db, { action: 'reveal', subject: id, ...actor });
        return row.victim ? (JSON.parse(row.victim) as Victim) : null;
      }),
  };
}
