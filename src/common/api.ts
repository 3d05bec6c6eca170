// The one contract between the investigator UI and the backend. Runs anywhere.
// Both transports (Electron IPC through the preload, HTTP through `casegraph serve`)
// carry exactly these methods: name -> one serialisable argument -> one result.
// Expected failures come back as `{ ok: false, error }`, never as thrown stack traces.

import type { Category, IdentifierOrigin, IdentifierKind, Money, ReferenceCategory, ReportLocation, ReportMessage, Victim } from './model';

import type { ApiError, Result } from './result';

export type { ApiError, Result } from './result';

export interface StoreInfo {
  readonly path: string;
  readonly schemaVersion: number;
  readonly reports: number;
  readonly withdrawn: number;
  readonly quarantined: number;
  readonly totalLoss: Readonly<Record<string, string>>;
  readonly firstReportedAt: string | null;
  readonly lastReportedAt: string | null;
}

export type SortKey = 'reported_at' | 'loss' | 'id';

export interface ReportQuery {
  /** Full-text search over narratives, message texts and identifiers (Chinese works). */
  readonly text?: string;
  readonly categories?: readonly Category[];
  /** Inclusive, YYYY-MM-DD in the report's own offset. */
  readonly from?: string;
  readonly to?: string;
  /** Decimal strings in the report currency. */
  readonly minLoss?: string;
  readonly maxLoss?: string;
  readonly includeWithdrawn?: boolean;
  readonly sort?: SortKey;
  readonly desc?: boolean;
  readonly offset: number;
  readonly limit: number;
}

export interface ReportRow {
  readonly id: string;
  readonly version: number;
  readonly withdrawn: boolean;
  readonly precinct: string;
  readonly reportedAt: string;
  readonly category: Category;
  readonly loss: Money | null;
  /** First line of the narrative or message, for the table. */
  readonly summary: string;
}

export interface ReportPage {
  readonly total: number;
  readonly offset: number;
  readonly rows: readonly ReportRow[];
}

export interface IdentifierView {
  readonly kind: IdentifierKind;
  readonly raw: string;
  readonly value: string;
  readonly subtype?: string;
  readonly domain?: string;
  readonly luhn?: boolean;
  readonly role?: string;
  readonly origin: IdentifierOrigin;
}

export interface ReportVersionView {
  readonly version: number;
  readonly deleted: boolean;
  readonly receivedAt: string;
  readonly source: string;
}

export interface ReportDetail {
  readonly id: string;
  readonly version: number;
  readonly withdrawn: boolean;
  readonly precinct: string;
  readonly reportedAt: string;
  readonly occurredAt: string | null;
  readonly category: Category;
  readonly categoryOriginal: string | null;
  readonly loss: Money | null;
  /** Victim data is personal data: name, phone and ID number come masked (src/common/victim-mask.ts); `reports.revealVictim` gives them whole and logs it. */
  readonly victim: Victim | null;
  readonly location: ReportLocation | null;
  readonly narrative: string;
  readonly messages: readonly ReportMessage[];
  readonly identifiers: readonly IdentifierView[];
  readonly versions: readonly ReportVersionView[];
}

export interface ImportCounts {
  readonly new: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly withdrawn: number;
  readonly rejected: number;
}

export interface Rejection {
  /** `line 12` or the record id. */
  readonly where: string;
  readonly field: string;
  readonly reason: string;
}

export interface ImportSummary extends ImportCounts {
  readonly files: readonly string[];
  readonly elapsedMs: number;
  /** True when the investigator cancelled: what was committed before stays, whole records only. */
  readonly cancelled: boolean;
  /** The first rejections (all are in the quarantine). */
  readonly rejections: readonly Rejection[];
}

export interface QuarantineRow {
  readonly id: number;
  readonly source: string;
  readonly where: string;
  readonly field: string;
  readonly reason: string;
  readonly receivedAt: string;
}

