// What the series and casework handlers share: the store, how a change is announced (the UI
// refreshes; what affects linking is relinked), and who acts.
import type { ApiEvent, Result } from '../../../common/api';
import { ok } from '../../../common/result';
import type { Db } from '../../store/db';

export interface HandlerDeps {
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
export async function attempt<T>(body: () => T): Promise<Result<T>> {
  return ok(body());
}

/** After a change: the UI refreshes, and what affects linking (`relink`) is relinked. */
export function announcer(deps: HandlerDeps): <T>(relink: boolean) => (value: T) => T {
  return <T>(relink: boolean) =>
    (value: T): T => {
      if (relink) deps.relink();
      deps.emit({ type: 'store.changed' });
      return value;
    };
}

/** The actor option of the core modules' writes. */
export const actorOf = (deps: HandlerDeps): { actor?: string } => (deps.actor !== undefined ? { actor: deps.actor } : {});
