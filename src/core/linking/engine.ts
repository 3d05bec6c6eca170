// The linking engine, pure: a Corpus in, series links with their evidence, the groups, and the
// suggestions out. No store, no worker, no clock — the same input gives the same output.
//
// Evidence is weighed by the linking model (model.ts) in bits, and acted on in two tiers:
// 1. Postings per value; values that are no evidence (ignore list, hubs past the cap, reference
//    sites) set aside; per value the distinct groups carrying it (postings.ts).
// 2. Series: a pair of reports is linked when its identifier evidence alone — the values both
//    hold, weighed by where they were found and how many groups carry them, and the category
//    comparison — reaches SERIES_BITS (a posterior probability of 0.99). A value that reaches it
//    for any two reports of one category ties them as a star (k−1 edges, never k² pairs); the
//    pairs of small postings are weighed one by one, their values summed (two reports of
//    different categories need more than one value, as a mule account rented to two gangs shows).
// 3. Suggestions: every other candidate pair — weaker identifier evidence, near-identical text,
//    a shared domain, with time, brand and sender — is scored with all its terms; between two
//    groups the best pair at SUGGESTION_BITS or more is a suggestion. Suggestions never join
//    anything: an investigator accepts (a merge correction) or rejects them.
import type { Corpus } from './corpus';
import { TEXT_SIMILARITY } from './evidence';
import { DEFAULT_HUB_RULES, type HubRules } from './hubs';
import type { IgnoreList } from './ignore-list';
import { EdgeList, pairA, pairB, pairKey, type Link } from './link-graph';
import { BANDS, bandKeys } from './lsh';
import { SIGNATURE_BINS, similarity } from './minhash';
import { categoryBits, estimateModel, identifierBits, SERIES_BITS, SUGGESTION_BITS, WEAK_CLASSES, type LinkModel } from './model';
import { observe } from './observe';
import type { EngineOverrides } from './overrides';
import { PairScorer } from './pair-score';
import { carriedGroups, worthStoring, type GroupCount, type StoredGroups } from './groups';
import { buildPostings, countGroups, countGroupsGlobal, deadValues, type Hub } from './postings';
import { DEFAULT_CHECK_EVERY, ticker, type RunControl } from './progress';
import { UnionFind } from './union-find';

export { Cancelled } from './progress';
export type { Hub } from './postings';

/** Progress per stage; cancellation (signal or shouldStop) is checked every `checkEvery` items. */
export interface EngineOptions extends RunControl {
  readonly ignore: IgnoreList;
  /** Hubs known from the whole store (an incremental run sees only part of it). */
  readonly knownHubs?: ReadonlySet<string>;
  /** Detect hubs past the cap from this corpus' own counts (a full run). */
  readonly detectHubs?: boolean;
  /** Report count to judge the cap against (the whole store). */
  readonly totalReports?: number;
  readonly hubRules?: HubRules;
  /** Postings larger than this are not weighed pair by pair (too common to pair up). */
  readonly maxWeakPosting?: number;
  /** A text bucket (one band, one category) larger than this is a template judged common. */
  readonly maxTextBucket?: number;
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
  /** The model to weigh with; without one the engine estimates it from this corpus. */
  readonly model?: LinkModel;
  /**
   * Group counts known from the store (a run that does not estimate the model): values for which
   * `fresh` is false take `stored` (absent: at most two groups); the others, whose holders changed
   * and are all loaded, are counted among their holders. Without it, every value is counted over
   * the whole corpus.
   */
  readonly valueGroups?: StoredGroups;
  /** Reference and well-known service sites: URL or domain keys that are no evidence. */
  readonly isReference?: (key: string) => boolean;
  /** Pairs of report indexes an investigator rejected as a suggestion: no suggestion between their groups. */
  readonly rejected?: readonly (readonly [number, number])[];
}

