// One API action at a time from a panel: busy while it runs (its buttons disabled), and the
// failure of the last one kept to show. Each run clears the previous failure.

import { useCallback, useState } from 'react';
import type { ApiError, Result } from '../../../common/api';

export interface BusyAction {
  readonly busy: boolean;
  readonly error: ApiError | null;
  /** Runs the call; a failure is kept in `error`. Answers the call's result. */
  readonly run: <T>(call: () => Promise<Result<T>>) => Promise<Result<T>>;
}

export function useBusyAction(): BusyAction {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = useCallback(async <T>(call: () => Promise<Result<T>>): Promise<Result<T>> => {
    setBusy(true);
    setError(null);
    const result = await call();
    setBusy(false);
    if (!result.ok) setError(result.error);
    return result;
  }, []);
  return { busy, error, run };
}