export interface Settings {
  readonly language: 'zh-CN' | 'en';
  readonly theme: 'light' | 'dark';
  /** Filing threshold as a decimal string, and its currency. */
  readonly thresholdAmount: string;
  readonly thresholdCurrency: string;
  readonly lookbackDays: number;
  /** Background feed sync every this many minutes (0: off). */
  readonly syncIntervalMinutes: number;
  /** This bureau's name, written into the case bundles it issues ('' until set). */
  readonly bureauName?: string;
}

export interface JobRef {
  readonly jobId: string;
}

export type JobKind = 'import' | 'demo' | 'sync' | 'link' | 'export' | 'bundle';

/** What a run of the linking engine did (after every import, demo or sync that changed reports). */
export interface LinkSummary {
  readonly mode: 'full' | 'incremental';
  readonly reports: number;
  readonly changed: number;
  readonly series: number;
  readonly overThreshold: number;
  readonly elapsedMs: number;
  /** True when the investigator cancelled: the store keeps the series of the previous run. */
  readonly cancelled: boolean;
}

/** Progress of a long job (import, demo, sync; later linking). */
export interface JobProgress {
  readonly jobId: string;
  readonly kind: JobKind;
  readonly phase: string;
  readonly done: number;
  /** Unknown totals are null (the UI shows an indeterminate bar). */
  readonly total: number | null;
}

/** What each kind of job reports when it ends normally. */
export interface JobSummaries {
  readonly import: ImportSummary;
  readonly demo: ImportSummary;
  readonly sync: SyncSummary;
  readonly link: LinkSummary;
  readonly export: ExportSummary;
  readonly bundle: BundleImportSummary;
}

export type JobOutcome = {
  readonly [K in JobKind]:
    | { readonly jobId: string; readonly kind: K; readonly ok: true; readonly summary: JobSummaries[K] }
    | { readonly jobId: string; readonly kind: K; readonly ok: false; readonly error: ApiError };
}[JobKind];

// Feeds (feed-protocol.md): a precinct's reports pulled from the reporting platform.

export type SyncRunStatus = 'running' | 'caught_up' | 'more' | 'cancelled' | 'failed' | 'interrupted';

export interface SyncCounts {
  readonly pages: number;
  readonly received: number;
  readonly new: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly withdrawn: number;
  readonly quarantined: number;
}

export interface SyncRunView extends SyncCounts {
  readonly id: number;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly status: SyncRunStatus;
  /** The engine's sentence for a failed run. */
  readonly error: string | null;
}

/**
 * Why a sync stopped: 'unauthorised' | 'not_found' | 'bad_page' | 'unavailable' | 'throttled' |
 * 'redirect' | 'http_error' | 'network' (the feed cannot be reached: offline) | 'concurrent'.
 */
export type SyncErrorCode =
  'unauthorised' | 'not_found' | 'bad_page' | 'unavailable' | 'throttled' | 'redirect' | 'http_error' | 'network' | 'concurrent';

/** A feed as the UI sees it. Its token never leaves the backend: only whether one is stored. */
export interface FeedSourceView {
  readonly id: number;
  readonly url: string;
  readonly precinct: string;
  readonly hasToken: boolean;
  readonly lastRunAt: string | null;
  /** Why the last sync stopped, when it failed; `code` is a SyncErrorCode, or 'failed' when unknown. */
  readonly lastError: ApiError | null;
  readonly lastRun: SyncRunView | null;
}

export interface SyncSummary extends SyncCounts {
  readonly sourceId: number;
  readonly url: string;
  readonly precinct: string;
  /** caught_up: nothing more to fetch; more: stopped early (see note); what was committed stays in every case. */
  readonly status: 'caught_up' | 'more' | 'cancelled' | 'failed';
  /** Set when failed; `code` is a SyncErrorCode. */
  readonly error: ApiError | null;
  readonly note: string | null;
  /** The first quarantined records (all are in the quarantine). */
  readonly rejections: readonly Rejection[];
  readonly elapsedMs: number;
}

/** A sync waiting before it retries a page (Retry-After, or back-off after a failure). */
export interface SyncWait {
  readonly ms: number;
  /** "HTTP 503, Retry-After", "the connection was reset". */
  readonly reason: string;
  /** 1 for the first retry of the page. */
  readonly retry: number;
}

