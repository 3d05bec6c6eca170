// The one contract between the investigator UI and the backend. Runs anywhere.
// Both transports (Electron IPC through the preload, HTTP through `casegraph serve`)
// carry exactly these methods: name -> one serialisable argument -> one result.
// Expected failures come back as `{ ok: false, error }`, never as thrown stack traces.

import type { Category, IdentifierOrigin, IdentifierKind, Money, ReportLocation, ReportMessage, Victim } from './model';

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiError };

export interface ApiError {
  /** Stable machine code, e.g. 'not_found', 'invalid_argument', 'cancelled', 'failed'. */
  readonly code: string;
  /** One clear sentence for the investigator, naming what is wrong. */
  readonly message: string;
}

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
  /** Victim data is personal data: the renderer shows it redacted until the investigator reveals it. */
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
}

export interface JobRef {
  readonly jobId: string;
}

export type JobKind = 'import' | 'demo' | 'sync' | 'link';

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
export type SyncErrorCode = 'unauthorised' | 'not_found' | 'bad_page' | 'unavailable' | 'throttled' | 'redirect' | 'http_error' | 'network' | 'concurrent';

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
  'quarantine.list': (arg: { readonly offset: number; readonly limit: number }) => Promise<Result<{ readonly total: number; readonly rows: readonly QuarantineRow[] }>>;
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
}
