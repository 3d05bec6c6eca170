// The engine's first stages over a corpus: postings per value (which reports hold it, and where),
// the values that are no evidence at all (ignored, known hubs, past the absolute cap, reference
// sites), and per value the number of distinct groups of reports carrying it — reports holding it
// that share another live value are one group, so a big gang's phone counts as one group and a
// bank hotline in reports that share nothing else as many. The model weighs a value by that count.
import type { Corpus } from './corpus';
import { splitKey } from './corpus';
import type { HubRules } from './hubs';
import { capOf } from './hubs';
import type { IgnoreList } from './ignore-list';
import type { Tick } from './progress';

export interface Postings {
  readonly nv: number;
  /** CSR: value v's postings are start[v]..start[v+1]. */
  readonly start: Int32Array;
  /** Report index per posting, ascending within a value, each report once. */
  readonly report: Int32Array;
  /** The strongest origin code under which the report holds the value (model.ts originCode). */
  readonly origin: Uint8Array;
}

/** Postings per value, sorted, each report once with its strongest origin. */
export function buildPostings(c: Corpus, tick: Tick, every: number): Postings {
  const nv = c.valueKeys.length;
  tick('postings', 0, nv);
  const start = new Int32Array(nv + 1);
  for (let k = 0; k < c.postings; k++) start[(c.postValue[k] as number) + 1]! += 1;
  for (let v = 0; v < nv; v++) start[v + 1]! += start[v] as number;
  const fill = start.slice(0, nv);
  // Report and origin in one number (reports < 2^22): sorting orders reports and, within one
  // report, puts its strongest origin first.
  const coded = new Int32Array(c.postings);
  for (let k = 0; k < c.postings; k++)
    coded[fill[c.postValue[k] as number]!++] = (c.postReport[k] as number) * 4 + (c.postOrigin[k] as number);
  const report = new Int32Array(c.postings);
  const origin = new Uint8Array(c.postings);
  let w = 0;
  for (let v = 0; v < nv; v++) {
    if (v % every === 0) tick('postings', v, nv);
    const from = start[v] as number;
    const to = start[v + 1] as number;
    start[v] = w;
    let sorted = true;
    for (let k = from + 1; k < to; k++) if ((coded[k] as number) < (coded[k - 1] as number)) sorted = false;
    if (!sorted) coded.subarray(from, to).sort();
    let last = -1;
    for (let k = from; k < to; k++) {
      const r = (coded[k] as number) >> 2;
      if (r === last) continue;
      last = r;
      report[w] = r;
      origin[w] = (coded[k] as number) & 3;
      w++;
    }
  }
  start[nv] = w;
  return { nv, start, report: report.subarray(0, w), origin: origin.subarray(0, w) };
}

export interface Hub {
  readonly kind: string;
  readonly value: string;
  readonly reports: number;
  readonly categories: number;
  readonly reason: 'auto' | 'ignored' | 'known';
}

export interface DeadOptions {
  readonly ignore: IgnoreList;
  readonly knownHubs?: ReadonlySet<string>;
  readonly detectHubs?: boolean;
  readonly totalReports: number;
  readonly rules: HubRules;
  /** Reference and well-known service sites: a URL or domain key ('kind\u0001value') that is no evidence. */
  readonly isReference?: (key: string) => boolean;
}

/** Values that are no evidence (1), with the hubs among them listed. */
export function deadValues(c: Corpus, p: Postings, o: DeadOptions, tick: Tick, every: number): { dead: Uint8Array; hubs: Hub[] } {
  const { nv, start, report } = p;
  const dead = new Uint8Array(nv);
  const reference = new Uint8Array(nv);
  const hubs: Hub[] = [];
  const cap = capOf(o.totalReports, o.rules);
  for (let v = 0; v < nv; v++) {
    if (v % every === 0) tick('hubs', v, nv);
    const key = c.valueKeys[v] as string;
    const domain = c.valueDomain[v] as number;
    const size = (start[v + 1] as number) - (start[v] as number);
    const ignored = o.ignore.keys.has(key) || (domain !== -1 && o.ignore.keys.has(c.valueKeys[domain] as string));
    let reason: Hub['reason'] | null = ignored ? 'ignored' : o.knownHubs?.has(key) ? 'known' : null;
    if (reason === null && o.detectHubs !== false && size > cap) reason = 'auto';
    if (reason !== null) {
      dead[v] = 1;
      if (size > 0) {
        const cats = new Set<number>();
        for (let k = start[v] as number; k < (start[v + 1] as number); k++) cats.add(c.category[report[k] as number] as number);
        const { kind, value } = splitKey(key);
        hubs.push({ kind, value, reports: size, categories: cats.size, reason });
      }
    } else if (o.isReference?.(key) === true) {
      dead[v] = 1;
      reference[v] = 1;
    }
  }
  // A URL on an ignored or hub domain is no evidence either (a platform's pages). A reference
  // domain is not carried over: its URLs are judged by the reference list themselves, which keeps
  // the pages on a hosting platform as evidence while the platform's domain is none.
  for (let v = 0; v < nv; v++) {
    const d = c.valueDomain[v] as number;
    if (d !== -1 && dead[d] === 1 && reference[d] === 0) dead[v] = 1;
  }
  return { dead, hubs };
}

