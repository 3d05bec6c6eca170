// Jobs behind the contract: the running job (a reloaded UI picks it up), cancelling it, and a
// link run asked for by the investigator. Imports, syncs and exports start their own jobs.
import type { CasegraphApi } from '../../../common/api';
import { fail, JOB_BUSY, ok } from '../../../common/result';
import type { Jobs } from '../jobs';
import type { LinkJobs } from '../link-jobs';

export type JobHandlers = Pick<CasegraphApi, 'job.cancel' | 'job.current' | 'link.start'>;

export function jobHandlers(deps: { readonly jobs: Jobs; readonly linking: LinkJobs }): JobHandlers {
  const { jobs, linking } = deps;
  return {
    'job.cancel': async ({ jobId }) => ok({ cancelled: jobs.cancel(jobId) }),
    'job.current': async () => ok(jobs.current()),
    'link.start': async ({ full }) => {
      if (!linking.available) return fail('unavailable', 'the linking engine is not built in this installation; run npm run build');
      const started = linking.start(full === true);
      return started ? ok({ jobId: started }) : fail('busy', JOB_BUSY);
    },
  };
}
