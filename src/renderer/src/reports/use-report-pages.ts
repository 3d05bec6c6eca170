// The page cache for one filtered, sorted list. The most recent cache outlives the list view,
// so coming back from a report shows the same rows at once; any other filter set gets a new
// cache. A dropped cache needs no disposal: its listeners go with the component.

import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { ApiClient } from '../../../common/api';
import { useApi, useDataVersion } from '../app/ServicesContext';
import { ReportPageCache } from './report-page-cache';
import { filtersToSearch, toReportQuery, type ReportFilters } from './report-filters';

let recent: { readonly api: ApiClient; readonly key: string; readonly cache: ReportPageCache } | null = null;

function cacheFor(api: ApiClient, filters: Readonly<ReportFilters>): ReportPageCache {
  const key = filtersToSearch(filters);
  if (recent !== null && recent.api === api && recent.key === key) return recent.cache;
  const cache = new ReportPageCache((offset, limit) => api.call('reports.query', toReportQuery(filters, offset, limit)));
  recent = { api, key, cache };
  return cache;
}

export function useReportPages(filters: Readonly<ReportFilters>): ReportPageCache {
  const api = useApi();
  const dataVersion = useDataVersion();
  const cache = useMemo(() => cacheFor(api, filters), [api, filters]);
  useEffect(() => cache.sync(dataVersion), [cache, dataVersion]);
  useSyncExternalStore(cache.subscribe, cache.getVersion);
  return cache;
}
