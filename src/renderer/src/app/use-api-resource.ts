// Loads one API method's result for a view and reloads it when its argument or refresh key
// changes. While a refresh of the same argument runs, the previous value stays on screen.

import { useCallback, useEffect, useState } from 'react';
import type { ApiArg, ApiError, ApiMethod, ApiValue, Result } from '../../../common/api';
import { useApi } from './ServicesContext';

export type Resource<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'ok'; readonly value: T; readonly refreshing: boolean }
  | { readonly status: 'error'; readonly error: ApiError };

interface Loaded<T> {
  readonly key: string;
  readonly stamp: string;
  readonly result: Result<T>;
}

export function useApiResource<M extends ApiMethod>(method: M, arg: ApiArg<M>, refreshKey: number): [Resource<ApiValue<M>>, () => void] {
  const api = useApi();
  const [retries, setRetries] = useState(0);
  const [loaded, setLoaded] = useState<Loaded<ApiValue<M>> | null>(null);
  const key = `${method} ${JSON.stringify(arg)}`;
  const stamp = `${key} ${refreshKey} ${retries}`;

  useEffect(() => {
    let live = true;
    // `key` stands for `arg`: a new argument object with the same content must not refetch.
    const request = JSON.parse(key.slice(method.length + 1)) as ApiArg<M>;
    void api.call(method, request).then((result) => {
      if (live) setLoaded({ key, stamp, result });
    });
    return () => {
      live = false;
    };
  }, [api, method, key, stamp]);

  const retry = useCallback(() => setRetries((n) => n + 1), []);

  if (loaded === null || loaded.key !== key) return [{ status: 'loading' }, retry];
  if (!loaded.result.ok) return [loaded.stamp === stamp ? { status: 'error', error: loaded.result.error } : { status: 'loading' }, retry];
  return [{ status: 'ok', value: loaded.result.value, refreshing: loaded.stamp !== stamp }, retry];
}
