// Why a sync stopped, as a sentence chosen by its code, with the engine's exact words one click away.

import type { ApiError } from '../../../common/api';
import { AlertIcon } from '../app/Icons';
import { useI18n } from '../i18n/I18nContext';
import { isSyncErrorCode } from '../i18n/vocabulary';

export function SyncErrorNotice({ error }: { readonly error: Readonly<ApiError> }) {
  const { m } = useI18n();
  return (
    <div className="notice notice-error" data-testid="sync-error">
      <p className="notice-text">
        <AlertIcon />
        <span>{m[`syncError.${isSyncErrorCode(error.code) ? error.code : 'failed'}`]}</span>
      </p>
      {error.message !== '' ? (
        <details className="notice-details">
          <summary>{m['sources.errorDetails']}</summary>
          <p>{error.message}</p>
        </details>
      ) : null}
    </div>
  );
}
