// Checks that a value received over a transport is shaped like a Result. The backend is
// trusted, but a proxy error page or a half-written body must become a clear failure,
// not a crash deep inside a view.

import type { ApiError, Result } from '../../../common/api';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function isApiError(value: unknown): value is ApiError {
  return isRecord(value) && typeof value.code === 'string' && typeof value.message === 'string';
}

export function isResult(value: unknown): value is Result<unknown> {
  if (!isRecord(value)) return false;
  if (value.ok === true) return 'value' in value;
  if (value.ok === false) return isApiError(value.error);
  return false;
}

export function failure(code: string, message: string): { readonly ok: false; readonly error: ApiError } {
  return { ok: false, error: { code, message } };
}
