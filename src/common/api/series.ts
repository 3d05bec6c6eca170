// The API contract: the overview, series, their network, suggestions and explanations. Combined in ../api.ts.

import type { CaseStatus, Category, IdentifierKind, IdentifierOrigin, Money, ReportMessage } from '../model';

export type { CaseStatus };

/** Amounts by currency code, decimal strings: `{ "CNY": "12500.00" }`. */
export type LossByCurrency = Readonly<Record<string, string>>;

export interface CountByDay {
  /** YYYY-MM-DD (the report's own offset). */
  readonly day: string;
  readonly reports: number;
  /** Loss that day in the threshold currency, decimal string. */
  readonly loss: string;
}

export interface Overview {
  readonly reports: number;
  readonly series: number;
  readonly overThreshold: number;
  /** Of those over the threshold, the series none of whose reports reaches it alone. */
  readonly onlyTogether: number;
  /** Every live report's loss, and the part of it in series, by currency. */
  readonly totalLoss: LossByCurrency;
  readonly linkedLoss: LossByCurrency;
  readonly threshold: Money;
  /** Per day (or per week/month when the span is long: `bucket` says which), in the threshold currency. */
  readonly bucket: 'day' | 'week' | 'month';
  readonly overTime: readonly CountByDay[];
  readonly byCategory: readonly { readonly category: Category; readonly reports: number; readonly loss: string }[];
  /** Newest first by the time they crossed the threshold. */
  readonly newestOver: readonly SeriesRow[];
  /** Fraudster identifiers seen in the most reports (hubs and ignored values excluded). */
  readonly topIdentifiers: readonly {
    readonly kind: IdentifierKind;
    readonly value: string;
    readonly reports: number;
    readonly series: readonly string[];
  }[];
  /** When the last link run finished (null: never linked). */
  readonly linkedAt: string | null;
}

export interface SeriesRow {
  readonly id: string;
  readonly reports: number;
  /** Distinct victims (by victim phone or ID number when given, else by report). */
  readonly victims: number;
  readonly loss: LossByCurrency;
  /** Loss in the threshold currency, decimal string, for the bar against the threshold. */
  readonly thresholdLoss: string;
  readonly overThreshold: boolean;
  /** Over the threshold although none of its reports reaches it alone. */
  readonly onlyTogether: boolean;
  /** When the report that pushed it over says its fraud happened (else when it was reported). */
  readonly overAt: string | null;
  /**
   * How many of its reports say when their fraud happened: the threshold's window counted those
   * occurrence dates, and report dates for the rest.
   */
  readonly occurredReports: number;
  readonly firstAt: string | null;
  readonly lastAt: string | null;
  readonly categories: readonly Category[];
  /** The open case it belongs to, if any: the series' status is that case's status. */
  readonly caseId: string | null;
  readonly status: CaseStatus | null;
}

export type SeriesSort = 'loss' | 'reports' | 'victims' | 'last' | 'first' | 'id';

export interface SeriesQuery {
  /** Matches a series id, a report id in it, or an identifier value in it. */
  readonly text?: string;
  readonly overThreshold?: boolean;
  /** Only series over the threshold none of whose reports reaches it alone (or, false, the others). */
  readonly onlyTogether?: boolean;
  readonly categories?: readonly Category[];
  readonly status?: CaseStatus | 'none';
  /** Default: over-threshold first, then loss, descending. */
  readonly sort?: SeriesSort;
  readonly desc?: boolean;
  readonly offset: number;
  readonly limit: number;
}

export interface SeriesPage {
  readonly total: number;
  readonly offset: number;
  readonly rows: readonly SeriesRow[];
}

/** A node of a series' network: a report, or an identifier two or more of its reports share. */
export type GraphNode =
  | {
      readonly id: string;
      readonly type: 'report';
      readonly reportId: string;
      readonly category: Category;
      readonly reportedAt: string;
      readonly loss: Money | null;
      /** Set on reports brought in by `expand`: they are not in this series. */
      readonly outside?: true;
    }
  | {
      readonly id: string;
      readonly type: 'identifier';
      readonly kind: IdentifierKind;
      readonly value: string;
      /** Reports in the whole store carrying it (more than in this series for a hub). */
      readonly storeReports: number;
      /** A value too common to link on (a hub or an ignored value): shown collapsed. */
      readonly hub: boolean;
      readonly ignored: boolean;
    };

/** report–identifier edges ('has'); report–report edges ('link') carry the engine's evidence. */
export type GraphEdge =
  | {
      readonly id: string;
      readonly type: 'has';
      readonly source: string;
      readonly target: string;
      readonly origin: IdentifierOrigin;
      readonly wrong: boolean;
    }
  | {
      readonly id: string;
      readonly type: 'link';
      readonly source: string;
      readonly target: string;
      readonly weight: number;
      readonly strong: boolean;
      readonly evidence: readonly LinkEvidence[];
    };

/**
 * One term of the evidence on a link or a suggestion (the linking engine's, as `casegraph explain`
 * shows it). `weight` is the term's contribution in bits: log2 of its Bayes factor m/u, where m is
 * the chance that two reports of one gang agree so and u the chance that two unrelated ones do
 * (src/core/linking/model.ts). A link's own weight is the sum of its terms and the prior.
 */
