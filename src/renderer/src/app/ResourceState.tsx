// What a view shows of a resource (use-api-resource.ts) that has not arrived: a loading line, or
// the error with a retry. Nothing once the value is there; the view draws that itself.

import { useI18n } from '../i18n/I18nContext';
import { ErrorNotice } from './ErrorNotice';
import type { Resource } from './use-api-resource';

export function ResourceState<T>({ resource, onRetry }: { readonly resource: Resource<T>; readonly onRetry: () => void }) {
  const { m } = useI18n();
  if (resource.status === 'loading') return <p className="muted">{m['common.loading']}</p>;
  if (resource.status === 'error') return <ErrorNotice error={resource.error} onRetry={onRetry} />;
  return null;
}
