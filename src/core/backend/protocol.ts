// The small typed protocol between a host and the backend worker: numbered requests,
// one response each, pushed events, and a fatal message when the worker cannot start.
import type { ApiEvent, Result } from '../../common/api';

export interface WorkerInit {
  readonly dbPath: string;
  readonly nativeBinding?: string;
  readonly importRoot?: string;
}

export interface WorkerRequest {
  readonly seq: number;
  readonly method: string;
  readonly arg: unknown;
}

export type WorkerMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'fatal'; readonly message: string }
  | { readonly type: 'response'; readonly seq: number; readonly result: Result<unknown> }
  | { readonly type: 'event'; readonly event: ApiEvent };
