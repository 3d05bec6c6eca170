// Why a sync stopped, as a stable code the UI can branch on and one sentence the investigator
// can act on. Everything committed before the stop stays; the next sync resumes from the last
// committed cursor. Messages never contain the token (see redactToken).

export type SyncFailureCode =
  /** 401 or 403: the token is wrong, expired, or not valid for this precinct. */
  | 'unauthorised'
  /** 404: no such precinct on this feed, or the base URL is wrong. */
  | 'not_found'
  /** A 200 whose body is not a feed page. */
  | 'bad_page'
  /** 5xx, resets, timeouts: the retries ran out. */
  | 'unavailable'
  /** 429/503 asked to wait longer than the bound, or too often. */
  | 'throttled'
  /** A redirect to another origin (refused: the token goes to the configured feed only). */
  | 'redirect'
  /** Any other answer the protocol does not define (400, 405, 410, …). */
  | 'http_error'
  /** The feed cannot be reached at all (refused, no route, no name: offline), or TLS fails. */
  | 'network'
  /** Another sync of the same feed moved its cursor meanwhile. */
  | 'concurrent';

export interface SyncFailure {
  readonly code: SyncFailureCode;
  readonly message: string;
}

/** The sync was asked to do something impossible (bad URL, empty precinct): fix the input. */
export class SyncConfigError extends Error {
  override readonly name = 'SyncConfigError';
}

/** Belt and braces: whatever a message was built from, the token never leaves in it. */
export function redactToken(message: string, token: string): string {
  return token.length >= 4 ? message.split(token).join('[token]') : message;
}
