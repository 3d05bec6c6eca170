// The linking engine, pure: a Corpus in, links with their evidence and the connected groups
// out. No store, no worker, no clock — the same input gives the same output.
//
// 1. Postings per value; hubs (ignore list, known hubs, automatic detection) are set aside.
// 2. Strong values tie reports of the same category (star edges). Across categories a single
//    shared value is not enough (mule accounts are rented to several gangs): two are.
// 3. Weak evidence is summed per candidate pair (shared weak values in small postings, LSH
//    buckets of message text within one category) and links at LINK_WEIGHT.
// 4. Chain guard: weak links may bring a single report into a group (up to a cap of weakly
//    joined reports), but join two groups only when two or more weak links agree.
import type { Corpus } from './corpus';
import { splitKey } from './corpus';
import { LINK_WEIGHT, STRONG, TEXT_SIMILARITY, TIME_WINDOW_DAYS, WEIGHT } from './evidence';
import { DEFAULT_HUB_RULES, isHubByCounts, postingStats, type HubRules } from './hubs';
import type { IgnoreList } from './ignore-list';
import { EdgeList, pairA, pairB, pairKey, type Evidence, type Link } from './link-graph';
import type { EngineOverrides } from './overrides';
import { BANDS, bandKeys } from './lsh';
import { SIGNATURE_BINS, similarity } from './minhash';
import { DEFAULT_CHECK_EVERY, ticker, type RunControl } from './progress';
import { UnionFind } from './union-find';

export { Cancelled } from './progress';

/** Progress per stage; cancellation (signal or shouldStop) is checked every `checkEvery` items. */
export interface EngineOptions extends RunControl {
  readonly ignore: IgnoreList;
  /** Hubs known from the whole store (an incremental run sees only part of it). */
  readonly knownHubs?: ReadonlySet<string>;
  /** Detect hubs from this corpus' own counts (a full run). */
  readonly detectHubs?: boolean;
  /** Report count to judge hub shares against (the whole store). */
  readonly totalReports?: number;
  readonly hubRules?: HubRules;
  /** Postings of weak values larger than this are not paired (too common to mean anything). */
  readonly maxWeakPosting?: number;
  /** Strong values larger than this are not examined for cross-category pairs. */
  readonly maxCrossPosting?: number;
  /** A text bucket (one band, one category) larger than this is a template judged common. */
  readonly maxTextBucket?: number;
  /** At most this many reports join one group through weak links alone. */
  readonly weakJoinCap?: number;
  /** Values known to be larger than maxWeakPosting in the whole store (incremental runs). */
  readonly largeValues?: ReadonlySet<string>;
  /** Text buckets known to be larger than maxTextBucket in the whole store (incremental runs). */
  readonly blockedBands?: ReadonlySet<number>;
  /**
   * Reports already known to be in one group (an incremental run loads only part of a series
   * that nothing can split): per report index a group label, or -1; `hiddenMembers[label]` is the
   * number of that group's reports not in the corpus.
   */
  readonly knownGroups?: { readonly label: Int32Array; readonly hiddenMembers: Int32Array };
  /** Investigators' corrections (overrides.ts): reports standing alone, forced joins, values that are not evidence. */
  readonly overrides?: EngineOverrides;
}

export interface Hub {
  readonly kind: string;
  readonly value: string;
  readonly reports: number;
  readonly categories: number;
  readonly reason: 'auto' | 'ignored' | 'known';
}

export interface EngineResult {
  /** Per report index: the smallest report index of its group. */
  readonly group: Int32Array;
  /** Links carried by shared strong values, in columns (there may be millions). */
  readonly strong: StrongPairs;
  /** Links carried by summed weak evidence (including those the chain guard held back), and investigators' merges. */
  readonly weakLinks: readonly Link[];
  readonly hubs: readonly Hub[];
  /** Values too large to pair (weak) or to join across categories; kept for incremental runs. */
  readonly large: readonly string[];
  /** Text buckets too large to count (templates judged common); kept for incremental runs. */
  readonly blockedBands: readonly number[];
}

const DAY = 86_400_000;

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

