// Bank statements and the money flow behind the contract: importing statements as a job (on a
// connection of its own, so the file's one transaction never takes in another handler's write),
// a series' money flow and its exports (flow-export.ts), the downstream accounts several series
// share, a trace from one account either way, the accounts to request next, and accounts linked by
// a device or a holder.
import type { CasegraphApi, StatementImportView } from '../../../common/api';
import { fail, JOB_BUSY, ok } from '../../../common/result';
import { exportFlow } from '../../statements/flow-export';
import { importStatements } from '../../statements/import-statements';
import { FlowError, traceAccount } from '../../statements/flow';
import { nextRequests } from '../../statements/flow-next';
import { flowLinks } from '../../statements/flow-links';
import { seriesFlow, seriesFlowAccounts, sharedDownstream } from '../../statements/series-flow';
import { openStore, type Db, type OpenOptions } from '../../store/db';
import type { Jobs } from '../jobs';

export type FlowHandlers = Pick<
  CasegraphApi,
  'statements.import' | 'flow.series' | 'flow.shared' | 'flow.trace' | 'flow.next' | 'flow.links' | 'flow.export'
>;

export interface FlowDeps {
  readonly db: Db;
  readonly dbPath: string;
  readonly openOptions: OpenOptions;
  readonly jobs: Jobs;
  /** Why a file cannot be imported (not uploaded through this session, missing), or null. */
  readonly fileProblem: (file: string) => string | null;
  /** Browser host: exports without a `file` go to <downloadRoot>/<id>/<name>. */
  readonly downloadRoot?: string;
  /** After an import: the files the browser host staged for it are removed (nothing elsewhere is touched). */
  readonly doneWith?: (files: readonly string[]) => void;
}

export function flowHandlers(deps: FlowDeps): FlowHandlers {
  const { db, jobs } = deps;
  return {
    'statements.import': async ({ files }) => {
      for (const f of files) {
        const problem = deps.fileProblem(f);
        if (problem) return fail('invalid_argument', problem);
      }
      const started = jobs.start('statements', async (ctx): Promise<StatementImportView> => {
        const own = openStore(deps.dbPath, deps.openOptions);
        try {
          // Rows read so far (a file's rows are not known before it is read).
          ctx.progress('statements', 0, null);
          // A file that cannot be read fails the job with its sentence (naming the file).
          const r = await importStatements(own, files, { onRows: (rows) => ctx.progress('statements', rows, null) });
          return {
            new: r.new,
            duplicates: r.duplicates,
            rejected: r.rejected,
            files: r.files.map((f) => ({ file: f.file, encoding: f.encoding, rows: f.rows, alreadyImported: f.alreadyImported })),
            rejections: r.rejections.slice(0, 200),
          };
        } finally {
          own.close();
          deps.doneWith?.(files);
        }
      });
      return started ? ok({ jobId: started }) : fail('busy', JOB_BUSY);
    },
    'flow.series': async ({ id }) => {
      if (db.prepare('SELECT 1 FROM series WHERE id = ?').get(id) === undefined) return fail('not_found', `no series ${id}`);
      return ok(seriesFlow(db, id));
    },
    'flow.shared': async () => ok(sharedDownstream(db)),
    'flow.trace': async ({ account, direction, depth, windowHours, tolerance }) => {
      try {
        return ok(
          traceAccount(db, account, {
            direction,
            ...(depth === undefined ? {} : { depth }),
            ...(windowHours === undefined ? {} : { windowHours }),
            ...(tolerance === undefined ? {} : { tolerance }),
          }),
        );
      } catch (e) {
        if (e instanceof FlowError) return fail(/^no statement/.test(e.message) ? 'not_found' : 'invalid_argument', e.message);
        throw e;
      }
    },
    'flow.next': async ({ limit }) => ok(nextRequests(db, limit)),
    'flow.links': async ({ seriesId }) => {
      if (seriesId === undefined) return ok(flowLinks(db));
      if (db.prepare('SELECT 1 FROM series WHERE id = ?').get(seriesId) === undefined) return fail('not_found', `no series ${seriesId}`);
      return ok(flowLinks(db, { within: seriesFlowAccounts(db, seriesId) }));
    },
    'flow.export': async ({ seriesId, account, format, file }) => {
      if (db.prepare('SELECT 1 FROM series WHERE id = ?').get(seriesId) === undefined) return fail('not_found', `no series ${seriesId}`);
      try {
        const request = { seriesId, format, ...(account !== undefined ? { account } : {}), ...(file !== undefined ? { file } : {}) };
        return ok(await exportFlow(db, request, deps.downloadRoot));
      } catch (e) {
        if (e instanceof FlowError) return fail('invalid_argument', e.message);
        throw e;
      }
    },
  };
}
