// '#/' goes to the welcome screen while the store is empty, to the overview otherwise.

import { useEffect } from 'react';
import type { StoreInfo } from '../../../common/api';
import { useI18n } from '../i18n/I18nContext';
import { ErrorNotice } from './ErrorNotice';
import { navigate } from './navigation';
import type { Resource } from './use-api-resource';

export function RootRedirect({ info, onRetry }: { readonly info: Resource<StoreInfo>; readonly onRetry: () => void }) {
  const { m } = useI18n();
  const target = info.status === 'ok' ? (info.value.reports === 0 ? '#/welcome' : '#/overview') : null;

  useEffect(() => {
    if (target !== null) navigate(target, { replace: true });
  }, [target]);

  return (
    <div className="view">
      {info.status === 'error' ? <ErrorNotice error={info.error} onRetry={onRetry} /> : <p className="muted">{m['common.loading']}</p>}
    </div>
  );
}
