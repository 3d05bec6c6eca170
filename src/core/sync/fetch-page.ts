// Getting one page, whatever it takes within the policy's bounds: the feed-protocol.md error
// table, row by row. Returns the page, or why the sync must stop; throws only Cancelled.
import { Cancelled } from '../../common/result';
import { backoffDelay, sleep } from './backoff';
import { FeedTransport, TransportError } from './feed-http';
import { parseFeedPage, type FeedPage } from './feed-page';
import { parseRetryAfter } from './retry-after';
import type { SyncFailure } from './sync-error';
import type { SyncPolicy } from './sync-policy';

export type PageFetch = { readonly ok: true; readonly page: FeedPage } | { readonly ok: false; readonly failure: SyncFailure };

export interface Wait {
  readonly ms: number;
  /** Why, for the investigator: "HTTP 503, Retry-After", "connection reset". */
  readonly reason: string;
  /** 1 for the first retry of this page. */
  readonly retry: number;
}

export interface PageRequest {
  readonly url: URL;
  readonly precinct: string;
  /** "page 3 (after "c2")": how messages name the page. */
  readonly label: string;
  readonly policy: SyncPolicy;
  readonly signal?: AbortSignal;
  readonly onWait?: (wait: Wait) => void;
  readonly random?: () => number;
}

const seconds = (ms: number): string => `${Math.ceil(ms / 1000)} s`;

function header(v: string | string[] | undefined): string | null {
  return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
}

export async function fetchPage(transport: FeedTransport, req: PageRequest): Promise<PageFetch> {
  const { policy, label, precinct } = req;
  const stop = (code: SyncFailure['code'], message: string): PageFetch => ({ ok: false, failure: { code, message } });
  let failures = 0;
  let throttled = 0;
  let lastCause = '';
  // True while no try reached a server (refused, no route, no name): then the stop is 'network',
  // which the app reads as "offline", rather than a feed that answers badly.
  let unreachable = true;

  const wait = async (ms: number, reason: string): Promise<void> => {
    req.onWait?.({ ms, reason, retry: failures + throttled });
    await sleep(ms, req.signal);
  };

  for (;;) {
    if (req.signal?.aborted) throw new Cancelled();
    let transient: string | null = null;
    try {
      const answer = await transport.get(req.url, req.signal);
      unreachable = false;
      if (answer.kind === 'redirect') {
        return answer.reason === 'other_origin'
          ? stop(
              'redirect',
              `the feed redirected ${label} to another origin (${answer.location}); refused: the token is only sent to the configured feed`,
            )
          : stop('redirect', `the feed redirected ${label} more than ${policy.maxRedirects} times`);
      }
      const { status } = answer;
      if (status >= 200 && status < 300) {
        const parsed = parseFeedPage(answer.body ?? Buffer.alloc(0), header(answer.headers['content-type']) ?? undefined);
        if (!parsed.ok) return stop('bad_page', `${label} is not a feed page: ${parsed.reason}; nothing of it was stored`);
        return parsed;
      }
      if (status === 401 || status === 403) {
        return stop(
          'unauthorised',
          `not authorised for precinct ${precinct} (HTTP ${status}): the token is wrong, expired or not valid for this precinct; everything synced before is kept`,
        );
      }
      if (status === 404)
        return stop('not_found', `unknown precinct ${precinct} or wrong base URL (HTTP 404 for ${req.url.origin}${req.url.pathname})`);
      if (status === 429 || status === 503) {
        const ms = parseRetryAfter(header(answer.headers['retry-after']));
        if (ms !== null) {
          if (ms > policy.maxRetryAfterMs) {
            return stop(
              'throttled',
              `the feed asked to wait ${seconds(ms)} before ${label} (HTTP ${status}), longer than the ${seconds(policy.maxRetryAfterMs)} a sync waits; sync again later`,
            );
          }
          throttled += 1;
          if (throttled > policy.throttleRetries) {
            return stop('throttled', `the feed asked to wait ${throttled} times for ${label} (HTTP ${status}); sync again later`);
          }
          await wait(ms, `HTTP ${status}, Retry-After`);
          continue;
        }
        transient = `HTTP ${status}`;
      } else if (status >= 500 || status === 408) {
        transient = `HTTP ${status}`;
      } else {
        return stop('http_error', `the feed answered HTTP ${status} for ${label}, an answer the feed protocol does not define`);
      }
    } catch (e) {
      if (e instanceof Cancelled) throw e;
      if (!(e instanceof TransportError)) throw e;
      if (e.failure === 'too_large' || e.failure === 'decode')
        return stop('bad_page', `${label} is not a feed page: ${e.message}; nothing of it was stored`);
      if (e.failure === 'tls') return stop('network', `cannot connect securely to the feed: ${e.message}`);
      if (e.failure !== 'refused' && e.failure !== 'network') unreachable = false;
      transient = e.message;
    }
    failures += 1;
    lastCause = transient;
    if (failures >= policy.attempts) {
      if (unreachable) {
        return stop(
          'network',
          `cannot reach the feed at ${req.url.origin} (${lastCause}, ${failures} tries): this computer may be offline or the feed down; everything synced before is kept — sync again later`,
        );
      }
      return stop(
        'unavailable',
        `the feed failed ${failures} times on ${label} (last: ${lastCause}); sync again later to resume from there`,
      );
    }
    await wait(backoffDelay(failures, policy.backoff, req.random), transient);
  }
}
