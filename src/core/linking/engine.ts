// The linking engine, pure: a Corpus in, series links with their evidence, the groups, and the
// suggestions out. No store, no worker, no clock — the same input gives the same output.
//
// Evidence is weighed by the linking model (model.ts) in bits, and acted on in two tiers:
// 1. Postings per value; values that are no evidence (ignore list, hubs past the cap, reference
//    sites) set aside; per value the distinct groups carrying it (postings.ts).
// 2. Series (series-links.ts): a pair of reports is linked when its identifier evidence alone —
//    the values both hold, weighed by where they were found and how many groups carry them, and
//    the category comparison — reaches SERIES_BITS (a posterior probability of 0.99). A value that
//    reaches it for any two reports of one category ties them as a star (k−1 edges, never k²
//    pairs); the pairs of small postings are weighed one by one, their values summed (two reports
//    of different categories need more than one value, as a mule account rented to two gangs shows).
// 3. Suggestions (suggest.ts; near-duplicate texts from text-buckets.ts): every other candidate
//    pair — weaker identifier evidence, near-identical text, a shared domain, with time, brand and
//    sender — is scored with all its terms; between two groups the best pair at SUGGESTION_BITS or
//    more is a suggestion. Suggestions never join anything: an investigator accepts (a merge
//    correction) or rejects them.
import type { Corpus } from './corpus';
import { DEFAULT_HUB_RULES, type HubRules } from './hubs';
import type { IgnoreList } from './ignore-list';
import { pairKey, type EdgeList, type Link } from './link-graph';
import { estimateModel, type LinkModel } from './model';
import { observe } from './observe';
import type { EngineOverrides } from './overrides';
import { PairScorer } from './pair-score';
import { carriedGroups, worthStoring, type GroupCount, type StoredGroups } from './groups';
import { buildPostings, countGroups, countGroupsGlobal, deadValues, type Hub } from './postings';
import { DEFAULT_CHECK_EVERY, ticker, type RunControl } from './progress';
import { isStrongClass, seriesLinks, type Bridged } from './series-links';
import { suggestions } from './suggest';
import { textCandidates } from './text-buckets';

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
  const { nv } = p;
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
  const strongClass = (v: number): boolean => isStrongClass(cls(v));
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

  // 2. Series links and the groups they form.
  const { strong, pairs, largeKeys, uf, bridged } = seriesLinks({
    c,
    p,
    dead,
    groups,
    model,
    scorer,
    cls,
    maxWeak,
    largeValues: options.largeValues,
    knownGroups: options.knownGroups,
    overrides: ov,
    skipped,
    tick,
    every,
  });
  // Investigators' merges join whatever the evidence says (a report standing alone excepted).
  for (const m of merges) uf.union(m.a, m.b);

  // 3. Suggestions: candidates between groups, scored with every term (the rest of the model
  // estimated first, now that the groups are known).
  const text = textCandidates(c, uf, maxBucket, options.blockedBands, isolated, tick, every);
  if (observations) {
    model = estimateModel(observations.withGroups(uf, text.buckets, text.multi));
    scorer.setModel(model);
  }
  const found = withBridges(suggestions(uf, scorer, pairs, text, options.rejected ?? [], tick, every), bridged);

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
    suggestions: found,
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

/** A lead whose pair a bridge value alone tied says so: why it is not a series link. */
function withBridges(found: Link[], bridged: ReadonlyMap<number, Bridged>): Link[] {
  if (bridged.size === 0) return found;
  return found.map((l) => {
    const b = bridged.get(pairKey(l.a, l.b));
    return b === undefined ? l : { ...l, evidence: [...l.evidence, { type: 'bridge', sides: b.sides, weight: 0 }] };
  });
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
