// Reports behind the contract: the store's counts, the reports view (search, one report), the
// quarantine of refused records, the settings, and bringing reports in (file import, the demo
// precinct) as jobs. Thin: each handler calls a core module (src/core/report/, src/core/import/).
import path from 'node:path';
import type { ApiEvent, CasegraphApi, ImportSummary } from '../../../common/api';
import { fail, JOB_BUSY, ok } from '../../../common/result';
import { importDemo } from '../../import/import-demo';
import { importFiles } from '../../import/import-files';
import { getReport, listQuarantine, queryReports, storeInfo } from '../../report/queries';
import { schemaVersion, type Db } from '../../store/db';
import { readSettings, writeSettings } from '../../store/settings';
import type { Jobs } from '../jobs';

export type ReportHandlers = Pick<
  CasegraphApi,
  'store.info' | 'reports.query' | 'reports.get' | 'quarantine.list' | 'settings.get' | 'settings.update' | 'import.start' | 'demo.start'
>;

export interface ReportDeps {
  readonly db: Db;
  readonly dbPath: string;
  readonly jobs: Jobs;
  readonly emit: (event: ApiEvent) => void;
  /** Why a file cannot be imported (not uploaded through this session, missing), or null. */
  readonly fileProblem: (file: string) => string | null;
  /** After an import: the files the browser host staged for it are removed (nothing elsewhere is touched). */
  readonly doneWith?: (files: readonly string[]) => void;
  /** The sync interval changed: the scheduler plans the next round again. */
  readonly rescheduleSync: () => void;
}

export function reportHandlers(deps: ReportDeps): ReportHandlers {
  const { db, jobs } = deps;
  return {
    'store.info': async () => ok(storeInfo(db, deps.dbPath, schemaVersion(db))),
    'reports.query': async (q) => ok(queryReports(db, q)),
    'reports.get': async ({ id }) => {
      const r = getReport(db, id);
      return r ? ok(r) : fail('not_found', `no report with id ${id}`);
    },
    'quarantine.list': async ({ offset, limit }) => ok(listQuarantine(db, offset, limit)),
    'settings.get': async () => ok(readSettings(db)),
    'settings.update': async (patch) => {
      const settings = writeSettings(db, patch);
      if (patch.syncIntervalMinutes !== undefined) deps.rescheduleSync();
      deps.emit({ type: 'store.changed' });
      return ok(settings);
    },
    'import.start': async ({ files }) => {
      for (const f of files) {
        const problem = deps.fileProblem(f);
        if (problem) return fail('invalid_argument', problem);
      }
      const started = jobs.start('import', async (ctx) => {
        try {
          const r = await importFiles(
            db,
            files.map((f) => ({ path: f, name: path.basename(f) })),
            { signal: ctx.signal, onProgress: (p) => ctx.progress(p.file, p.bytesDone, p.bytesTotal) },
          );
          return summary(r, r.files, r.elapsedMs);
        } finally {
          deps.doneWith?.(files);
        }
      });
      return started ? ok({ jobId: started }) : fail('busy', JOB_BUSY);
    },
    'demo.start': async ({ reports, seed }) => {
      const started = jobs.start('demo', async (ctx) => {
        const r = await importDemo(db, {
          ...(reports !== undefined ? { reports } : {}),
          ...(seed !== undefined ? { seed } : {}),
          signal: ctx.signal,
          onProgress: (done, total) => ctx.progress('demo', done, total),
        });
        return summary({ ...r, rejections: [] }, [`demo seed ${r.seed}`], r.elapsedMs);
      });
      return started ? ok({ jobId: started }) : fail('busy', JOB_BUSY);
    },
  };
}

function summary(
  r: {
    new: number;
    updated: number;
    unchanged: number;
    withdrawn: number;
    rejected: number;
    cancelled: boolean;
    rejections: ImportSummary['rejections'];
  },
  files: readonly string[],
  elapsedMs: number,
): ImportSummary {
  return {
    new: r.new,
    updated: r.updated,
    unchanged: r.unchanged,
    withdrawn: r.withdrawn,
    rejected: r.rejected,
    cancelled: r.cancelled,
    rejections: r.rejections,
    files,
    elapsedMs,
  };
}
