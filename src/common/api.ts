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
}

export interface JobRef {
  readonly jobId: string;
}

/** Progress of a long job (import, demo, later sync and linking). */
export interface JobProgress {
  readonly jobId: string;
  readonly kind: 'import' | 'demo';
  readonly phase: string;
  readonly done: number;
  /** Unknown totals are null (the UI shows an indeterminate bar). */
  readonly total: number | null;
}

export type JobOutcome =
  | { readonly jobId: string; readonly kind: 'import' | 'demo'; readonly ok: true; readonly summary: ImportSummary }
  | { readonly jobId: string; readonly kind: 'import' | 'demo'; readonly ok: false; readonly error: ApiError };

/** Events pushed from the backend to the UI. */
export type ApiEvent =
  | { readonly type: 'job.progress'; readonly progress: JobProgress }
  | { readonly type: 'job.done'; readonly outcome: JobOutcome }
  | { readonly type: 'store.changed' };

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
  /** The running job's latest progress, or null: lets a reloaded UI pick up a job it did not start. */
  'job.current': (arg: Record<string, never>) => Promise<Result<JobProgress | null>>;
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
