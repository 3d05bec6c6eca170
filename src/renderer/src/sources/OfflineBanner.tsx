// Shown on every screen while the browser says it is offline or the last sync of a feed could
// not reach it: syncing waits, everything else works on the local store.

import { useSyncExternalStore } from 'react';
import { OfflineIcon } from '../app/Icons';
import { useDataVersion } from '../app/ServicesContext';
import { useApiResource } from '../app/use-api-resource';
import { useI18n } from '../i18n/I18nContext';

function subscribe(listener: () => void): () => void {
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
}

export function useOnline(): boolean {
  return useSyncExternalStore(subscribe, () => navigator.onLine);
}

export function OfflineBanner() {
  const { m } = useI18n();
  const online = useOnline();
  const [sources] = useApiResource('sources.list', {}, useDataVersion());
  const unreachable = sources.status === 'ok' && sources.value.some((s) => s.lastError?.code === 'network');
  if (online && !unreachable) return null;
  return (
    <p className="notice notice-warn offline-banner" role="status">
      <OfflineIcon />
      <span>{m['sources.offline']}</span>
    </p>
  );
}