export interface EngineResult {
  /** Per report index: the smallest report index of its group. */
  readonly group: Int32Array;
  /** Series links carried by identifier evidence, in columns (there may be millions). */
  readonly strong: StrongPairs;
  /** Investigators' merges, as links with evidence 'correction'. */
  readonly weakLinks: readonly Link[];
  /** The best lead between each two groups that identifier evidence left apart. */
  readonly suggestions: readonly Link[];
  readonly hubs: readonly Hub[];
  /** Values too large to pair; kept for incremental runs. */
  readonly large: readonly string[];
  /** Text buckets too large to count (templates judged common); kept for incremental runs. */
  readonly blockedBands: readonly number[];
  /** The model weighed with (estimated here when none was given). */
  readonly model: LinkModel;
  readonly estimated: boolean;
  /** Group counts worth storing (groups.ts) of the corpus' values, by key. */
  readonly valueGroups: ReadonlyMap<string, GroupCount>;
  /** Keys of the values counted here (an incremental run writes their counts back). */
  readonly countedValues: readonly string[];
  /** How each strong pair's evidence is written: per value term and the pair's category term. */
  readonly scorer: PairScorer;
}

/** Strong links in columns: pair k is (a[k], b[k]) with terms vals[start[k]..start[k+1]) (value id × 4 + origin). */
export interface StrongPairs {
  readonly count: number;
  readonly a: Int32Array;
  readonly b: Int32Array;
  readonly start: Int32Array;
  readonly vals: Int32Array;
}

const LABELLED_PAIRS = 50_000;

