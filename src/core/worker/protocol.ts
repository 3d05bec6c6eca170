// The one protocol between a thread and its workers (backend, linking, import, analysis). Every
// message is one of four kinds, numbered by `seq`:
//   request  — ask the other side for something; each side numbers its own requests from 1
//   progress — news of a request still running
//   result   — a request's answer (its last message)
//   error    — a request's failure, serialised (name, message and, for an ExpectedError, its code)
// Request 0 (TASK) is the one a worker was started for, with its workerData: a link run's
// progress and summary, the backend's events and its readiness. Messages are structured-cloned,
// so they carry plain data only; an Error is sent as SerialisedError and made again on arrival.
import { ERROR_CODES, ExpectedError, type ErrorCode } from '../../common/result';

/** The request a worker was started for (its workerData). */
export const TASK = 0;

export interface SerialisedError {
  readonly name: string;
  readonly message: string;
  /** Set for an ExpectedError: it is made again as one, with this code. */
  readonly code?: ErrorCode;
}

/** A message one way: requests it sends (`Req`), and the progress (`Prog`) and results (`Res`) it answers with. */
export type Message<Req, Prog, Res> =
  | { readonly type: 'request'; readonly seq: number; readonly request: Req }
  | { readonly type: 'progress'; readonly seq: number; readonly progress: Prog }
  | { readonly type: 'result'; readonly seq: number; readonly value: Res }
  | { readonly type: 'error'; readonly seq: number; readonly error: SerialisedError };

export function serialiseError(e: unknown): SerialisedError {
  if (e instanceof ExpectedError) return { name: e.name, message: e.message, code: e.code };
  if (e instanceof Error) return { name: e.name, message: e.message };
  return { name: 'Error', message: String(e) };
}

/** The error again: an ExpectedError with its code when it was one, else an Error of that name. */
export function deserialiseError(s: SerialisedError): Error {
  const e =
    s.code !== undefined && (ERROR_CODES as readonly string[]).includes(s.code)
      ? new ExpectedError(s.code, s.message)
      : new Error(s.message);
  e.name = s.name;
  return e;
}

export const progress = <P>(seq: number, p: P): Message<never, P, never> => ({ type: 'progress', seq, progress: p });
export const result = <R>(seq: number, value: R): Message<never, never, R> => ({ type: 'result', seq, value });
export const failure = (seq: number, e: unknown): Message<never, never, never> => ({ type: 'error', seq, error: serialiseError(e) });
