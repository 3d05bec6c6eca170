// Stable series ids. A new group gets an id derived from its canonical member (the smallest
// report id), so a fresh store links to the same ids as any other; after that, ids are
// persisted and carried over by overlap: each old series goes to the new group holding most
// of its members (a split keeps the id on the larger part), and a new group takes, among the
// old series that chose it, the one it shares most members with (a merge keeps the larger
// part's id). An id is never reused for another group, so notes keyed by series id stay true.
import { createHash } from 'node:crypto';

export interface Group {
  /** Report ids of the members. */
  readonly members: readonly string[];
  /** Members not listed, by the series they were in (an incremental run's unloaded reports). */
  readonly hidden?: ReadonlyMap<string, number>;
}

export interface Prior {
  /** The series each report was in before this run, if any. */
  seriesOf(reportId: string): string | undefined;
  /** Member count of an old series before this run. */
  sizeOf(seriesId: string): number;
  /** Whether an id was ever given out (active or retired). */
  taken(seriesId: string): boolean;
}

export function derivedId(canonical: string, attempt = 0): string {
  const h = createHash('sha256')
    .update(attempt === 0 ? canonical : `${canonical}#${attempt}`)
    .digest();
  return `S-${h.readUIntBE(0, 6).toString(36).toUpperCase().padStart(10, '0')}`;
}

function canonicalOf(g: Group): string {
  let best = g.members[0] as string;
  for (const m of g.members) if (m < best) best = m;
  return best;
}

/** Ids for the groups, in the same order. */
export function assignSeriesIds(groups: readonly Group[], prior: Prior): string[] {
  const overlap = groups.map((g) => {
    const counts = new Map<string, number>();
    for (const m of g.members) {
      const s = prior.seriesOf(m);
      if (s !== undefined) counts.set(s, (counts.get(s) ?? 0) + 1);
    }
    for (const [s, n] of g.hidden ?? []) counts.set(s, (counts.get(s) ?? 0) + n);
    return counts;
  });
  const canon = groups.map(canonicalOf);
  const total = groups.map((g) => g.members.length + [...(g.hidden ?? new Map<string, number>()).values()].reduce((a, b) => a + b, 0));
  // Each old series chooses the new group with most of its members.
  const choice = new Map<string, { g: number; n: number }>();
  overlap.forEach((counts, g) => {
    for (const [s, n] of counts) {
      const cur = choice.get(s);
      const better =
        cur === undefined ||
        n > cur.n ||
        (n === cur.n && (total[g]! > total[cur.g]! || (total[g] === total[cur.g] && canon[g]! < canon[cur.g]!)));
      if (better) choice.set(s, { g, n });
    }
  });
  const ids: (string | null)[] = groups.map(() => null);
  const claims = new Map<number, { s: string; n: number }>();
  for (const [s, { g, n }] of choice) {
    const cur = claims.get(g);
    const better =
      cur === undefined ||
      n > cur.n ||
      (n === cur.n && (prior.sizeOf(s) > prior.sizeOf(cur.s) || (prior.sizeOf(s) === prior.sizeOf(cur.s) && s < cur.s)));
    if (better) claims.set(g, { s, n });
  }
  for (const [g, { s }] of claims) ids[g] = s;
  const used = new Set<string>(ids.filter((x): x is string => x !== null));
  return ids.map((id, g) => {
    if (id !== null) return id;
    for (let attempt = 0; ; attempt++) {
      const fresh = derivedId(canon[g] as string, attempt);
      if (!used.has(fresh) && !prior.taken(fresh)) {
        used.add(fresh);
        return fresh;
      }
    }
  });
}
