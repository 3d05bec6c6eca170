// Hands the services to the component tree, with one hook per service.

import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { ApiClient } from '../../../common/api';
import type { JobsSnapshot, JobTracker } from '../jobs/job-tracker';
import type { SyncStatus, SyncStatusTracker } from '../sources/sync-status';
import type { Services } from './services';

const ServicesContext = createContext<Services | null>(null);

export function ServicesProvider({ services, children }: { readonly services: Services; readonly children: ReactNode }) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

function useServices(): Services {
  const services = useContext(ServicesContext);
  if (services === null) throw new Error('ServicesProvider is missing');
  return services;
}

export function useApi(): ApiClient {
  return useServices().api;
}

export function useJobTracker(): JobTracker {
  return useServices().jobs;
}

export function useJobs(): JobsSnapshot {
  const { jobs } = useServices();
  return useSyncExternalStore(jobs.subscribe, jobs.getSnapshot);
}

/** Goes up when the store changed; use it as a refresh key. */
export function useDataVersion(): number {
  const { changes } = useServices();
  return useSyncExternalStore(changes.subscribe, changes.getSnapshot);
}

export function useSyncTracker(): SyncStatusTracker {
  return useServices().syncs;
}

/** The running syncs' latest status, by feed id. */
export function useSyncStatuses(): ReadonlyMap<number, SyncStatus> {
  const { syncs } = useServices();
  return useSyncExternalStore(syncs.subscribe, syncs.getSnapshot);
}
