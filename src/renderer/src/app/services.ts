// The renderer's long-lived services, created once at start over the chosen transport.

import type { ApiClient } from '../../../common/api';
import { ChangeFeed } from '../jobs/change-feed';
import { JobTracker } from '../jobs/job-tracker';
import { SyncStatusTracker } from '../sources/sync-status';

export interface Services {
  readonly api: ApiClient;
  readonly jobs: JobTracker;
  readonly changes: ChangeFeed;
  readonly syncs: SyncStatusTracker;
}

export function createServices(api: ApiClient): Services {
  const jobs = new JobTracker();
  const changes = new ChangeFeed();
  const syncs = new SyncStatusTracker();
  api.onEvent((event) => {
    jobs.apply(event);
    syncs.apply(event);
    if (event.type === 'store.changed' || event.type === 'job.done') changes.changed();
  });
  return { api, jobs, changes, syncs };
}
