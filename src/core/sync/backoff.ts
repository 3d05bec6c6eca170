// Waiting between attempts. Exponential back-off with "equal jitter": half the delay is fixed,
// half random, so a fleet of workstations retrying against one feed spreads out instead of
// arriving in waves, and no retry comes back immediately. Every wait is cancellable.
import { Cancelled } from '../../common/result';

export interface BackoffPolicy {
  /** Delay before the first retry, before jitter. */
  readonly baseMs: number;
  /** No single wait is longer than this. */
  readonly maxMs: number;
}

/** Delay before retry number `retry` (1 = the first retry). */
export function backoffDelay(retry: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, retry - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

// An aborted wait or request rejects with Cancelled (src/common/result.ts), so callers can tell
// cancellation apart.

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new Cancelled());
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new Cancelled());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
