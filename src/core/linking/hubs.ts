// Over-common values must not chain unrelated reports. Their weight already falls with the number
// of distinct groups carrying them (model.ts); on top of that, as a backstop, a value held by more
// reports than an absolute cap is a hub and no evidence at all, whatever its spread (as MISP's
// correlation limit), and so is every value on the ignore list. No rule leans on how many scam
// categories a value spans: in a precinct where one or two kinds of scam dominate, a hub never
// spans many.

export interface HubRules {
  /** A value in more than this share of all reports (and more than `floorReports`) is a hub. */
  readonly maxShare: number;
  readonly floorReports: number;
}

export const DEFAULT_HUB_RULES: HubRules = { maxShare: 0.005, floorReports: 2000 };

/** The most reports a value may be held by and still be evidence. */
export function capOf(totalReports: number, rules: HubRules = DEFAULT_HUB_RULES): number {
  return Math.max(rules.floorReports, rules.maxShare * totalReports);
}

export function isHubByCount(reports: number, totalReports: number, rules: HubRules = DEFAULT_HUB_RULES): boolean {
  return reports > capOf(totalReports, rules);
}
