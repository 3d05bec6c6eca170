// What every API call answers: a value, or an expected failure with a stable code and one clear
// sentence for the investigator. Domain code throws an ExpectedError (or a subclass naming its
// domain); Backend.call turns it into a failed result in one place, so handlers return values.

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiError };

export interface ApiError {
  /** Stable machine code (ERROR_CODES). */
  readonly code: string;
  /** One clear sentence for the investigator, naming what is wrong. */
  readonly message: string;
}

/** The codes the API answers with; the renderer may key messages on them. */
export const ERROR_CODES = [
  'unknown_method',
  'invalid_argument',
  'not_found',
  'conflict',
  'forbidden',
  'busy',
  'store_busy',
  'disk_full',
  'cancelled',
  'unavailable',
  'token_unreadable',
  'no_token',
  'failed',
  'backend_stopped',
  'store_locked',
  'wrong_passphrase',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string): Result<never> => ({ ok: false, error: { code, message } });

/** Why a job could not start: another one runs. */
export const JOB_BUSY = 'another import or job is running; wait for it or cancel it';

/** A failure the investigator can act on: answered as `{ ok: false, error: { code, message } }`. */
export class ExpectedError extends Error {
  override name = 'ExpectedError';
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Work that was asked to stop (a link run, a sync's wait or request): told apart from a failure. */
export class Cancelled extends ExpectedError {
  override name = 'Cancelled';
  constructor(message = 'cancelled') {
    super('cancelled', message);
  }
}

/** A Cancelled, or one that crossed a thread boundary (code 'cancelled'). */
export function isCancelled(e: unknown): boolean {
  return e instanceof ExpectedError && e.code === 'cancelled';
}

/**
 * A handler's answer, with the ExpectedError it throws answered as a failed result: the one
 * conversion (Backend.call runs every handler through it). Anything else is thrown on.
 */
export async function answer<T>(run: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof ExpectedError) return fail(e.code, e.message);
    throw e;
  }
}
