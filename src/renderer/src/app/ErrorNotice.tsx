// An expected failure, shown in the UI language, with the backend's exact sentence one click away.

import type { ApiError } from '../../../common/api';
import { errorSummary } from '../i18n/error-text';
import { useI18n } from '../i18n/I18nContext';
import { AlertIcon } from './Icons';

export function ErrorNotice({ error, onRetry }: { readonly error: Readonly<ApiError>; readonly onRetry?: () => void }) {
  const { m } = useI18n();
  return (
    <div role="alert" className="notice notice-error">
      <p className="notice-text">
        <AlertIcon />
        <span>{errorSummary(error, m)}</span>
      </p>
      {error.message !== '' ? (
        <details className="notice-details">
          <summary>{m['error.details']}</summary>
          <p>{error.message}</p>
        </details>
      ) : null}
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry}>
          {m['error.retry']}
        </button>
      ) : null}
    </div>
  );
}