// The investigator's analysis (series, graph, charts, cases, audit) and sharing (case bundles).

export type CaseStatus = 'new' | 'under_review' | 'filed' | 'closed';

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

export interface CaseRow {
  readonly id: string;
  readonly title: string;
  readonly status: CaseStatus;
  readonly assignee: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly series: readonly string[];
  readonly reports: number;
  readonly loss: LossByCurrency;
  readonly noteCount: number;
}

export interface CaseNote {
  readonly id: number;
  readonly at: string;
  readonly author: string;
  readonly text: string;
}

export interface CaseExportView {
  readonly id: number;
  readonly at: string;
  readonly actor: string;
  readonly fileName: string;
  readonly seriesId: string;
  readonly redaction: BundleRedaction;
  readonly reports: number;
  readonly bytes: number;
  readonly manifestSha256: string;
}

export interface CaseDetail extends CaseRow {
  /** The series as they are now (a series merged away by a relink is followed to its successor). */
  readonly currentSeries: readonly SeriesRow[];
  readonly notes: readonly CaseNote[];
  readonly exports: readonly CaseExportView[];
}

export interface AuditEntryView {
  readonly id: number;
  readonly at: string;
  readonly actor: string;
  /**
   * 'import', 'demo', 'sync', 'link' (subject 'full' or 'incremental'), 'reveal' (subject: report id), 'export', 'bundle_import',
   * 'merge' / 'split' / 'wrong_evidence' (detail.correction: its id), 'revoke' (subject 'correction #id'), 'ignore_add',
   * 'ignore_remove', 'reference_add', 'reference_remove' (subject: the host), 'case' (detail.event 'create' | 'update'),
   * 'note' (subject: case id), 'settings', 'trust'...
   */
  readonly action: string;
  readonly subject: string | null;
  readonly detail: string | null;
}

export interface IgnoreEntryView {
  readonly kind: string;
  readonly value: string;
  /** True: ignored (an investigator's entry or a shipped default); false: a shipped default turned off here. */
  readonly ignored: boolean;
  readonly shipped: boolean;
  readonly note: string | null;
  readonly addedAt: string | null;
}

/**
 * A reference site: cited in reports (a scan, a forum thread, an app-store page), never a
 * fraudster identifier. The entry covers its host and every host under it.
 */
export interface ReferenceDomainView {
  /** A host in canonical form ("virustotal.com", "tieba.baidu.com", "gov.cn"). */
  readonly domain: string;
  readonly category: ReferenceCategory;
  /** True: in force (an investigator's entry or a shipped one); false: a shipped one turned off here. */
  readonly enabled: boolean;
  readonly shipped: boolean;
  /** What a shipped entry is, in each UI language; null for the investigator's own. */
  readonly about: { readonly en: string; readonly 'zh-CN': string } | null;
  /** The investigator's words: why they added the entry, or turned a shipped one off. */
  readonly reason: string | null;
  /** When the investigator added the entry or turned the shipped one off. */
  readonly changedAt: string | null;
}

export type BundleRedaction = 'none' | 'victims';

export interface ExportSummary {
  readonly seriesId: string;
  readonly caseId: string | null;
  /** Where the bundle was written (Electron: the path chosen; browser host: a download id). */
  readonly file: string;
  readonly downloadId: string | null;
  readonly bytes: number;
  readonly reports: number;
  readonly redaction: BundleRedaction;
  readonly manifestSha256: string;
  readonly elapsedMs: number;
}

export interface BundleCheck {
  readonly intact: boolean;
  /** 'trusted': the signer is in the trust list (with its name); 'self-consistent': intact, signer unknown. */
  readonly signer: 'trusted' | 'self-consistent' | 'invalid';
  readonly signerName: string | null;
  readonly fingerprint: string | null;
  readonly bureau: string | null;
  readonly caseId: string | null;
  readonly title: string | null;
  readonly reports: number;
  readonly redaction: BundleRedaction | null;
  /** Why it is not intact, one sentence each. */
  readonly problems: readonly string[];
}

