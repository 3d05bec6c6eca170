// The bounds of one sync. Defaults suit a real feed over a WAN; tests pass small ones.
import type { BackoffPolicy } from './backoff';

export interface SyncPolicy {
  /** Page size asked for (`limit`, 1–5000); the server may send fewer. */
  readonly pageSize: number;
  /** Deadline for one whole answer, headers and body. */
  readonly timeoutMs: number;
  /** Tries per page on 5xx, resets and timeouts, the first included; then the sync stops. */
  readonly attempts: number;
  readonly backoff: BackoffPolicy;
  /** The longest Retry-After honoured; a longer one stops the sync ("come back later"). */
  readonly maxRetryAfterMs: number;
  /** How many times one page may be answered 429/503-with-Retry-After before the sync stops. */
  readonly throttleRetries: number;
  /**
   * Pages in a row that bring nothing new (no records, or the same cursor back) while saying
   * `more: true`. The protocol allows empty pages, but a feed that never makes progress must not
   * hold a sync forever: after this many the sync ends, everything committed, and says so.
   */
  readonly maxIdlePages: number;
  /** A decompressed page larger than this is refused as not a feed page. */
  readonly maxPageBytes: number;
  /** Same-origin redirects followed per request. */
  readonly maxRedirects: number;
}

export const MAX_PAGE_SIZE = 5000;

export const DEFAULT_SYNC_POLICY: SyncPolicy = {
  pageSize: 1000,
  timeoutMs: 30_000,
  attempts: 6,
  backoff: { baseMs: 500, maxMs: 30_000 },
  maxRetryAfterMs: 60_000,
  throttleRetries: 10,
  maxIdlePages: 100,
  maxPageBytes: 256 * 1024 * 1024,
  maxRedirects: 3,
};

export type SyncPolicyInput = Partial<Omit<SyncPolicy, 'backoff'>> & { readonly backoff?: Partial<BackoffPolicy> };

export function resolvePolicy(input: SyncPolicyInput = {}): SyncPolicy {
  const policy: SyncPolicy = { ...DEFAULT_SYNC_POLICY, ...input, backoff: { ...DEFAULT_SYNC_POLICY.backoff, ...input.backoff } };
  const check = (name: string, v: number, min: number, max: number): void => {
    if (!Number.isInteger(v) || v < min || v > max)
      throw new RangeError(`sync policy ${name} must be an integer from ${min} to ${max}, got ${v}`);
  };
  check('pageSize', policy.pageSize, 1, MAX_PAGE_SIZE);
  check('timeoutMs', policy.timeoutMs, 1, 3_600_000);
  check('attempts', policy.attempts, 1, 100);
  check('backoff.baseMs', policy.backoff.baseMs, 0, 3_600_000);
  check('backoff.maxMs', policy.backoff.maxMs, 0, 3_600_000);
  check('maxRetryAfterMs', policy.maxRetryAfterMs, 0, 86_400_000);
  check('throttleRetries', policy.throttleRetries, 0, 1000);
  check('maxIdlePages', policy.maxIdlePages, 1, 1_000_000);
  check('maxPageBytes', policy.maxPageBytes, 1024, 2 ** 31);
  check('maxRedirects', policy.maxRedirects, 0, 10);
  return policy;
}
