// Bank statements and the money flow behind the contract: importing statements as a job (on a
// connection of its own, so the file's one transaction never takes in another handler's write),
// a series' money flow, and the downstream accounts several series share.
import type { CasegraphApi, StatementImportView } from '../../../common/api';
import { fail, JOB_BUSY, ok } from '../../../common/result';
import { importStatements } from '../../statements/import-statements';
import { seriesFlow, sharedDownstream } from '../../statements/series-flow';
import { openStore, type Db, type OpenOptions } from '../../store/db';
import type { Jobs } from '../jobs';

export type FlowHandlers = Pick<CasegraphApi, 'statements.import' | 'flow.series' | 'flow.shared'>;

export interface FlowDeps {
  readonly db: Db;
  readonly dbPath: string;
  readonly openOptions: OpenOptions;
  readonly jobs: Jobs;
  /** Why a file cannot be imported (not uploaded through this session, missing), or null. */
  readonly fileProblem: (file: string) => string | null;
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
          ctx.progress('statements', 0, files.length);
          // A file that cannot be read fails the job with its sentence (naming the file).
          const r = await importStatements(own, files);
          ctx.progress('statements', files.length, files.length);
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
  };
}