export function runEngine(c: Corpus, options: EngineOptions): EngineResult {
  const rules = options.hubRules ?? DEFAULT_HUB_RULES;
  const maxWeak = options.maxWeakPosting ?? 50;
  const maxCross = options.maxCrossPosting ?? 50;
  const maxBucket = options.maxTextBucket ?? 60;
  const weakCap = options.weakJoinCap ?? 20;
  const total = options.totalReports ?? c.n;
  const tick = ticker(options);
  const every = options.checkEvery ?? DEFAULT_CHECK_EVERY;
  const nv = c.valueKeys.length;
  tick('postings', 0, nv);

  // 1. Postings per value (CSR), in report order.
  const start = new Int32Array(nv + 1);
  for (let k = 0; k < c.postings; k++) start[(c.postValue[k] as number) + 1]! += 1;
  for (let v = 0; v < nv; v++) start[v + 1]! += start[v] as number;
  const fill = start.slice(0, nv);
  const post = new Int32Array(c.postings);
  for (let k = 0; k < c.postings; k++) post[fill[c.postValue[k] as number]!++] = c.postReport[k] as number;
  // Postings arrive in scan order: sort each value's reports and drop repeats, compacting in place.
  {
    let w = 0;
    for (let v = 0; v < nv; v++) {
      if (v % every === 0) tick('postings', v, nv);
      const from = start[v] as number;
      const to = start[v + 1] as number;
      start[v] = w;
      let sorted = true;
      for (let k = from + 1; k < to; k++) if ((post[k] as number) < (post[k - 1] as number)) sorted = false;
      if (!sorted) post.subarray(from, to).sort();
      for (let k = from; k < to; k++) if (k === from || post[k] !== post[k - 1]) post[w++] = post[k] as number;
    }
    start[nv] = w;
  }

  // Hubs and ignored values.
  const hubs: Hub[] = [];
  const dead = new Uint8Array(nv);
  for (let v = 0; v < nv; v++) {
    if (v % every === 0) tick('hubs', v, nv);
    const key = c.valueKeys[v] as string;
    const domain = c.valueDomain[v] as number;
    const from = start[v] as number;
    const to = start[v + 1] as number;
    const ignored = options.ignore.keys.has(key) || (domain !== -1 && options.ignore.keys.has(c.valueKeys[domain] as string));
    let reason: Hub['reason'] | null = ignored ? 'ignored' : options.knownHubs?.has(key) ? 'known' : null;
    if (reason === null && options.detectHubs !== false && to - from >= rules.minReports) {
      if (isHubByCounts(postingStats(c, post, from, to), total, rules)) reason = 'auto';
    }
    if (reason !== null) {
      dead[v] = 1;
      if (to > from) {
        const s = postingStats(c, post, from, to);
        const { kind, value } = splitKey(key);
        hubs.push({ kind, value, reports: s.reports, categories: s.categories, reason });
      }
    }
  }
  // A URL on a hub domain is not evidence either (a platform's pages).
  for (let v = 0; v < nv; v++) {
    const d = c.valueDomain[v] as number;
    if (d !== -1 && dead[d] === 1) dead[v] = 1;
  }

  // Values too common to pair up, here or (incremental runs) in the whole store.
  const large = new Uint8Array(nv);
  const largeKeys: string[] = [];
  for (let v = 0; v < nv; v++) {
    if (dead[v] === 1) continue;
    const size = (start[v + 1] as number) - (start[v] as number);
    if (size > maxWeak || size > maxCross) {
      large[v] = 1;
      largeKeys.push(c.valueKeys[v] as string);
    } else if (options.largeValues?.has(c.valueKeys[v] as string)) large[v] = 1;
  }

  // Corrections: a report standing alone takes part in nothing; a value marked wrong does not
  // count for a report, or between two reports.
  const ov = options.overrides;
  const isolated = ov?.isolated;
  const skipped = (r: number, drop: ReadonlySet<number> | undefined): boolean => isolated?.[r] === 1 || (drop !== undefined && drop.has(r));

  // 2. Strong edges.
  const strong = new EdgeList();
  const cross = new Map<number, number[]>();
  const weakPairs = new Map<number, number[]>();
  const anchors = new Map<number, number>();
  for (let v = 0; v < nv; v++) {
    if (v % every === 0) tick('strong', v, nv);
    if (dead[v] === 1) continue;
    const from = start[v] as number;
    const to = start[v + 1] as number;
    if (to - from < 2) continue;
    if ((c.valueWeight[v] as number) >= STRONG) {
      anchors.clear();
      const drop = ov?.dropped.get(v);
      const forbid = ov?.forbidden.get(v);
      if (forbid === undefined) {
        for (let k = from; k < to; k++) {
          const r = post[k] as number;
          if (skipped(r, drop)) continue;
          const cat = c.category[r] as number;
          const anchor = anchors.get(cat);
          if (anchor === undefined) anchors.set(cat, r);
          else strong.push(anchor, r, v);
        }
      } else starWithout(c, post, from, to, v, forbid, (r) => skipped(r, drop), anchors, strong);
      if (anchors.size > 1 && large[v] === 0) {
        for (let x = from; x < to; x++) {
          for (let y = x + 1; y < to; y++) {
            const ra = post[x] as number;
            const rb = post[y] as number;
            if (c.category[ra] === c.category[rb]) continue;
            if (skipped(ra, drop) || skipped(rb, drop)) continue;
            const key = pairKey(ra, rb);
            if (forbid?.has(key)) continue;
            const list = cross.get(key);
            if (list) list.push(v);
            else cross.set(key, [v]);
          }
        }
      }
    }
  }
  for (const [key, values] of cross) {
    if (values.length < 2) continue;
    for (const v of values) strong.push(pairA(key), pairB(key), v);
  }
  // Groups by strong evidence first: weak evidence inside one group changes nothing, so it is
  // not even weighed.
  const uf = new UnionFind(c.n);
  if (options.knownGroups) {
    const { label, hiddenMembers } = options.knownGroups;
    const first = new Map<number, number>();
    for (let i = 0; i < c.n; i++) {
      const l = label[i] as number;
      if (l < 0) continue;
      const f = first.get(l);
      if (f === undefined) first.set(l, i);
      else uf.union(f, i);
    }
    for (const [l, f] of first) uf.addHidden(f, hiddenMembers[l] as number);
  }
  for (let k = 0; k < strong.length; k++) uf.union(strong.a[k] as number, strong.b[k] as number);
  // Investigators' merges join whatever the evidence says (a report standing alone excepted).
  const merges = (ov?.mustLink ?? []).filter((m) => isolated?.[m.a] !== 1 && isolated?.[m.b] !== 1);
  for (const m of merges) uf.union(m.a, m.b);
  // Weak values pair only reports that strong evidence left apart.
  for (let v = 0; v < nv; v++) {
    if (v % every === 0) tick('weak', v, nv);
    const from = start[v] as number;
    const to = start[v + 1] as number;
    if (dead[v] === 1 || large[v] === 1 || to - from < 2 || (c.valueWeight[v] as number) >= STRONG) continue;
    const drop = ov?.dropped.get(v);
    const forbid = ov?.forbidden.get(v);
    for (let x = from; x < to; x++) {
      if (skipped(post[x] as number, drop)) continue;
      const rx = uf.find(post[x] as number);
      for (let y = x + 1; y < to; y++) {
        if (skipped(post[y] as number, drop) || uf.find(post[y] as number) === rx) continue;
        const key = pairKey(post[x] as number, post[y] as number);
        if (forbid?.has(key)) continue;
        const list = weakPairs.get(key);
        if (list) list.push(v);
        else weakPairs.set(key, [v]);
      }
    }
  }

  // 3. Text candidates: LSH bands salted with the category; a too-large bucket is a common template.
  const textSim = new Map<number, number>();
  const blocked: number[] = [];
  {
    let m = 0;
    for (let i = 0; i < c.n; i++) if (c.hasText[i] === 1) m += 1;
    const keys = new Float64Array(m * BANDS);
    const bands = new Int32Array(BANDS);
    const salts = c.categories.map(categorySalt);
    let k = 0;
    for (let i = 0; i < c.n; i++) {
      if (i % every === 0) tick('text', i, c.n);
      if (c.hasText[i] !== 1 || isolated?.[i] === 1) continue;
      bandKeys(c.sig, i * SIGNATURE_BINS, bands);
      for (let b = 0; b < BANDS; b++) {
        const salted = saltBand(bands[b] as number, salts[c.category[i] as number] as number);
        if (options.blockedBands?.has(salted)) continue;
        keys[k++] = salted * 4194304 + i;
      }
    }
    const sorted = keys.subarray(0, k).sort();
    let x = 0;
    let checked = 0;
    while (x < sorted.length) {
      if (x >= checked) {
        tick('text buckets', x, sorted.length);
        checked = x + every;
      }
      const bucket = Math.floor((sorted[x] as number) / 4194304);
      let y = x + 1;
      while (y < sorted.length && Math.floor((sorted[y] as number) / 4194304) === bucket) y++;
      if (y - x > maxBucket) blocked.push(bucket);
      else if (y - x >= 2) {
        for (let p = x; p < y; p++) {
          const ra = (sorted[p] as number) % 4194304;
          const root = uf.find(ra);
          for (let q = p + 1; q < y; q++) {
            const rb = (sorted[q] as number) % 4194304;
            // Only near-duplicates between groups matter; a pair met in several bands is
            // simply compared again (cheaper than remembering every pair seen).
            if (uf.find(rb) === root) continue;
            const sim = similarity(c.sig, ra * SIGNATURE_BINS, c.sig, rb * SIGNATURE_BINS);
            if (sim >= TEXT_SIMILARITY) textSim.set(pairKey(ra, rb), sim);
          }
        }
      }
      x = y;
    }
  }

  // Weak links: sum the evidence of every candidate pair.
  const weakLinks: Link[] = [];
  const judge = (key: number, values: readonly number[] | undefined): void => {
    const a = pairA(key);
    const b = pairB(key);
    if (uf.find(a) === uf.find(b)) return;
    const evidence: Evidence[] = [];
    let weight = 0;
    let weakPhone = false;
    for (const v of values ?? []) {
      const w = c.valueWeight[v] as number;
      const { kind, value } = splitKey(c.valueKeys[v] as string);
      if (kind === 'domain') evidence.push({ type: 'domain', domain: value, weight: w });
      else evidence.push({ type: 'identifier', kind, value, weight: w });
      if (kind === 'phone') weakPhone = true;
      weight += w;
    }
    const sim = textSim.get(key);
    if (sim !== undefined) {
      evidence.push({ type: 'text', similarity: round2(sim), weight: WEIGHT.text });
      weight += WEIGHT.text;
    }
    if (weight === 0) return;
    if (c.category[a] === c.category[b]) {
      const days = Math.abs((c.reportedMs[a] as number) - (c.reportedMs[b] as number)) / DAY;
      if (days <= TIME_WINDOW_DAYS) {
        evidence.push({ type: 'category_time', category: c.categories[c.category[a] as number] as string, days: Math.round(days), weight: WEIGHT.categoryTime });
        weight += WEIGHT.categoryTime;
      }
    }
    if (c.brand[a] !== -1 && c.brand[a] === c.brand[b]) {
      evidence.push({ type: 'brand', brand: brandName(c, a), weight: WEIGHT.brandOrSender });
      weight += WEIGHT.brandOrSender;
    } else if (!weakPhone && c.sender[a] !== -1 && c.sender[a] === c.sender[b]) {
      evidence.push({ type: 'sender', pattern: senderName(c, a), weight: WEIGHT.brandOrSender });
      weight += WEIGHT.brandOrSender;
    }
    if (weight >= LINK_WEIGHT - 1e-9) weakLinks.push({ a, b, weight: round2(weight), strong: false, evidence });
  };
  let judged = 0;
  const candidates = weakPairs.size + textSim.size;
  for (const [key, values] of weakPairs) {
    if (judged++ % every === 0) tick('weighing', judged, candidates);
    judge(key, values);
  }
  for (const key of textSim.keys()) {
    if (judged++ % every === 0) tick('weighing', judged, candidates);
    if (!weakPairs.has(key)) judge(key, undefined);
  }

  // 4. Weak links under the chain guard.
  const weakJoined = new Int32Array(c.n);
  weakLinks.sort((x, y) => y.weight - x.weight || x.a - y.a || x.b - y.b);
  const agree = new Map<number, number>();
  let guarded = 0;
  for (const l of weakLinks) {
    if (guarded++ % every === 0) tick('chain guard', guarded, weakLinks.length);
    const ra = uf.find(l.a);
    const rb = uf.find(l.b);
    if (ra === rb) continue;
    const sa = uf.sizeOf(ra);
    const sb = uf.sizeOf(rb);
    if (sa === 1 || sb === 1) {
      const group = sa === 1 ? rb : ra;
      if ((weakJoined[group] as number) >= weakCap) continue;
      const joined = (weakJoined[ra] as number) + (weakJoined[rb] as number) + 1;
      uf.union(ra, rb);
      weakJoined[uf.find(ra)] = joined;
      continue;
    }
    const key = pairKey(ra, rb);
    const seen = (agree.get(key) ?? 0) + 1;
    agree.set(key, seen);
    if (seen >= 2) {
      const joined = (weakJoined[ra] as number) + (weakJoined[rb] as number);
      uf.union(ra, rb);
      weakJoined[uf.find(ra)] = joined;
    }
  }
  for (const m of merges) weakLinks.push({ a: m.a, b: m.b, weight: 1, strong: true, evidence: [{ type: 'correction', correction: m.correction, weight: 1 }] });
  const group = new Int32Array(c.n);
  const smallest = new Int32Array(c.n).fill(-1);
  for (let i = 0; i < c.n; i++) {
    const r = uf.find(i);
    if (smallest[r] === -1) smallest[r] = i;
    group[i] = smallest[r] as number;
  }
  tick('groups', c.n, c.n);

  return { group, strong: strongPairs(c, strong), weakLinks, hubs, large: largeKeys, blockedBands: blocked };
}

