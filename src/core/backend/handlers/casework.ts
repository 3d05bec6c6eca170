// Casework behind the contract: the ignore list, the reference sites, case files and the audit
// log. Thin: each handler calls a core module (src/core/linking/ for the lists,
// src/core/analysis/ for cases and the audit log); a list change that alters linking asks for a
// relink.
import type { CasegraphApi, IgnoreEntryView, ReferenceDomainView } from '../../../common/api';
import { queryAudit } from '../../analysis/audit-query';
import { addCaseNote, createCase, getCase, listCases, updateCase } from '../../analysis/cases';
import { addIgnored, removeIgnored } from '../../linking/ignore-edit';
import { isShipped, listIgnored, readIgnoreList, type IgnoreListing } from '../../linking/ignore-store';
import { keyOf } from '../../linking/corpus';
import { listReferenceDomains, type ReferenceListing } from '../../linking/reference-domains';
import { addReference, removeReference, type ReferenceChange } from '../../linking/reference-edit';
import type { Db } from '../../store/db';
import { actorOf, announcer, attempt, type HandlerDeps } from './context';

export type CaseworkHandlers = Pick<
  CasegraphApi,
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

export function caseworkHandlers(deps: HandlerDeps): CaseworkHandlers {
  const { db } = deps;
  const actor = actorOf(deps);
  const changed = announcer(deps);
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