export function runEngine(c: Corpus, options: EngineOptions): EngineResult {
  const rules = options.hubRules ?? DEFAULT_HUB_RULES;
  const maxWeak = options.maxWeakPosting ?? 50;
  const maxBucket = options.maxTextBucket ?? 60;
  const total = options.totalReports ?? c.n;
  const tick = ticker(options);
  const every = options.checkEvery ?? DEFAULT_CHECK_EVERY;

  // 1. Postings, values that are no evidence, groups per value.
  const p = buildPostings(c, tick, every);
  const { nv, start, report, origin } = p;
  const { dead, hubs } = deadValues(
    c,
    p,
    {
      ignore: options.ignore,
      ...(options.knownHubs ? { knownHubs: options.knownHubs } : {}),
      detectHubs: options.detectHubs !== false,
      totalReports: total,
      rules,
      ...(options.isReference ? { isReference: options.isReference } : {}),
    },
    tick,
    every,
  );
  const cls = (v: number): string => c.classes[c.valueClass[v] as number] as string;
  const identifierValue = (v: number): boolean => cls(v) !== 'domain';
  const strongClass = (v: number): boolean => identifierValue(v) && !WEAK_CLASSES.has(cls(v));
  // Group counts: over the whole corpus when estimating; otherwise carried on from the stored
  // counts (groups.ts).
  const vg = options.valueGroups;
  const local = countGroups(c, p, dead, tick, every, {
    ...(vg ? { only: (v: number) => vg.fresh(c.valueKeys[v] as string) } : {}),
    ...(options.model ? {} : { labelledPairs: LABELLED_PAIRS }),
    isStrong: strongClass,
  });
  const groups = vg ? carriedGroups(c, dead, local.groups, vg) : countGroupsGlobal(c, p, dead, tick, every);
  const counted = { labelled: local.labelled };

  // Corrections: a report standing alone takes part in nothing; a value marked wrong does not
  // count for a report, or between two reports.
  const ov = options.overrides;
  const isolated = ov?.isolated;
  const skipped = (r: number, drop: ReadonlySet<number> | undefined): boolean => isolated?.[r] === 1 || (drop !== undefined && drop.has(r));

  // The model: given, or estimated from this corpus (identifier rates and the category comparison
  // now; text, brand and sender rates once the groups are known).
  const merges = (ov?.mustLink ?? []).filter((m) => isolated?.[m.a] !== 1 && isolated?.[m.b] !== 1);
  const observations = options.model ? null : observe(c, p, dead, groups, counted.labelled, merges, cls);
  let model: LinkModel = options.model ?? estimateModel(observations!.base());
  const scorer = new PairScorer(c, model, groups, cls);

  // 2. Series links. Same-category stars of values that reach the series threshold alone.
  const strong = new EdgeList();
  const pairs = new Map<number, number[]>();
  const large = new Uint8Array(nv);
  const largeKeys: string[] = [];
  const sameBits = categoryBits(model, 'same');
  const anchors = new Map<number, number>();
  for (let v = 0; v < nv; v++) {
    if (v % every === 0) tick('strong', v, nv);
    if (dead[v] === 1) continue;
    const from = start[v] as number;
    const to = start[v + 1] as number;
    const size = to - from;
    if (size > maxWeak) {
      large[v] = 1;
      largeKeys.push(c.valueKeys[v] as string);
    } else if (options.largeValues?.has(c.valueKeys[v] as string)) large[v] = 1;
    if (size < 2) continue;
    const drop = ov?.dropped.get(v);
    const forbid = ov?.forbidden.get(v);
    // Which origins tie any two same-category reports alone.
    const eligible = [false, false, false];
    if (strongClass(v))
      for (let o = 0; o < 3; o++)
        eligible[o] = identifierBits(model, cls(v), o as 0 | 1 | 2, groups[v] as number) + sameBits >= SERIES_BITS;
    let all = true;
    anchors.clear();
    for (let k = from; k < to; k++) {
      const r = report[k] as number;
      if (skipped(r, drop)) continue;
      if (!eligible[origin[k] as number]) {
        all = false;
        continue;
      }
      const cat = c.category[r] as number;
      const anchor = anchors.get(cat);
      if (anchor === undefined) anchors.set(cat, k);
      else if (forbid === undefined || !forbid.has(pairKey(report[anchor] as number, r)))
        strong.push(report[anchor] as number, r, v * 4 + Math.max(origin[anchor] as number, origin[k] as number));
      else all = false;
    }
    // Pairs weighed one by one: across categories, or where the star did not reach every report.
    if ((anchors.size > 1 || !all) && large[v] === 0) {
      for (let x = from; x < to; x++) {
        const ra = report[x] as number;
        if (skipped(ra, drop)) continue;
        for (let y = x + 1; y < to; y++) {
          const rb = report[y] as number;
          if (skipped(rb, drop)) continue;
          if (c.category[ra] === c.category[rb] && eligible[origin[x] as number] && eligible[origin[y] as number]) continue;
          const key = pairKey(ra, rb);
          if (forbid?.has(key)) continue;
          const term = v * 4 + Math.max(origin[x] as number, origin[y] as number);
          const list = pairs.get(key);
          if (list) list.push(term);
          else pairs.set(key, [term]);
        }
      }
    }
  }
  // Groups by series links: the known groups of an incremental run, the stars, then the pairs.
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
  let judged = 0;
  for (const [key, terms] of pairs) {
    if (judged++ % every === 0) tick('weighing', judged, pairs.size);
    const a = pairA(key);
    const b = pairB(key);
    if (scorer.seriesBits(a, b, terms) < SERIES_BITS) continue;
    for (const t of terms) if (identifierValue(t >> 2)) strong.push(a, b, t);
    uf.union(a, b);
  }
  // Investigators' merges join whatever the evidence says (a report standing alone excepted).
  for (const m of merges) uf.union(m.a, m.b);

  // 3. Suggestions: candidates between groups, scored with every term (the rest of the model
  // estimated first, now that the groups are known).
  const text = textCandidates(c, uf, maxBucket, options.blockedBands, isolated, tick, every);
  if (observations) {
    model = estimateModel(observations.withGroups(uf, text.buckets, text.multi));
    scorer.setModel(model);
  }
  const best = new Map<number, Link>();
  const consider = (key: number, terms: readonly number[] | undefined): void => {
    const a = pairA(key);
    const b = pairB(key);
    const ga = uf.find(a);
    const gb = uf.find(b);
    if (ga === gb) return;
    const sim = text.sim.get(key);
    const scored = scorer.suggestion(
      a,
      b,
      terms ?? [],
      sim === undefined ? undefined : { similarity: sim, groups: text.groups.get(key) as number },
    );
    if (scored.weight < SUGGESTION_BITS) return;
    const gk = pairKey(ga, gb);
    const held = best.get(gk);
    if (
      held === undefined ||
      scored.weight > held.weight ||
      (scored.weight === held.weight && (a < held.a || (a === held.a && b < held.b)))
    )
      best.set(gk, scored);
  };
  judged = 0;
  const candidates = pairs.size + text.sim.size;
  for (const [key, terms] of pairs) {
    if (judged++ % every === 0) tick('suggestions', judged, candidates);
    consider(key, terms);
  }
  for (const key of text.sim.keys()) {
    if (judged++ % every === 0) tick('suggestions', judged, candidates);
    if (!pairs.has(key)) consider(key, undefined);
  }
  const refused = new Set<number>();
  for (const [a, b] of options.rejected ?? []) refused.add(pairKey(uf.find(a), uf.find(b)));
  const suggestions = [...best].filter(([gk]) => !refused.has(gk)).map(([, l]) => l);
  suggestions.sort((x, y) => y.weight - x.weight || x.a - y.a || x.b - y.b);

  const weakLinks: Link[] = merges.map((m) => ({
    a: m.a,
    b: m.b,
    weight: 1,
    strong: true,
    evidence: [{ type: 'correction', correction: m.correction, weight: 1 }],
  }));
  const group = new Int32Array(c.n);
  const smallest = new Int32Array(c.n).fill(-1);
  for (let i = 0; i < c.n; i++) {
    const r = uf.find(i);
    if (smallest[r] === -1) smallest[r] = i;
    group[i] = smallest[r] as number;
  }
  tick('groups', c.n, c.n);

  const valueGroups = new Map<string, GroupCount>();
  const countedValues: string[] = [];
  for (let v = 0; v < nv; v++) {
    if (dead[v] === 1) continue;
    const key = c.valueKeys[v] as string;
    const recounted = !vg || vg.fresh(key);
    const count: GroupCount = {
      groups: groups[v] as number,
      local: recounted ? (local.groups[v] as number) : (vg.stored.get(key)?.local ?? 1),
    };
    if (worthStoring(count)) valueGroups.set(key, count);
    if (recounted) countedValues.push(key);
  }
  return {
    group,
    strong: strongPairs(c, strong),
    weakLinks,
    suggestions,
    hubs,
    large: largeKeys,
    blockedBands: text.blocked,
    model,
    estimated: observations !== null,
    valueGroups,
    countedValues,
    scorer,
  };
}