/**
 * Star edges of one strong value when some pairs of its reports must not be tied by it: each
 * report is tied to earlier reports of its category it may be tied to, enough of them to keep
 * everything the allowed pairs connect in one piece (few values have such pairs: investigators'
 * corrections).
 */
function starWithout(
  c: Corpus,
  post: Int32Array,
  from: number,
  to: number,
  v: number,
  forbid: ReadonlySet<number>,
  skip: (r: number) => boolean,
  anchors: Map<number, number>,
  strong: EdgeList,
): void {
  const members = new Map<number, number[]>();
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r) as number;
    parent.set(x, r);
    return r;
  };
  for (let k = from; k < to; k++) {
    const r = post[k] as number;
    if (skip(r)) continue;
    const cat = c.category[r] as number;
    if (!anchors.has(cat)) anchors.set(cat, r);
    parent.set(r, r);
    const list = members.get(cat) ?? [];
    for (const x of list) {
      if (forbid.has(pairKey(x, r)) || find(x) === find(r)) continue;
      strong.push(x, r, v);
      parent.set(find(r), find(x));
    }
    list.push(r);
    members.set(cat, list);
  }
}

/** A stable per-category salt: text candidates meet only within one category. */
export function categorySalt(category: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < category.length; i++) h = Math.imul(h ^ category.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A band key salted with its category, as kept in the store's text_band table (31 bits). */
export function saltBand(band: number, salt: number): number {
  return (Math.imul(band ^ salt, 0x165667b1) >>> 1) >>> 0;
}

function brandName(c: Corpus, i: number): string {
  return (c.brandNames[c.brand[i] as number] as string).slice(2);
}

function senderName(c: Corpus, i: number): string {
  return (c.brandNames[c.sender[i] as number] as string).slice(2);
}

/** Strong links in columns: pair k is (a[k], b[k]) with value ids vals[start[k]..start[k+1]). */
export interface StrongPairs {
  readonly count: number;
  readonly a: Int32Array;
  readonly b: Int32Array;
  readonly start: Int32Array;
  readonly vals: Int32Array;
}

function strongPairs(c: Corpus, edges: EdgeList): StrongPairs {
  const order = edges.order(c.n);
  const a = new Int32Array(order.length);
  const b = new Int32Array(order.length);
  const start = new Int32Array(order.length + 1);
  const vals = new Int32Array(order.length);
  let count = 0;
  let nv = 0;
  let x = 0;
  while (x < order.length) {
    const e = order[x] as number;
    const ea = edges.a[e] as number;
    const eb = edges.b[e] as number;
    a[count] = ea;
    b[count] = eb;
    start[count] = nv;
    const first = nv;
    while (x < order.length && edges.a[order[x] as number] === ea && edges.b[order[x] as number] === eb) {
      const v = edges.v[order[x] as number] as number;
      let dup = false;
      for (let k = first; k < nv; k++) if (vals[k] === v) dup = true;
      if (!dup) vals[nv++] = v;
      x++;
    }
    count++;
  }
  start[count] = nv;
  return { count, a, b, start, vals };
}

/** Every link as an object with its evidence (tests, explain of small corpora). */
export function linksOf(c: Corpus, r: EngineResult): Link[] {
  const out: Link[] = [];
  const s = r.strong;
  for (let k = 0; k < s.count; k++) {
    const evidence: Evidence[] = [];
    for (let j = s.start[k] as number; j < (s.start[k + 1] as number); j++) {
      const v = s.vals[j] as number;
      const { kind, value } = splitKey(c.valueKeys[v] as string);
      evidence.push({ type: 'identifier', kind, value, weight: c.valueWeight[v] as number });
    }
    out.push({ a: s.a[k] as number, b: s.b[k] as number, weight: evidence.length, strong: true, evidence });
  }
  return [...out, ...r.weakLinks];
}
