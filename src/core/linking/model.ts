// The linking model: evidence weighed as Fellegi and Sunter do (and Splink implements), in bits.
// For every kind of comparison between two reports, m is the chance that two reports of one gang
// agree so and u the chance that two unrelated reports do; a term weighs log2(m/u) bits, and a
// pair's score is the prior log-odds plus its terms. u comes from the store itself:
// - identifiers, domains, texts, brands and senders by term frequency over distinct groups: a
//   value carried by g groups of reports (reports joined by other values count as one group, so a
//   big gang's phone is not penalised for being big) has u = (c + β) / G with c the groups beyond
//   the two a link would join that are expected to be unrelated (extraGroups: few groups are
//   likely one gang, many a common value), β the kind's rate of common values (the share of its
//   shared values carried by five or more groups), and G the number of groups. With the
//   prior odds 1/G of two groups being one gang, a value's term and the prior together weigh
//   log2(m / (c + β)): the size of the store cancels out;
// - the category comparison (same within the time window / same / different) from random pairs.
// m starts from priors (the hand weights this engine had) and is refined, for the comparisons that
// do not depend on identifiers, from pairs of reports tied by two independent identifiers and from
// investigators' merges. Every estimate is smoothed towards its prior, so a small store weighs
// evidence as the priors say.
import type { Db } from '../store/db';

/** Where a report has a value: listed by the citizen, in the fraudster's message, in a narrative. */
export const ORIGINS = ['reported', 'message', 'narrative'] as const;
export type OriginCode = 0 | 1 | 2;
export const originCode = (origin: string | null | undefined): OriginCode => (origin === 'message' ? 1 : origin === 'narrative' ? 2 : 0);

/** What m says about where a value was found: a narrative's mention is weaker evidence. */
const ORIGIN_M = [1, 0.95, 0.3] as const;

export type CategoryLevel = 'same_window' | 'same' | 'different';
export const CATEGORY_LEVELS: readonly CategoryLevel[] = ['same_window', 'same', 'different'];

export interface Probabilities {
  readonly m: number;
  readonly u: number;
}

export interface TfComparison {
  /** Chance that two reports of one gang agree (when both have the field). */
  readonly m: number;
  /** Rate of common values: the share of shared values carried by five or more groups (observe.ts). */
  readonly beta: number;
}

export interface LinkModel {
  readonly version: 1;
  /** Reports and groups of reports (joined by identifiers) the model was estimated on. */
  readonly reports: number;
  readonly groups: number;
  /** Per identifier class (kind, with weak phones apart): m for a value listed by the citizen, and β. */
  readonly identifier: Readonly<Record<string, TfComparison>>;
  readonly category: Readonly<Record<CategoryLevel, Probabilities>>;
  readonly text: TfComparison;
  readonly brand: TfComparison;
  readonly sender: TfComparison;
  readonly domain: TfComparison;
  /** Distinct groups carrying each brand tag or sender pattern seen in three or more ('b:…', 's:…'). */
  readonly tagGroups: Readonly<Record<string, number>>;
  /** Labelled pairs the m estimates rest on. */
  readonly labelledPairs: number;
}

/** Posterior probability a series link needs (0.99), and the least a suggestion is worth (0.5). */
export const SERIES_PROBABILITY = 0.95;
export const SUGGESTION_PROBABILITY = 0.5;
export const SERIES_BITS = Math.log2(SERIES_PROBABILITY / (1 - SERIES_PROBABILITY));
export const SUGGESTION_BITS = Math.log2(SUGGESTION_PROBABILITY / (1 - SUGGESTION_PROBABILITY));

/** Identifier kinds that never form a series alone: shared by many senders (gateways, IPs). */
export const WEAK_CLASSES: ReadonlySet<string> = new Set(['phone_weak', 'ip']);

const STRONG_PRIOR: TfComparison = { m: 0.95, beta: 0.01 };
const WEAK_PRIOR: TfComparison = { m: 0.5, beta: 0.1 };

