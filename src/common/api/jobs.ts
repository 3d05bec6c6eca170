// The API contract: long jobs: their progress, summaries and outcomes. Combined in ../api.ts.

import type { ApiError } from '../result';
import type { BundleImportSummary, ExportSummary } from './bundles';
import type { StatementImportView } from './flow';
import type { ImportSummary } from './reports';
import type { SyncSummary } from './sync';

export interface JobRef {
  readonly jobId: string;
}

export type JobKind = 'import' | 'demo' | 'sync' | 'link' | 'export' | 'bundle' | 'statements';

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
  readonly statements: StatementImportView;
}

export type JobOutcome = {
  readonly [K in JobKind]:
    | { readonly jobId: string; readonly kind: K; readonly ok: true; readonly summary: JobSummaries[K] }
    | { readonly jobId: string; readonly kind: K; readonly ok: false; readonly error: ApiError };
}[JobKind];

// Feeds (feed-protocol.md): a precinct's reports pulled from the reporting platform.
