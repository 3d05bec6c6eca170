// The one contract between the investigator UI and the backend. Runs anywhere.
// Both transports (Electron IPC through the preload, HTTP through `casegraph serve`)
// carry exactly these methods: name -> one serialisable argument -> one result.
// Expected failures come back as `{ ok: false, error }`, never as thrown stack traces.
// The types of each domain live in ./api/ (reports, jobs, sync, series, casework, bundles); this
// module combines them with the method map, the events and the client every host and view uses.

import type { BundleCheck, BundleRedaction, KeyInfo, TrustedKeyView } from './api/bundles';
import type { AuditEntryView, CaseDetail, CaseNote, CaseRow, IgnoreEntryView, ReferenceDomainView } from './api/casework';
import type { JobOutcome, JobProgress, JobRef } from './api/jobs';
import type { QuarantineRow, ReportDetail, ReportPage, ReportQuery, Settings, StoreInfo } from './api/reports';
import type {
  CaseStatus,
  Correction,
  LinkExplanation,
  Overview,
  SeriesDetail,
  SeriesGraph,
  SeriesPage,
  SeriesQuery,
  Suggestion,
  SuggestionPage,
  SuggestionQuery,
} from './api/series';
import type { FeedSourceView, SyncCounts, SyncRunView, SyncWait } from './api/sync';
import type { FlowExportView, FlowLinks, NextRequest, SeriesFlow, SharedAccount, Trace } from './api/flow';
import type { BackupView, RestoreView, StoreStatus } from './api/store';
import type { ReferenceCategory, Victim } from './model';
import type { Result } from './result';

export type { ApiError, Result } from './result';
export type * from './api/reports';
export type * from './api/jobs';
export type * from './api/sync';
export type * from './api/series';
export type * from './api/casework';
export type * from './api/bundles';
export type * from './api/flow';
export type * from './api/store';

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
  /** Import bank statements (xlsx, CSV in UTF-8 or GB18030) as a job of kind 'statements'. */
  'statements.import': (arg: { readonly files: readonly string[] }) => Promise<Result<JobRef>>;
  /** The money flow of a series: its cards that statements carry, followed forward. */
  'flow.series': (arg: { readonly id: string }) => Promise<Result<SeriesFlow>>;
  /** Downstream accounts common to two or more series. */
  'flow.shared': (arg: Record<string, never>) => Promise<Result<readonly SharedAccount[]>>;
  /**
   * A trace from one account (a card or account number as typed): forward, where its money went;
   * backward, who paid it in. Defaults: 5 layers, a 48-hour window, no amount tolerance.
   */
  'flow.trace': (arg: {
    readonly account: string;
    readonly direction: 'forward' | 'backward';
    readonly depth?: number;
    readonly windowHours?: number;
    /** A share: 0.05 follows only payments matching within 5 %. */
    readonly tolerance?: number;
  }) => Promise<Result<Trace>>;
  /** Accounts to request next (未调单账户), ranked by money received from known mule cards. */
  'flow.next': (arg: { readonly limit?: number }) => Promise<Result<readonly NextRequest[]>>;
  /** Accounts sharing an IP or MAC, and holders behind several accounts; with `seriesId`, those touching its flow. */
  'flow.links': (arg: { readonly seriesId?: string }) => Promise<Result<FlowLinks>>;
  /**
   * Write a series' money flow, or with `account` the trace from one of its accounts, as xlsx, csv or GraphML.
   * `file`: a path the save dialog chose (Electron; its extension must be the format's); omitted in the browser host, which offers a download.
   */
  'flow.export': (arg: {
    readonly seriesId: string;
    readonly account?: string;
    readonly format: 'xlsx' | 'csv' | 'graphml';
    readonly file?: string;
  }) => Promise<Result<FlowExportView>>;
  /** Whether the store is open, locked (waiting for its passphrase) or new (waiting for one to be chosen). Host. */
  'store.status': (arg: Record<string, never>) => Promise<Result<StoreStatus>>;
  /** Open a locked store with its passphrase; a wrong one is answered 'wrong_passphrase' after a pause. Host. */
  'store.unlock': (arg: { readonly passphrase: string }) => Promise<Result<StoreStatus>>;
  /** Make the new store, its key sealed under the chosen passphrase (MIN_PASSPHRASE_LENGTH at least). Host. */
  'store.create': (arg: { readonly passphrase: string }) => Promise<Result<StoreStatus>>;
  /** Seal the store's key under a new passphrase (the store is unchanged); audited without the values. */
  'store.changePassphrase': (arg: { readonly current: string; readonly next: string }) => Promise<Result<{ readonly changed: true }>>;
  /** An encrypted, consistent backup, its key sealed under `passphrase` (the store's, when it has one); `file`: a path (Electron), else the backups folder. */
  'store.backup': (arg: { readonly passphrase: string; readonly file?: string }) => Promise<Result<BackupView>>;
  /** The backups in the backups folder and those written elsewhere (from the audit log) that still exist, newest first. */
  'store.backups': (arg: Record<string, never>) => Promise<Result<readonly BackupView[]>>;
  /** Replace the store with one of `store.backups` (opened with its passphrase); the replaced store is kept beside it. Host. */
  'store.restore': (arg: { readonly file: string; readonly passphrase: string }) => Promise<Result<RestoreView>>;
}

/** The methods the host answers (store-gate.ts), never the backend. */
export const HOST_METHODS = ['store.status', 'store.unlock', 'store.create', 'store.restore'] as const;
export type HostMethod = (typeof HOST_METHODS)[number];
/** What the backend answers: every method but the host's. */
export type BackendApi = Omit<CasegraphApi, HostMethod>;

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