/** The priors: the engine's former hand weights, read as probabilities. */
export const PRIOR_MODEL: LinkModel = {
  version: 1,
  reports: 0,
  groups: 0,
  identifier: {
    phone: STRONG_PRIOR,
    bank_card: STRONG_PRIOR,
    bank_account: STRONG_PRIOR,
    iban: STRONG_PRIOR,
    alipay: STRONG_PRIOR,
    wechat: STRONG_PRIOR,
    qq: STRONG_PRIOR,
    url: STRONG_PRIOR,
    email: STRONG_PRIOR,
    device: STRONG_PRIOR,
    crypto: STRONG_PRIOR,
    phone_weak: WEAK_PRIOR,
    ip: WEAK_PRIOR,
  },
  category: {
    same_window: { m: 0.6, u: 0.03 },
    same: { m: 0.35, u: 0.17 },
    different: { m: 0.05, u: 0.8 },
  },
  text: { m: 0.4, beta: 0.05 },
  brand: { m: 0.5, beta: 0.05 },
  sender: { m: 0.3, beta: 0.05 },
  domain: { m: 0.5, beta: 0.1 },
  tagGroups: {},
  labelledPairs: 0,
};

/** Pseudo-counts of the priors: how many observations an estimate needs to move half-way. */
const PRIOR_VALUES = 50;
const PRIOR_PAIRS = 200;

const bits = (m: number, u: number): number => Math.log2(m / u);
const round = (x: number, digits = 4): number => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * Of a gang's reports holding one value, the chance that one more of them shares no other value
 * with the rest (so that it counts as a group of its own). A prior, not estimated.
 */
export const GANG_SPREAD = 0.7;

/**
 * The groups beyond the two a link joins that are expected to be unrelated to them. Groups that
 * share nothing but the value are either one gang whose reports share nothing else, or a common
 * value (a hub) among unrelated ones. With β the kind's rate of common values, the chance of the
 * second is β / (β + (1 − β)·GANG_SPREAD^(g−1)): small for three groups, near certain for ten.
 */
export function extraGroups(groups: number, beta: number): number {
  if (groups <= 2) return 0;
  const hub = beta / (beta + (1 - beta) * GANG_SPREAD ** (groups - 1));
  return (groups - 2) * hub;
}

/** The term of a value (or text, brand, sender) carried by `groups` groups, prior included. */
export function tfBits(p: TfComparison, groups: number, originM = 1): number {
  return bits(p.m * originM, extraGroups(groups, p.beta) + p.beta);
}

export function identifierBits(model: LinkModel, cls: string, origin: OriginCode, groups: number): number {
  const p = model.identifier[cls] ?? STRONG_PRIOR;
  return tfBits(p, groups, ORIGIN_M[origin]);
}

export function categoryBits(model: LinkModel, level: CategoryLevel): number {
  const p = model.category[level];
  return bits(p.m, p.u);
}

/** The prior log-odds that two groups are one gang's, shown in explanations. */
export function priorBits(groups: number): number {
  return -Math.log2(Math.max(2, groups));
}

export const probabilityOf = (score: number): number => 1 / (1 + 2 ** -score);

/** What a run observed, from which the model is estimated. */
export interface Observations {
  readonly reports: number;
  readonly groups: number;
  /** Per identifier class: shared values, and of those carried by COMMON_GROUPS or more groups. */
  readonly values: ReadonlyMap<string, { shared: number; multi: number }>;
  readonly domains: { shared: number; multi: number };
  /** Category levels of random pairs, and of labelled pairs. */
  readonly randomLevels: readonly [number, number, number];
  readonly labelledLevels: readonly [number, number, number];
  /** Labelled pairs where both have text, brand, sender; and of those, agreeing. */
  readonly text: { both: number; agree: number; buckets: number; multi: number };
  readonly brand: { both: number; agree: number; shared: number; multi: number };
  readonly sender: { both: number; agree: number; shared: number; multi: number };
  readonly tagGroups: ReadonlyMap<string, number>;
  readonly labelledPairs: number;
}

