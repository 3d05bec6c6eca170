// The backend behind the one API contract. Both hosts (the Electron main process and
// `casegraph serve`) run it in a worker thread and forward calls to it; it validates every
// argument with the contract's schemas, owns the store's single writer connection, and turns
// expected failures into results the UI can show.

import { answer, fail } from '../../common/result';
import fs from 'node:fs';
import path from 'node:path';
import { HOST_METHODS, type ApiEvent, type ApiMethod, type BackendApi, type Result } from '../../common/api';
import { API_SCHEMAS, describeIssues, isApiMethod } from '../../common/api-schema';
import { isStoreBusy, openStore, type Db } from '../store/db';
import { hasUnfiguredSeries } from '../linking/store-write';
import { ensureStagingKey } from '../import/sealed-staging';
import { Jobs, toApiError } from './jobs';
import type { SyncPolicyInput } from '../sync/sync-policy';
import type { TokenVault } from '../sync/token-vault';
import { readSettings } from '../store/settings';
import { FeedSync } from './feed-sync';
import { LinkJobs, changedReports } from './link-jobs';
import { SyncScheduler } from './sync-scheduler';
import { bundleHandlers } from './handlers/bundles';
import { caseworkHandlers } from './handlers/casework';
import { flowHandlers } from './handlers/flow';
import { jobHandlers } from './handlers/jobs';
import { reportHandlers } from './handlers/reports';
import { seriesHandlers } from './handlers/series';
import { storeHandlers } from './handlers/store';
import { syncHandlers } from './handlers/sync';
import type { AnalysisWorkerInit } from '../analysis/analysis-worker';
import { runWorker, type RunningWorker } from '../worker/run-worker';

export interface BackendOptions {
  readonly dbPath: string;
  readonly nativeBinding?: string;
  /** When set (the browser host), `import.start` only reads files staged under this folder. */
  readonly importRoot?: string;
  readonly onEvent: (event: ApiEvent) => void;
  /** The host's vault for feed tokens (safeStorage in Electron, a key file for `casegraph serve`). */
  readonly vault: TokenVault;
  /** Bounds of syncs the investigator starts (tests pass small ones). */
  readonly syncPolicy?: SyncPolicyInput;
  /** The built link worker (src/core/worker/locate.ts); series are kept current when it is given. */
  readonly linkWorkerFile?: string;
  /** The built analysis worker; the caches are warmed after each link run when it is given. */
  readonly analysisWorkerFile?: string;
  /** The browser host: exported bundles are written here and served at /api/download/<id>. */
  readonly downloadRoot?: string;
  /** How long a call waits, in all, for the store's write lock held by another connection (default 2 minutes). */
  readonly writeWaitMs?: number;
  /** SQLite's own wait for the lock on each attempt (default: the store's 5 s; tests pass less). */
  readonly busyTimeoutMs?: number;
}

// A call refused for the write lock is tried again after these pauses (the last repeats), for
// up to BackendOptions.writeWaitMs. The lock is held by the link worker while it writes a full
// run's results (seconds on a store of a million reports) and briefly by the cache warmer.
const WRITE_RETRY_MS = [100, 250, 500, 1000, 2000];
const WRITE_WAIT_MS = 120_000;

export class Backend {
  private readonly db: Db;
  private readonly jobs: Jobs;
  private readonly feeds: FeedSync;
  private readonly scheduler: SyncScheduler;
  private readonly linking: LinkJobs;
  /** A relink asked for while another job ran: started when that job ends. */
  private relinkPending = false;
  /** The analysis worker warming caches after a link run, if one runs, and its end. */
  private warmer: RunningWorker<null> | null = null;
  private warmAgain = false;
  private readonly warmWaiters: (() => void)[] = [];
  private closed = false;
  readonly handlers: BackendApi;

