// Over-common values must not chain unrelated reports. A value is a hub when it is on the
// ignore list, or when the reports that share it look unrelated: many reports across many scam
// categories (a bank hotline, a platform domain), or simply too many reports to be one gang's.
// A mule account rented to two gangs spans two categories and stays evidence (the engine keeps
// it from joining across categories alone).
import type { Corpus } from './corpus';

export interface HubRules {
  /** From this many reports a value is examined at all. */
  readonly minReports: number;
  /** ...and is a hub when its reports span this many categories. */
  readonly minCategories: number;
  /** A value in more than this share of all reports (and at least `floorReports`) is a hub whatever its spread. */
  readonly maxShare: number;
  readonly floorReports: number;
}

export const DEFAULT_HUB_RULES: HubRules = { minReports: 20, minCategories: 4, maxShare: 0.005, floorReports: 2000 };

export interface HubStats {
  readonly reports: number;
  readonly categories: number;
  readonly precincts: number;
}

/** The hub verdict for one value's postings (report indexes). */
export function isHubByCounts(stats: HubStats, totalReports: number, rules: HubRules = DEFAULT_HUB_RULES): boolean {
  if (stats.reports < rules.minReports) return false;
  if (stats.categories >= rules.minCategories) return true;
  return stats.reports > Math.max(rules.floorReports, rules.maxShare * totalReports);
}

export function postingStats(c: Corpus, reports: Int32Array, from: number, to: number): HubStats {
  const cats = new Set<number>();
  const precincts = new Set<number>();
  for (let k = from; k < to; k++) {
    const i = reports[k] as number;
    cats.add(c.category[i] as number);
    precincts.add(c.precinct[i] as number);
  }
  return { reports: to - from, categories: cats.size, precincts: precincts.size };
}
