// The renderer's long-lived services, created once at start over the chosen transport.

import type { ApiClient } from '../../../common/api';
import { ChangeFeed } from '../jobs/change-feed';
import { JobTracker } from '../jobs/job-tracker';

export interface Services {
  readonly api: ApiClient;
  readonly jobs: JobTracker;
  readonly changes: ChangeFeed;
}

export function createServices(api: ApiClient): Services {
  const jobs = new JobTracker();
  const changes = new ChangeFeed();
  api.onEvent((event) => {
    jobs.apply(event);
    if (event.type === 'store.changed' || event.type === 'job.done') changes.changed();
  });
  return { api, jobs, changes };
}