export interface BundleImportSummary extends ImportCounts {
  readonly check: BundleCheck;
  /** True when this bundle had been imported before: nothing changed. */
  readonly alreadyImported: boolean;
  readonly elapsedMs: number;
}

export interface KeyInfo {
  readonly publicPem: string;
  /** SHA-256 of the DER SubjectPublicKeyInfo, hex in groups. */
  readonly fingerprint: string;
  /** Whether a sharing key (for keyed hashes in redacted bundles) is configured; never the key. */
  readonly sharingKeySet: boolean;
}

export interface TrustedKeyView {
  readonly fingerprint: string;
  readonly name: string;
  readonly addedAt: string;
}

/** Events pushed from the backend to the UI. */
export type ApiEvent =
  | { readonly type: 'job.progress'; readonly progress: JobProgress }
  | { readonly type: 'job.done'; readonly outcome: JobOutcome }
  | { readonly type: 'store.changed' }
  | {
      readonly type: 'sync.status';
      readonly jobId: string;
      readonly sourceId: number;
      /** The page being fetched or just committed (1-based). */
      readonly page: number;
      readonly counts: SyncCounts;
      /** Set while the sync waits before retrying; null once pages flow again. */
      readonly waiting: SyncWait | null;
    };

/**
 * The method map. Every method takes one argument object and resolves to a Result.
 * Long work (`import.start`, `demo.start`) returns a job id at once; progress and the
 * outcome arrive as events, and `job.cancel` stops it (what was committed stays, whole records only).
 */