  constructor(private readonly options: BackendOptions) {
    // Downloads are written sealed under the launch's staging key. The browser host makes it before
    // it starts this backend's worker, which inherits it; a backend run in the host's own thread
    // (tests) makes it here, where the host finds it.
    if (options.downloadRoot) ensureStagingKey();
    this.db = openStore(options.dbPath, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
    if (options.busyTimeoutMs !== undefined) this.db.pragma(`busy_timeout = ${Math.max(0, Math.round(options.busyTimeoutMs))}`);
    this.jobs = new Jobs(
      {
        progress: (progress) => options.onEvent({ type: 'job.progress', progress }),
        done: (outcome) => {
          options.onEvent({ type: 'job.done', outcome });
          options.onEvent({ type: 'store.changed' });
          if (outcome.ok && changedReports(outcome.kind, outcome.summary)) this.afterChange();
          else if (this.relinkPending) this.requestRelink();
          // The overview's store-wide figures are computed once per change, not on the next look.
          // After a statements import too: the accounts several series share.
          if ((outcome.kind === 'link' || outcome.kind === 'statements') && outcome.ok) this.warmCaches();
        },
      },
      options.dbPath,
    );
    this.linking = new LinkJobs({
      jobs: this.jobs,
      dbPath: options.dbPath,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      ...(options.linkWorkerFile ? { workerFile: options.linkWorkerFile } : {}),
    });
    const db = this.db;
    this.feeds = new FeedSync({
      db,
      vault: options.vault,
      jobs: this.jobs,
      emit: options.onEvent,
      ...(options.syncPolicy ? { policy: options.syncPolicy } : {}),
    });
    this.scheduler = new SyncScheduler({
      intervalMinutes: () => readSettings(db).syncIntervalMinutes,
      busy: () => this.jobs.busy,
      sources: () => this.feeds.syncableSources(),
      sync: async (sourceId) => {
        const started = await this.feeds.start(sourceId, 'background');
        return started.ok ? { started: true, summary: await started.value.finished } : { started: false, summary: null };
      },
    });
    const change = { db, relink: () => this.requestRelink(), emit: options.onEvent, warming: () => this.warmer !== null || this.jobs.busy };
    this.handlers = {
      ...reportHandlers({
        db,
        dbPath: options.dbPath,
        jobs: this.jobs,
        emit: options.onEvent,
        fileProblem: (file) => this.importProblem(file),
        doneWith: (files) => this.discardStaged(files),
        rescheduleSync: () => this.scheduler.schedule(),
      }),
      ...jobHandlers({ jobs: this.jobs, linking: this.linking }),
      ...syncHandlers({ db, feeds: this.feeds, emit: options.onEvent }),
      ...seriesHandlers(change),
      ...caseworkHandlers(change),
      ...flowHandlers({
        db,
        dbPath: options.dbPath,
        openOptions: options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
        jobs: this.jobs,
        fileProblem: (file) => this.importProblem(file),
        ...(options.downloadRoot ? { downloadRoot: options.downloadRoot } : {}),
        doneWith: (files) => this.discardStaged(files),
      }),
      ...bundleHandlers({
        db,
        dbPath: options.dbPath,
        vault: options.vault,
        jobs: this.jobs,
        fileProblem: (file) => this.importProblem(file),
        doneWith: (files) => this.discardStaged(files),
        ...(options.downloadRoot ? { downloadRoot: options.downloadRoot } : {}),
      }),
      ...storeHandlers({ db, dbPath: options.dbPath, browserHost: options.importRoot !== undefined }),
    } satisfies BackendApi;
    this.scheduler.schedule();
    // A store upgraded by migration 011 holds series figured on report dates: relinked (in full)
    // at once, so the threshold figures count occurrence dates before the investigator asks.
    if (hasUnfiguredSeries(db)) this.requestRelink();
  }

  /** The transports' single entry: validate, dispatch, never throw. */
  async call(method: string, arg: unknown): Promise<Result<unknown>> {
    if (!isApiMethod(method)) return fail('unknown_method', `unknown API method ${JSON.stringify(method).slice(0, 80)}`);
    const parsed = API_SCHEMAS[method].safeParse(arg ?? {});
    if (!parsed.success) return fail('invalid_argument', `${method}: ${describeIssues(parsed.error)}`);
    if ((HOST_METHODS as readonly string[]).includes(method))
      return fail('unavailable', `${method} is answered by the app's host, which runs the backend, not by the backend itself`);
    const handler = this.handlers[method as keyof BackendApi] as (a: unknown) => Promise<Result<unknown>>;
    // A write that finds the store locked by another connection (a relink writing its results)
    // is tried again until the lock is free, instead of failing the investigator's save. Between
    // tries this thread serves other calls. A handler refused this way has changed nothing: its
    // transaction was rolled back, and what it does outside the store (keys, files) is idempotent.
    const deadline = performance.now() + (this.options.writeWaitMs ?? WRITE_WAIT_MS);
    for (let attempt = 0; ; attempt++) {
      try {
        return await answer(() => handler(parsed.data));
      } catch (e) {
        if (!isStoreBusy(e)) return { ok: false, error: toApiError(e, this.options.dbPath) };
        const pause = WRITE_RETRY_MS[Math.min(attempt, WRITE_RETRY_MS.length - 1)] as number;
        if (this.closed || performance.now() + pause > deadline) {
          return fail(
            'store_busy',
            `${method}: the store stayed locked by another task (a relink writing its results, most likely); nothing was changed, try again in a moment`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, pause));
      }
    }
  }

  close(): void {
    this.scheduler.close();
    this.jobs.cancelRunning();
    this.closed = true;
    void this.warmer?.worker.terminate();
    this.db.close();
  }

  /** After a job changed reports (import, demo, sync): link what changed, incrementally (a job from now on). */
  private afterChange(): void {
    this.linking.start(false, true);
  }

  /** Relink what a correction or an ignore-list change marked; after the running job if one runs. */
  private requestRelink(): void {
    this.relinkPending = false;
    if (this.linking.start(false, true) === null && this.linking.available) this.relinkPending = true;
  }

  /**
   * After a link run or a statements import: the accounts several series share, and the overview's figures and every series' victims and categories are
   * computed again in the analysis worker, off this thread. Without it they are computed when
   * first asked for.
   */
  private warmCaches(): void {
    const { analysisWorkerFile, dbPath, nativeBinding } = this.options;
    if (analysisWorkerFile === undefined) return;
    if (this.warmer !== null) {
      this.warmAgain = true;
      return;
    }
    const init: AnalysisWorkerInit = { dbPath, ...(nativeBinding ? { nativeBinding } : {}) };
    const run = runWorker<AnalysisWorkerInit, never, null>(analysisWorkerFile, init, { name: 'the analysis worker' });
    this.warmer = run;
    const done = (): void => {
      if (this.warmer !== run) return;
      this.warmer = null;
      // Another link run ended meanwhile: its changes are warmed too.
      if (this.warmAgain && !this.closed) {
        this.warmAgain = false;
        this.warmCaches();
      }
      if (this.warmer === null) for (const resolve of this.warmWaiters.splice(0)) resolve();
    };
    // A cache only: a failure costs the next look the time to compute it.
    run.done.then(done, done);
  }

  /** Resolves once no analysis worker runs (tests, benchmarks): the caches are as warm as they get. */
  whenWarm(): Promise<void> {
    return this.warmer === null ? Promise.resolve() : new Promise((resolve) => this.warmWaiters.push(resolve));
  }

  /** The browser host's uploads, once imported: removed with their folder (only what lies under importRoot). */
  private discardStaged(files: readonly string[]): void {
    if (!this.options.importRoot) return;
    const root = path.resolve(this.options.importRoot);
    for (const file of files) {
      const dir = path.dirname(path.resolve(file));
      if (path.dirname(dir) === root && path.basename(dir).startsWith('u-')) fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  private importProblem(file: string): string | null {
    const resolved = path.resolve(file);
    if (this.options.importRoot) {
      const root = path.resolve(this.options.importRoot) + path.sep;
      if (!resolved.startsWith(root)) return `${path.basename(file)} was not uploaded through this session`;
    }
    if (!fs.existsSync(resolved)) return `cannot read ${path.basename(file)}: no such file`;
    return null;
  }
}

export type { ApiMethod };