/**
 * Reports by value (CSR over live values only): what ties each report to others, for the group
 * counts. A value merely mentioned in a narrative ties nothing: narratives cite the same warning
 * sites and other scams' addresses, and two such values would keep each other's holders together.
 */
function valuesByReport(c: Corpus, p: Postings, dead: Uint8Array): { start: Int32Array; vals: Int32Array } {
  const ties = (k: number): boolean => p.origin[k] !== 2;
  const start = new Int32Array(c.n + 1);
  for (let v = 0; v < p.nv; v++) {
    if (dead[v] === 1) continue;
    for (let k = p.start[v] as number; k < (p.start[v + 1] as number); k++) if (ties(k)) start[(p.report[k] as number) + 1]! += 1;
  }
  for (let i = 0; i < c.n; i++) start[i + 1]! += start[i] as number;
  const fill = start.slice(0, c.n);
  const vals = new Int32Array(start[c.n] as number);
  for (let v = 0; v < p.nv; v++) {
    if (dead[v] === 1) continue;
    for (let k = p.start[v] as number; k < (p.start[v + 1] as number); k++) if (ties(k)) vals[fill[p.report[k] as number]!++] = v;
  }
  return { start, vals };
}

export interface GroupCounts {
  /** Per value: distinct groups of its reports (0 for dead values). */
  readonly groups: Int32Array;
  /** Pairs of reports tied by two different live values (a < b, report indexes), for the model's m. */
  readonly labelled: readonly (readonly [number, number])[];
}

/**
 * Distinct groups per value: its reports joined when they share another live value. `only`, when
 * given, says for which values to count (the others get 0; the caller takes theirs from the
 * store): a run that does not estimate counts the values whose holders it has all loaded.
 */
export function countGroups(
  c: Corpus,
  p: Postings,
  dead: Uint8Array,
  tick: Tick,
  every: number,
  opts: { readonly only?: (v: number) => boolean; readonly labelledPairs?: number; readonly isStrong?: (v: number) => boolean } = {},
): GroupCounts {
  const { nv, start, report } = p;
  const groups = new Int32Array(nv);
  const byReport = valuesByReport(c, p, dead);
  const stamp = new Int32Array(nv).fill(-1);
  const posOf = new Int32Array(nv);
  let maxSize = 0;
  for (let v = 0; v < nv; v++) maxSize = Math.max(maxSize, (start[v + 1] as number) - (start[v] as number));
  const parent = new Int32Array(maxSize);
  const find = (x: number): number => {
    let i = x;
    while (parent[i] !== i) {
      parent[i] = parent[parent[i] as number] as number;
      i = parent[i] as number;
    }
    return i;
  };
  const labelled: [number, number][] = [];
  const wantLabels = opts.labelledPairs ?? 0;
  for (let v = 0; v < nv; v++) {
    if (v % every === 0) tick('groups', v, nv);
    if (dead[v] === 1) continue;
    const from = start[v] as number;
    const size = (start[v + 1] as number) - from;
    if (opts.only !== undefined && !opts.only(v)) {
      continue;
    }
    if (size < 2) {
      groups[v] = size;
      continue;
    }
    let count = size;
    for (let k = 0; k < size; k++) parent[k] = k;
    const strongV = opts.isStrong?.(v) === true;
    for (let k = 0; k < size; k++) {
      const r = report[from + k] as number;
      for (let j = byReport.start[r] as number; j < (byReport.start[r + 1] as number); j++) {
        const w = byReport.vals[j] as number;
        if (w === v) continue;
        if (stamp[w] !== v) {
          stamp[w] = v;
          posOf[w] = k;
          continue;
        }
        const a = find(posOf[w] as number);
        const b = find(k);
        if (a === b) continue;
        parent[b] = a;
        count--;
        // Two reports sharing v and another strong value: one gang's, as far as anything is.
        if (labelled.length < wantLabels && strongV && opts.isStrong?.(w) === true)
          labelled.push([report[from + (posOf[w] as number)] as number, r]);
      }
    }
    groups[v] = count;
  }
  return { groups, labelled };
}

/** Values held by this many reports at most hold groups together; larger ones are counted, not trusted. */
export const CONNECTOR_SIZE = 50;

