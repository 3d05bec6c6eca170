// The API contract: feed sources and their syncs. Combined in ../api.ts.

import type { ApiError } from '../result';
import type { Rejection } from './reports';

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