/**
 * The holders (report indexes) of the values whose weight this corpus' changes lower: carried on
 * (groups.ts), more groups carry them beyond the two a link joins. An incremental run relinks their
 * series whole, as links through such a value elsewhere may go.
 */
export function weakenedHolders(c: Corpus, options: EngineOptions & { readonly valueGroups: StoredGroups }): number[] {
  const tick = ticker(options);
  const every = options.checkEvery ?? DEFAULT_CHECK_EVERY;
  const p = buildPostings(c, tick, every);
  const { dead } = deadValues(
    c,
    p,
    {
      ignore: options.ignore,
      ...(options.knownHubs ? { knownHubs: options.knownHubs } : {}),
      detectHubs: false,
      totalReports: options.totalReports ?? c.n,
      rules: options.hubRules ?? DEFAULT_HUB_RULES,
      ...(options.isReference ? { isReference: options.isReference } : {}),
    },
    tick,
    every,
  );
  const sg = options.valueGroups;
  const local = countGroups(c, p, dead, tick, every, { only: (v) => sg.fresh(c.valueKeys[v] as string) });
  const now = carriedGroups(c, dead, local.groups, sg);
  const out = new Set<number>();
  for (let v = 0; v < p.nv; v++) {
    if (dead[v] === 1) continue;
    const before = sg.stored.get(c.valueKeys[v] as string)?.groups ?? 1;
    if (Math.max(0, (now[v] as number) - 2) <= Math.max(0, before - 2)) continue;
    for (let k = p.start[v] as number; k < (p.start[v + 1] as number); k++) out.add(c.rid[p.report[k] as number] as number);
  }
  return [...out];
}