export type LinkEvidence =
  | {
      readonly type: 'identifier';
      readonly kind: string;
      readonly value: string;
      readonly weight: number;
      readonly wrong?: boolean;
      /** Where the weaker of the two reports has the value: listed by the citizen, in the fraudster's message, or in a narrative. */
      readonly origin?: IdentifierOrigin;
      /** Distinct groups of reports carrying the value in the store (a value many groups share weighs little). */
      readonly groups?: number;
    }
  | { readonly type: 'domain'; readonly domain: string; readonly weight: number }
  | { readonly type: 'text'; readonly similarity: number; readonly weight: number; readonly groups?: number }
  | { readonly type: 'category_time'; readonly category: string; readonly days: number; readonly weight: number }
  /** The two reports' categories compared: the same (beyond the time window), or different (a negative weight). */
  | { readonly type: 'category'; readonly same: boolean; readonly category: string; readonly weight: number }
  | { readonly type: 'brand'; readonly brand: string; readonly weight: number; readonly groups?: number }
  | { readonly type: 'sender'; readonly pattern: string; readonly weight: number }
  /** The prior odds that two groups of reports are one gang's: about one in the number of groups. */
  | { readonly type: 'prior'; readonly groups: number; readonly weight: number }
  /**
   * The pair's identifier is the only tie between two groups of reports that other evidence holds
   * together (a card rented to a second gang looks so): the reports on each side, largest first.
   * Such a link is held back as a suggestion, never a series link on its own.
   */
  | { readonly type: 'bridge'; readonly sides: readonly number[]; readonly weight: number }
  /** An investigator's merge (series.merge, or an accepted suggestion): the two reports are joined whatever the evidence says. */
  | { readonly type: 'correction'; readonly correction: number; readonly weight: number };

/**
 * A lead the engine does not act on alone: two reports whose evidence is weak (text, time,
 * brand or sender, a shared domain only) or between the suggestion and series thresholds.
 * Accepting it merges their series (an investigator's correction); rejecting it means it is never
 * suggested again between those series.
 */
export interface Suggestion {
  /** Stable: 'SG-' and a hash of the two report ids. */
  readonly id: string;
  /** The two series it would join, as `casegraph series --all` names them ('R-<report id>' for a report in none). */
  readonly series: readonly [string, string];
  /** The two reports whose evidence carries it. */
  readonly reports: readonly [string, string];
  /** Bits: log2 of the posterior odds (the prior included). */
  readonly score: number;
  /** The posterior probability that the two reports are one gang's, 0..1. */
  readonly probability: number;
  readonly evidence: readonly LinkEvidence[];
  /** Reports and loss in the threshold currency (decimal string) of each side and of both together. */
  readonly sizes: readonly [number, number];
  readonly losses: readonly [string, string];
  readonly combinedLoss: string;
  /** Accepting it would push a series over the filing threshold that neither side reaches alone. */
  readonly crossesThreshold: boolean;
  readonly status: 'open' | 'accepted' | 'rejected';
  /** Who decided, when and why (accepted or rejected suggestions). */
  readonly decision: {
    readonly id: number;
    readonly actor: string;
    readonly at: string;
    readonly reason: string;
    readonly correction: number | null;
  } | null;
}

export interface SuggestionQuery {
  /** Only the suggestions touching this series (either side). */
  readonly series?: string;
  /** Default 'open'. */
  readonly status?: 'open' | 'accepted' | 'rejected';
  readonly offset: number;
  readonly limit: number;
}

export interface SuggestionPage {
  readonly total: number;
  /** Of `total`, how many would push a series over the threshold. */
  readonly crossing: number;
  readonly offset: number;
  /** Those that would push a series over the threshold first, then by score. */
  readonly rows: readonly Suggestion[];
}

export interface SeriesGraph {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  /**
   * True when the series is too large to draw whole (over 5,000 nodes and edges): identifier
   * nodes shared by only two reports whose link edge already names them as evidence are left out.
   * `expand` adds at most 200 reports outside the series per expanded identifier node.
   */
  readonly trimmed: boolean;
}

export interface SeriesReport {
  readonly id: string;
  readonly reportedAt: string;
  readonly occurredAt: string | null;
  readonly category: Category;
  readonly loss: Money | null;
  readonly summary: string;
  /** Victim key (keyed so it can be counted, never the personal data itself). */
  readonly victimKey: string;
  readonly messages: number;
}

export interface SeriesMessage {
  readonly reportId: string;
  readonly at: string | null;
  readonly channel: ReportMessage['channel'];
  readonly sender: string | null;
  readonly text: string;
}

/** An investigator's correction of the linking engine (kept, and read by every later relink). */
export interface Correction {
  readonly id: number;
  readonly action: 'split' | 'merge' | 'wrong_evidence';
  readonly reportId: string;
  readonly otherReportId: string | null;
  readonly kind: string | null;
  readonly value: string | null;
  readonly reason: string;
  readonly actor: string;
  readonly at: string;
}

export interface SeriesDetail {
  readonly row: SeriesRow;
  readonly threshold: Money;
  /** The report whose loss pushed the cumulative loss over the threshold, if it crossed. */
  readonly overReport: string | null;
  readonly reports: readonly SeriesReport[];
  readonly messages: readonly SeriesMessage[];
  readonly corrections: readonly Correction[];
  /** Series merged into this one by relinks (old ids still pointing here). */
  readonly formerIds: readonly string[];
}

export interface ExplainHop {
  readonly from: string;
  readonly to: string;
  readonly weight: number;
  readonly strong: boolean;
  readonly evidence: readonly LinkEvidence[];
}

export interface LinkExplanation {
  readonly a: string;
  readonly b: string;
  readonly linked: boolean;
  readonly chain: readonly ExplainHop[];
  readonly shared: readonly {
    readonly kind: string;
    readonly value: string;
    readonly status: 'evidence' | 'ignored' | 'hub' | 'no_weight' | 'weak' | 'cross_category' | 'wrong';
  }[];
  readonly textSimilarity: number | null;
}