export interface CasegraphApi {
  'store.info': (arg: Record<string, never>) => Promise<Result<StoreInfo>>;
  'reports.query': (arg: ReportQuery) => Promise<Result<ReportPage>>;
  'reports.get': (arg: { readonly id: string }) => Promise<Result<ReportDetail>>;
  'quarantine.list': (arg: {
    readonly offset: number;
    readonly limit: number;
  }) => Promise<Result<{ readonly total: number; readonly rows: readonly QuarantineRow[] }>>;
  'settings.get': (arg: Record<string, never>) => Promise<Result<Settings>>;
  'settings.update': (arg: Partial<Settings>) => Promise<Result<Settings>>;
  /** Import files the backend can read: paths on this machine (Electron) or uploads the browser host staged. */
  'import.start': (arg: { readonly files: readonly string[] }) => Promise<Result<JobRef>>;
  'demo.start': (arg: { readonly reports?: number; readonly seed?: number }) => Promise<Result<JobRef>>;
  'job.cancel': (arg: JobRef) => Promise<Result<{ readonly cancelled: boolean }>>;
  /** Run the linking engine now (incremental unless `full`); it also runs by itself after changes. */
  'link.start': (arg: { readonly full?: boolean }) => Promise<Result<JobRef>>;
  /** The running job's latest progress, or null: lets a reloaded UI pick up a job it did not start. */
  'job.current': (arg: Record<string, never>) => Promise<Result<JobProgress | null>>;
  'sources.list': (arg: Record<string, never>) => Promise<Result<readonly FeedSourceView[]>>;
  /** Add a feed (or revive a removed one where it left off); the host's vault seals the token. */
  'sources.add': (arg: { readonly url: string; readonly precinct: string; readonly token: string }) => Promise<Result<FeedSourceView>>;
  'sources.setToken': (arg: { readonly sourceId: number; readonly token: string }) => Promise<Result<FeedSourceView>>;
  /** Soft removal: the reports it delivered stay, its token is forgotten. */
  'sources.remove': (arg: { readonly sourceId: number }) => Promise<Result<{ readonly removed: boolean }>>;
  /** The feed's sync runs, newest first. */
  'sources.runs': (arg: { readonly sourceId: number; readonly limit: number }) => Promise<Result<readonly SyncRunView[]>>;
  /** Sync one feed as a job (kind 'sync'); errors 'no_token', 'busy', 'not_found', 'token_unreadable'. */
  'sync.start': (arg: { readonly sourceId: number }) => Promise<Result<JobRef>>;
  'overview.get': (arg: Record<string, never>) => Promise<Result<Overview>>;
  'series.query': (arg: SeriesQuery) => Promise<Result<SeriesPage>>;
  /** Follows a series merged away by a relink to its successor (`row.id` then differs). */
  'series.get': (arg: { readonly id: string }) => Promise<Result<SeriesDetail>>;
  /** `expand`: identifier node ids whose other reports (outside the series, or collapsed hubs) to add. */
  'series.graph': (arg: { readonly id: string; readonly expand?: readonly string[] }) => Promise<Result<SeriesGraph>>;
  'series.explain': (arg: { readonly a: string; readonly b: string }) => Promise<Result<LinkExplanation>>;
  /** Investigator corrections: recorded with who and why, then an incremental relink runs. */
  'series.split': (arg: { readonly reportId: string; readonly reason: string }) => Promise<Result<Correction>>;
  'series.merge': (arg: { readonly a: string; readonly b: string; readonly reason: string }) => Promise<Result<Correction>>;
  'series.markWrong': (arg: {
    readonly reportId: string;
    readonly otherReportId?: string;
    readonly kind: string;
    readonly value: string;
    readonly reason: string;
  }) => Promise<Result<Correction>>;
  'series.revokeCorrection': (arg: { readonly id: number; readonly reason: string }) => Promise<Result<{ readonly revoked: boolean }>>;
  /** The review queue: leads for an investigator to accept or reject. */
  'suggestions.query': (arg: SuggestionQuery) => Promise<Result<SuggestionPage>>;
  /** Accept: the two series become one (a merge correction, audited, revocable); a relink follows. */
  'suggestions.accept': (arg: { readonly id: string; readonly reason: string }) => Promise<Result<Suggestion>>;
  /** Reject: recorded with who and why; never suggested again between those series. */
  'suggestions.reject': (arg: { readonly id: string; readonly reason: string }) => Promise<Result<Suggestion>>;
  /** Undo a decision (an acceptance's merge is revoked too); the suggestion is open again. */
  'suggestions.revoke': (arg: { readonly id: string; readonly reason: string }) => Promise<Result<Suggestion>>;
  /** Show a report's victim data: allowed, and written to the audit log. */
  'reports.revealVictim': (arg: { readonly id: string }) => Promise<Result<Victim | null>>;
  'ignore.list': (arg: Record<string, never>) => Promise<Result<readonly IgnoreEntryView[]>>;
  /** Ignore a value (kind 'domain' for a whole domain), or with `ignored: false` turn a shipped default off; relinks what it affects. */
  'ignore.set': (arg: {
    readonly kind: string;
    readonly value: string;
    readonly ignored: boolean;
    readonly note?: string;
  }) => Promise<Result<IgnoreEntryView>>;
  'ignore.remove': (arg: { readonly kind: string; readonly value: string }) => Promise<Result<{ readonly removed: boolean }>>;
  'references.list': (arg: Record<string, never>) => Promise<Result<readonly ReferenceDomainView[]>>;
  /**
   * Count a host (and the hosts under it) as a reference site (a shipped one turned off is turned on
   * again), or with `enabled: false` stop: an investigator's entry is deleted, a shipped one turned
   * off here. `category` applies to an investigator's entry; relinks what it affects.
   */
  'references.set': (arg: {
    readonly domain: string;
    readonly enabled: boolean;
    readonly category?: ReferenceCategory;
    readonly note?: string;
  }) => Promise<Result<ReferenceDomainView>>;
  /** Stop counting a host as a reference site, as `references.set` with `enabled: false`; `removed`: whether anything changed. */
  'references.remove': (arg: { readonly domain: string; readonly note?: string }) => Promise<Result<{ readonly removed: boolean }>>;
  'cases.list': (arg: { readonly status?: CaseStatus }) => Promise<Result<readonly CaseRow[]>>;
  'cases.get': (arg: { readonly id: string }) => Promise<Result<CaseDetail>>;
  'cases.create': (arg: {
    readonly title: string;
    readonly series: readonly string[];
    readonly assignee?: string;
  }) => Promise<Result<CaseDetail>>;
  'cases.update': (arg: {
    readonly id: string;
    readonly title?: string;
    readonly status?: CaseStatus;
    readonly assignee?: string | null;
    readonly addSeries?: readonly string[];
    readonly removeSeries?: readonly string[];
  }) => Promise<Result<CaseDetail>>;
  'cases.addNote': (arg: { readonly id: string; readonly text: string }) => Promise<Result<CaseNote>>;
  /** `since` (inclusive) and `before` (exclusive) are instants; the UI passes the bounds of the investigator's local days. */
  'audit.query': (arg: {
    readonly action?: string;
    readonly actor?: string;
    readonly text?: string;
    readonly since?: string;
    readonly before?: string;
    readonly offset: number;
    readonly limit: number;
  }) => Promise<Result<{ readonly total: number; readonly rows: readonly AuditEntryView[] }>>;
  /** Write a signed case bundle of a series (or a case's first series) as a job of kind 'export'. `file`: a path (Electron); omitted in the browser host, which offers a download. */
  'bundle.export': (arg: {
    readonly seriesId: string;
    readonly caseId?: string;
    readonly redact: boolean;
    readonly file?: string;
  }) => Promise<Result<JobRef>>;
  /** Check a bundle (a path, or an upload the browser host staged) without storing anything. */
  'bundle.verify': (arg: { readonly file: string }) => Promise<Result<BundleCheck>>;
  /** Verify, then merge a bundle as a job of kind 'bundle'; rejected whole when anything fails. */
  'bundle.import': (arg: { readonly file: string }) => Promise<Result<JobRef>>;
  'bundle.imports': (arg: Record<string, never>) => Promise<
    Result<
      readonly {
        readonly manifestSha256: string;
        readonly bureau: string;
        readonly title: string | null;
        readonly signerFingerprint: string;
        readonly trusted: boolean;
        readonly redaction: BundleRedaction;
        readonly importedAt: string;
        readonly reports: number;
      }[]
    >
  >;
  'keys.get': (arg: Record<string, never>) => Promise<Result<KeyInfo>>;
  /** Set (or with null clear) the sharing key the cooperating bureaus agreed on; it is stored sealed. */
  'sharingKey.set': (arg: { readonly key: string | null }) => Promise<Result<{ readonly sharingKeySet: boolean }>>;
  'trust.list': (arg: Record<string, never>) => Promise<Result<readonly TrustedKeyView[]>>;
  'trust.add': (arg: { readonly publicPem: string; readonly name: string }) => Promise<Result<TrustedKeyView>>;
  'trust.remove': (arg: { readonly fingerprint: string }) => Promise<Result<{ readonly removed: boolean }>>;
}

export type ApiMethod = keyof CasegraphApi;
export type ApiArg<M extends ApiMethod> = Parameters<CasegraphApi[M]>[0];
export type ApiValue<M extends ApiMethod> = Awaited<ReturnType<CasegraphApi[M]>> extends Result<infer T> ? T : never;

/** What the renderer sees, whichever transport carries it. */
export interface ApiClient {
  call<M extends ApiMethod>(method: M, arg: ApiArg<M>): Promise<Result<ApiValue<M>>>;
  onEvent(listener: (event: ApiEvent) => void): () => void;
  /**
   * Turn files the user picked or dropped into paths `import.start` accepts:
   * the Electron client asks the preload for their paths, the browser client uploads them.
   */
  stageFiles(files: readonly File[]): Promise<Result<readonly string[]>>;
  /**
   * Where an export goes. Electron asks with a save dialog: the chosen path, or null when the
   * user cancelled. The browser host cannot write to disk: 'download' (the finished export is
   * then fetched from `downloadUrl`).
   */
  chooseSaveFile(suggestedName: string): Promise<Result<{ readonly path: string } | 'download' | null>>;
  /** The address of a finished export in the browser host; null in Electron (the file is already where the user chose). */
  downloadUrl(downloadId: string): string | null;
}