/** Every LSH bucket of message texts (bands salted with the category), as lists of report indexes. */
function forEachBucket(
  c: Corpus,
  blocked: ReadonlySet<number> | undefined,
  isolated: Uint8Array | undefined,
  visit: (members: number[], bucket: number) => void,
  tick?: (done: number, total: number) => void,
  every = DEFAULT_CHECK_EVERY,
): void {
  let m = 0;
  for (let i = 0; i < c.n; i++) if (c.hasText[i] === 1) m += 1;
  const keys = new Float64Array(m * BANDS);
  const bands = new Int32Array(BANDS);
  const salts = c.categories.map(categorySalt);
  let k = 0;
  for (let i = 0; i < c.n; i++) {
    if (c.hasText[i] !== 1 || isolated?.[i] === 1) continue;
    bandKeys(c.sig, i * SIGNATURE_BINS, bands);
    for (let b = 0; b < BANDS; b++) {
      const salted = saltBand(bands[b] as number, salts[c.category[i] as number] as number);
      if (blocked?.has(salted)) continue;
      keys[k++] = salted * 4194304 + i;
    }
  }
  const sorted = keys.subarray(0, k).sort();
  let x = 0;
  let checked = 0;
  const members: number[] = [];
  while (x < sorted.length) {
    if (tick && x >= checked) {
      tick(x, sorted.length);
      checked = x + every;
    }
    const bucket = Math.floor((sorted[x] as number) / 4194304);
    let y = x + 1;
    while (y < sorted.length && Math.floor((sorted[y] as number) / 4194304) === bucket) y++;
    members.length = 0;
    for (let q = x; q < y; q++) members.push((sorted[q] as number) % 4194304);
    visit(members, bucket);
    x = y;
  }
}

/** Near-duplicate texts between groups, with the distinct groups of the bucket they met in. */
function textCandidates(
  c: Corpus,
  uf: UnionFind,
  maxBucket: number,
  blockedBands: ReadonlySet<number> | undefined,
  isolated: Uint8Array | undefined,
  tick: (stage: string, done: number, total: number | null) => void,
  every: number,
): { sim: Map<number, number>; groups: Map<number, number>; blocked: number[]; buckets: number; multi: number } {
  const sim = new Map<number, number>();
  const groups = new Map<number, number>();
  const blocked: number[] = [];
  let buckets = 0;
  let multi = 0;
  forEachBucket(
    c,
    blockedBands,
    isolated,
    (members, bucket) => {
      if (members.length > maxBucket) {
        blocked.push(bucket);
        return;
      }
      if (members.length < 2) return;
      const roots = new Set<number>();
      for (const r of members) roots.add(uf.find(r));
      buckets++;
      if (roots.size >= 3) multi++;
      if (roots.size < 2) return;
      for (let p = 0; p < members.length; p++) {
        const ra = members[p] as number;
        const root = uf.find(ra);
        for (let q = p + 1; q < members.length; q++) {
          const rb = members[q] as number;
          // Only near-duplicates between groups matter; a pair met in several bands keeps the
          // smallest bucket it met in (the least common template).
          if (uf.find(rb) === root) continue;
          const key = pairKey(ra, rb);
          const known = groups.get(key);
          if (known !== undefined) {
            if (roots.size < known) groups.set(key, roots.size);
            continue;
          }
          const s = similarity(c.sig, ra * SIGNATURE_BINS, c.sig, rb * SIGNATURE_BINS);
          if (s >= TEXT_SIMILARITY) {
            sim.set(key, s);
            groups.set(key, roots.size);
          }
        }
      }
    },
    (done, total) => tick('text buckets', done, total),
    every,
  );
  return { sim, groups, blocked, buckets, multi };
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
      const t = edges.v[order[x] as number] as number;
      // One term per value: the strongest origin it was found under for this pair.
      let dup = false;
      for (let k = first; k < nv; k++) {
        if ((vals[k] as number) >> 2 === t >> 2) {
          dup = true;
          if (t < (vals[k] as number)) vals[k] = t;
        }
      }
      if (!dup) vals[nv++] = t;
      x++;
    }
    count++;
  }
  start[count] = nv;
  return { count, a, b, start, vals };
}

/** Every series link as an object with its evidence (tests, explain of small corpora). */
export function linksOf(c: Corpus, r: EngineResult): Link[] {
  const out: Link[] = [];
  const s = r.strong;
  for (let k = 0; k < s.count; k++) {
    const terms = Array.from(s.vals.subarray(s.start[k] as number, s.start[k + 1] as number));
    out.push(r.scorer.seriesLink(s.a[k] as number, s.b[k] as number, terms));
  }
  return [...out, ...r.weakLinks];
}