/**
 * Distinct groups per value over the whole corpus (a run that estimates the model): the number of
 * components a value's reports fall into when the value itself is taken away, in the graph of
 * reports and the values held by at most CONNECTOR_SIZE reports. A gang's card is carried by
 * reports its other values (phones, links, other cards) still tie together: one group; a hotline's
 * reports are tied by nothing else: as many groups as gangs. Large values do not tie groups
 * together, so two hubs that come together (a hotline and a platform's domain) do not hide each
 * other. Computed in one depth-first pass (Tarjan's articulation points): linear in the postings.
 */
export function countGroupsGlobal(c: Corpus, p: Postings, dead: Uint8Array, tick: Tick, every: number): Int32Array {
  const { nv, start, report } = p;
  const size = (v: number): number => (start[v + 1] as number) - (start[v] as number);
  const connector = new Uint8Array(nv);
  for (let v = 0; v < nv; v++) if (dead[v] === 0 && size(v) >= 2 && size(v) <= CONNECTOR_SIZE) connector[v] = 1;
  const byReport = valuesByReport(
    c,
    p,
    Uint8Array.from(connector, (x) => 1 - x),
  );
  // The same ties seen from the values: the postings that are not a narrative's mention.
  const tieStart = new Int32Array(nv + 1);
  const tieReport = new Int32Array(p.report.length);
  for (let v = 0, w = 0; v < nv; v++) {
    tieStart[v] = w;
    if (connector[v] === 1)
      for (let k = start[v] as number; k < (start[v + 1] as number); k++) if (p.origin[k] !== 2) tieReport[w++] = report[k] as number;
    tieStart[v + 1] = w;
  }
  // Nodes: reports 0..n-1, values n..n+nv-1. Depth-first over the bipartite graph, iteratively.
  const n = c.n;
  const disc = new Int32Array(n + nv).fill(-1);
  const low = new Int32Array(n + nv);
  const comp = new Int32Array(n).fill(-1);
  const splits = new Int32Array(nv);
  const stackNode = new Int32Array(n + nv);
  const stackEdge = new Int32Array(n + nv);
  let time = 0;
  const degree = (x: number): number =>
    x < n
      ? (byReport.start[x + 1] as number) - (byReport.start[x] as number)
      : (tieStart[x - n + 1] as number) - (tieStart[x - n] as number);
  const neighbour = (x: number, k: number): number =>
    x < n ? n + (byReport.vals[(byReport.start[x] as number) + k] as number) : (tieReport[(tieStart[x - n] as number) + k] as number);
  for (let root = 0; root < n; root++) {
    if (root % every === 0) tick('groups', root, n);
    if (disc[root] !== -1) continue;
    let top = 0;
    stackNode[0] = root;
    stackEdge[0] = 0;
    disc[root] = low[root] = time++;
    comp[root] = root;
    while (top >= 0) {
      const x = stackNode[top] as number;
      const k = stackEdge[top] as number;
      if (k < degree(x)) {
        stackEdge[top] = k + 1;
        const y = neighbour(x, k);
        if (disc[y] === -1) {
          disc[y] = low[y] = time++;
          if (y < n) comp[y] = root;
          top++;
          stackNode[top] = y;
          stackEdge[top] = 0;
        } else if (top === 0 || y !== stackNode[top - 1]) {
          if ((disc[y] as number) < (low[x] as number)) low[x] = disc[y] as number;
        }
        continue;
      }
      top--;
      if (top < 0) break;
      const parent = stackNode[top] as number;
      if ((low[x] as number) < (low[parent] as number)) low[parent] = low[x] as number;
      // x is a report, child of the value `parent`: its subtree falls apart from the rest when
      // that value is taken away.
      if (parent >= n && (low[x] as number) >= (disc[parent] as number)) splits[parent - n]!++;
    }
  }
  const groups = new Int32Array(nv);
  const seen = new Set<number>();
  for (let v = 0; v < nv; v++) {
    if (dead[v] === 1) continue;
    if (connector[v] === 1 && disc[n + v] !== -1) {
      // Every search starts from a report, so a value is reached from one of its reports: that
      // report's side is one more part. Holders that only mention it are parts of their own
      // unless the search reached them from the same start (counted with the value's side).
      const home = comp[tieReport[tieStart[v] as number] as number] as number;
      seen.clear();
      for (let k = start[v] as number; k < (start[v + 1] as number); k++) {
        const r = comp[report[k] as number] as number;
        if (p.origin[k] === 2 && r !== home) seen.add(r);
      }
      groups[v] = (splits[v] as number) + 1 + seen.size;
      continue;
    }
    seen.clear();
    for (let k = start[v] as number; k < (start[v + 1] as number); k++) seen.add(comp[report[k] as number] as number);
    groups[v] = seen.size;
  }
  return groups;
}
