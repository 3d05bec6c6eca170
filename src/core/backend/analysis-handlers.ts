// The investigator's analysis behind the contract: overview, series list and workspace (graph,
// explain), corrections, the suggestions' review queue, the ignore list, the reference sites,
// case files, the audit log and revealing victim data.
// Thin: each handler calls a core module (src/core/analysis/) and turns its expected failures
// into results. Changes that alter linking (corrections, ignore list, reference sites, accepting a
// suggestion or revoking a decision) ask for a relink; every change tells the UI the store changed.
import type { ApiEvent, CasegraphApi, IgnoreEntryView, ReferenceDomainView, Result, Suggestion } from '../../common/api';
import type { Victim } from '../../common/model';
import { ok } from '../../common/result';
import { AnalysisError } from '../analysis/analysis-error';
import { queryAudit } from '../analysis/audit-query';
import { addCaseNote, createCase, getCase, listCases, updateCase } from '../analysis/cases';
import { markWrong, mergeSeries, revokeCorrection, splitReport } from '../analysis/corrections';
import { getOverview } from '../analysis/overview';
import { getSeries } from '../analysis/series-detail';
import { explainPair } from '../analysis/series-explain';
import { seriesGraph } from '../analysis/series-graph';
import { querySeries } from '../analysis/series-query';
import { acceptSuggestion, querySuggestions, rejectSuggestion, revokeSuggestion } from '../analysis/suggestions';
import { addIgnored, removeIgnored } from '../linking/ignore-edit';
import { isShipped, listIgnored, readIgnoreList, type IgnoreListing } from '../linking/ignore-store';
import { keyOf } from '../linking/corpus';
import { listReferenceDomains, type ReferenceListing } from '../linking/reference-domains';
import { addReference, removeReference, type ReferenceChange } from '../linking/reference-edit';
import { appendAudit } from '../store/audit';
import type { Db } from '../store/db';

export type AnalysisHandlers = Pick<
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
  | 'ignore.list'
  | 'ignore.set'
  | 'ignore.remove'
  | 'references.list'
  | 'references.set'
  | 'references.remove'
  | 'cases.list'
  | 'cases.get'
  | 'cases.create'
  | 'cases.update'
  | 'cases.addNote'
  | 'audit.query'
>;

export interface AnalysisDeps {
  readonly db: Db;
  /** Start an incremental link run for what a change marked (link_dirty), now or after the running job. */
  readonly relink: () => void;
  readonly emit: (event: ApiEvent) => void;
  /**
   * Whether the overview's figures are about to be computed anew (a job runs, whose link run the
   * analysis worker follows, or that worker runs): the last ones are shown meanwhile.
   */
  readonly warming?: () => boolean;
  /** Who acts (tests); default the OS user, as every audit entry. */
  readonly actor?: string;
}

/**
 * Runs a handler body. The expected failures it throws (AnalysisError, the ignore and reference
 * lists' errors: all ExpectedError) become results in Backend.call.
 */
async function attempt<T>(body: () => T): Promise<Result<T>> {
  return ok(body());
}

function ignoreView(l: IgnoreListing): IgnoreEntryView {
  return {
    kind: l.kind,
    value: l.value,
    ignored: l.ignored,
    shipped: l.source === 'shipped',
    note: l.source === 'shipped' ? (l.reason ?? l.note) : l.reason,
    addedAt: l.changed_at,
  };
}

function referenceView(l: ReferenceListing): ReferenceDomainView {
  return {
    domain: l.domain,
    category: l.category,
    enabled: l.enabled,
    shipped: l.source === 'shipped',
    about: l.note,
    reason: l.reason,
    changedAt: l.changed_at,
  };
}

export function analysisHandlers(deps: AnalysisDeps): AnalysisHandlers {
  const { db } = deps;
  const actor = deps.actor !== undefined ? { actor: deps.actor } : {};
  /** After a change: the UI refreshes, and what affects linking is relinked. */
  const changed =
    <T>(relink: boolean) =>
    (value: T): T => {
      if (relink) deps.relink();
      deps.emit({ type: 'store.changed' });
      return value;
    };
  const entry = (kind: string, value: string): IgnoreEntryView => {
    const found = listIgnored(db).find((l) => l.kind === kind && l.value === value);
    if (found) return ignoreView(found);
    // An investigator's entry just removed: no longer listed.
    return { kind, value, ignored: false, shipped: false, note: null, addedAt: null };
  };
  const reference = (change: ReferenceChange): ReferenceDomainView => {
    const found = listReferenceDomains(db).find((l) => l.domain === change.domain);
    if (found) return referenceView(found);
    // An investigator's entry just removed: no longer listed.
    return { domain: change.domain, category: change.category, enabled: false, shipped: false, about: null, reason: null, changedAt: null };
  };
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
    'ignore.list': () => attempt(() => listIgnored(db).map(ignoreView)),
    'ignore.set': ({ kind, value, ignored, note }) =>
      attempt(() => {
        const opts = { ...actor, ...(note ? { reason: note } : {}) };
        const change = ignored ? addIgnored(db, kind, value, opts) : removeIgnored(db, kind, value, { ...opts, override: true });
        return changed<IgnoreEntryView>(change.relink > 0)(entry(change.kind, change.value));
      }),
    'ignore.remove': ({ kind, value }) =>
      attempt(() => {
        // Removing a shipped default that was turned off here puts it back in force.
        const probe = removeOrRestore(db, kind, value, actor);
        return changed<{ removed: boolean }>(probe.relink > 0)({ removed: probe.changed });
      }),
    'references.list': () => attempt(() => listReferenceDomains(db).map(referenceView)),
    'references.set': ({ domain, enabled, category, note }) =>
      attempt(() => {
        const opts = { ...actor, ...(note ? { reason: note } : {}) };
        const change = enabled
          ? addReference(db, domain, { ...opts, ...(category ? { category } : {}) })
          : removeReference(db, domain, opts);
        return changed<ReferenceDomainView>(change.relink > 0)(reference(change));
      }),
    'references.remove': ({ domain, note }) =>
      attempt(() => {
        const change = removeReference(db, domain, { ...actor, ...(note ? { reason: note } : {}) });
        return changed<{ removed: boolean }>(change.relink > 0)({ removed: change.changed });
      }),
    'cases.list': ({ status }) => attempt(() => listCases(db, status)),
    'cases.get': ({ id }) => attempt(() => getCase(db, id)),
    'cases.create': (arg) => attempt(() => changed<ReturnType<typeof createCase>>(false)(createCase(db, arg, actor))),
    'cases.update': (arg) => attempt(() => changed<ReturnType<typeof updateCase>>(false)(updateCase(db, arg, actor))),
    'cases.addNote': ({ id, text }) => attempt(() => changed<ReturnType<typeof addCaseNote>>(false)(addCaseNote(db, id, text, actor))),
    'audit.query': (q) => attempt(() => queryAudit(db, q)),
  };
}

function removeOrRestore(db: Db, kind: string, value: string, actor: { actor?: string }): { changed: boolean; relink: number } {
  const entries = listIgnored(db);
  const shippedOff = entries.find((l) => l.source === 'shipped' && !l.ignored && l.kind === kind && l.value === value);
  if (shippedOff || (isShipped(kind, value) && !readIgnoreList(db).keys.has(keyOf(kind, value)))) {
    const c = addIgnored(db, kind, value, actor);
    return { changed: c.changed, relink: c.relink };
  }
  const c = removeIgnored(db, kind, value, actor);
  return { changed: c.changed, relink: c.relink };
}