const smooth = (hits: number, n: number, prior: number, weight: number): number => (hits + prior * weight) / (n + weight);

export function estimateModel(o: Observations): LinkModel {
  const identifier: Record<string, TfComparison> = {};
  for (const [cls, p] of Object.entries(PRIOR_MODEL.identifier)) {
    const seen = o.values.get(cls);
    identifier[cls] = { m: p.m, beta: round(smooth(seen?.multi ?? 0, seen?.shared ?? 0, p.beta, PRIOR_VALUES), 5) };
  }
  const levels = CATEGORY_LEVELS;
  const randomTotal = o.randomLevels[0] + o.randomLevels[1] + o.randomLevels[2];
  const labelledTotal = o.labelledLevels[0] + o.labelledLevels[1] + o.labelledLevels[2];
  const category = {} as Record<CategoryLevel, Probabilities>;
  levels.forEach((level, k) => {
    const p = PRIOR_MODEL.category[level];
    category[level] = {
      m: round(smooth(o.labelledLevels[k] as number, labelledTotal, p.m, PRIOR_PAIRS)),
      u: round(smooth(o.randomLevels[k] as number, randomTotal, p.u, PRIOR_PAIRS), 5),
    };
  });
  const tf = (prior: TfComparison, agree: number, both: number, multi: number, shared: number): TfComparison => ({
    m: round(smooth(agree, both, prior.m, PRIOR_PAIRS)),
    beta: round(smooth(multi, shared, prior.beta, PRIOR_VALUES), 5),
  });
  const tagGroups: Record<string, number> = {};
  for (const [tag, g] of [...o.tagGroups].sort((x, y) => (x[0] < y[0] ? -1 : 1))) if (g >= 3) tagGroups[tag] = g;
  return {
    version: 1,
    reports: o.reports,
    groups: o.groups,
    identifier,
    category,
    text: tf(PRIOR_MODEL.text, o.text.agree, o.text.both, o.text.multi, o.text.buckets),
    brand: tf(PRIOR_MODEL.brand, o.brand.agree, o.brand.both, o.brand.multi, o.brand.shared),
    sender: tf(PRIOR_MODEL.sender, o.sender.agree, o.sender.both, o.sender.multi, o.sender.shared),
    domain: { m: PRIOR_MODEL.domain.m, beta: round(smooth(o.domains.multi, o.domains.shared, PRIOR_MODEL.domain.beta, PRIOR_VALUES), 5) },
    tagGroups,
    labelledPairs: o.labelledPairs,
  };
}

/** The model the last estimating run stored, or null. */
export function readModel(db: Db): { model: LinkModel; estimatedAt: string } | null {
  const row = db.prepare('SELECT params, estimated_at FROM link_model WHERE id = 1').get() as
    { params: string; estimated_at: string } | undefined;
  if (!row) return null;
  const model = JSON.parse(row.params) as LinkModel;
  return model.version === 1 ? { model, estimatedAt: row.estimated_at } : null;
}

export function writeModel(db: Db, model: LinkModel, at: string): void {
  db.prepare('INSERT OR REPLACE INTO link_model (id, estimated_at, reports, groups, params) VALUES (1, ?, ?, ?, ?)').run(
    at,
    model.reports,
    model.groups,
    JSON.stringify(model),
  );
}

/**
 * A full run estimates the model again when the store has changed by a fifth since, and by at
 * least 500 reports (a small store is weighed by the priors mostly), or when there is none.
 */
export const REESTIMATE_CHANGE = 0.2;
export const REESTIMATE_REPORTS = 500;

export function modelIsStale(stored: LinkModel | null, reports: number): boolean {
  if (stored === null) return true;
  const change = Math.abs(reports - stored.reports);
  return change >= REESTIMATE_REPORTS && change >= REESTIMATE_CHANGE * stored.reports;
}
