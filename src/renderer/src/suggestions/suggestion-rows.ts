// What a list of suggestions shows while the investigator decides: the rows as the API ranks
// them, and each row decided (or revoked) here kept in its place with its new status, even once
// a refresh of the list no longer holds it (an accepted suggestion leaves the open queue), so the
// decision and its Revoke stay in front of the one who made it. Pure, tested without a browser.

import type { Suggestion } from '../../../common/api';
import type { Format } from '../format/formatter';

export interface DecidedHere {
  readonly row: Suggestion;
  /** Where it was in the list when it was decided. */
  readonly index: number;
  /** What was done, said in the row. */
  readonly done: string;
}

export function shownRows(rows: readonly Suggestion[], decided: ReadonlyMap<string, DecidedHere>): Suggestion[] {
  // A refreshed row with the status decided here is newer (its series after the relink); one
  // with another status is from before the decision.
  const out = rows.map((r) => {
    const here = decided.get(r.id);
    return here && here.row.status !== r.status ? here.row : r;
  });
  const listed = new Set(rows.map((r) => r.id));
  const missing = [...decided.values()].filter((d) => !listed.has(d.row.id)).sort((x, y) => x.index - y.index);
  for (const d of missing) out.splice(Math.min(d.index, out.length), 0, d.row);
  return out;
}

/** The probability as a percentage that never rounds to a certainty it is not: "<1", "85", ">99". */
export function probabilityPercent(p: number, fmt: Format): string {
  if (p < 0.005) return '<1';
  if (p >= 0.995) return '>99';
  return fmt.count(Math.round(p * 100));
}
