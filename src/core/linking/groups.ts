// How many distinct groups of reports carry a value, carried from one link run to the next. A run
// that estimates the model counts them over the whole store (postings.ts countGroupsGlobal); the
// runs until the next estimate carry that count on, so that a full run and an incremental run of
// the same data weigh every value alike: each value also keeps its local count (its holders joined
// only where two of them share another value, which a run that loaded the holders can count), and
// when the local count grows — a new holder that shares nothing else with the others — the group
// count grows by as much. A value's count never falls between two estimates.
import type { Corpus } from './corpus';

export interface GroupCount {
  /** Distinct groups carrying the value. */
  readonly groups: number;
  /** Its holders' components when joined only by values they share directly. */
  readonly local: number;
}

export interface StoredGroups {
  /** Whether a value's holders are all loaded, so that its local count can be taken again. */
  readonly fresh: (key: string) => boolean;
  /** Counts as stored; a value not stored has one group (or is new). */
  readonly stored: ReadonlyMap<string, GroupCount>;
}

/** What a value not stored stands for: one group, one local component. */
const ALONE: GroupCount = { groups: 1, local: 1 };

/** Only counts that differ from ALONE are kept. */
export const worthStoring = (g: GroupCount): boolean => g.groups >= 2 || g.local >= 2;

export function nextGroups(stored: GroupCount | undefined, localNow: number): number {
  const s = stored ?? ALONE;
  return Math.max(1, s.groups + Math.max(0, localNow - s.local));
}

/** Per value: the group count carried on (values that are no evidence get 0). */
export function carriedGroups(c: Corpus, dead: Uint8Array, localNow: Int32Array, sg: StoredGroups): Int32Array {
  const out = new Int32Array(c.valueKeys.length);
  for (let v = 0; v < out.length; v++) {
    if (dead[v] === 1) continue;
    const key = c.valueKeys[v] as string;
    const stored = sg.stored.get(key);
    out[v] = sg.fresh(key) ? nextGroups(stored, localNow[v] as number) : (stored ?? ALONE).groups;
  }
  return out;
}
