// The feed's base URL, checked once, and the page URLs built from it. The token is a secret, so
// it only travels over HTTPS; plain HTTP is accepted on loopback only (tests, a local relay), as
// the protocol says. The base URL carries no credentials, query or fragment: everything the
// request needs is in the protocol's path, query and Authorization header.
import { SyncConfigError } from './sync-error';

const MAX_PRECINCT = 128;

function isLoopback(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

/** Normalised base URL: origin plus path, no trailing slash. Throws SyncConfigError naming the problem. */
export function normaliseFeedBase(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new SyncConfigError(`the feed URL ${JSON.stringify(input)} is not a valid URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new SyncConfigError(`the feed URL must start with https://, got ${url.protocol}`);
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    throw new SyncConfigError(
      'the feed URL must use https:// (plain http:// is allowed on this computer only): the token must not cross the network in clear',
    );
  }
  if (url.username || url.password)
    throw new SyncConfigError('the feed URL must not contain a user name or password; give the token separately');
  if (url.search || url.hash) throw new SyncConfigError('the feed URL must not contain a query (?…) or fragment (#…)');
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

export function checkPrecinct(precinct: string): string {
  if (precinct.trim() === '' || precinct !== precinct.trim())
    throw new SyncConfigError('the precinct code must not be empty or padded with spaces');
  if (precinct.length > MAX_PRECINCT) throw new SyncConfigError(`the precinct code is longer than ${MAX_PRECINCT} characters`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(precinct)) throw new SyncConfigError('the precinct code contains control characters');
  return precinct;
}

/** GET {base}/v1/precincts/{precinct}/reports?after={cursor}&limit={n}; no `after` from the beginning. */
export function pageUrl(base: string, precinct: string, after: string | null, limit: number): URL {
  const url = new URL(`${base}/v1/precincts/${encodeURIComponent(precinct)}/reports`);
  if (after !== null && after !== '') url.searchParams.set('after', after);
  url.searchParams.set('limit', String(limit));
  return url;
}

/** How a page is named in messages: by the cursor it was asked with, shortened. */
export function describeCursor(after: string | null): string {
  if (after === null || after === '') return 'from the beginning';
  return `after ${JSON.stringify(after.length > 40 ? `${after.slice(0, 37)}...` : after)}`;
}
