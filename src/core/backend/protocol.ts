// The backend worker in the workers' protocol (src/core/worker/protocol.ts). The host numbers its
// requests (an API call, closing); each call is answered with its Result. The worker's task
// (request 0) answers with the API's events as progress, null as its result once the store is
// open, or the error that kept it from opening. The other way round, the worker numbers its
// requests asking the host's token vault to seal or open a feed token: the vault lives with the
// host because Electron's safeStorage exists only in the main process; plain tokens travel
// between the worker and its host only, never to a renderer.
import type { ApiEvent, Result } from '../../common/api';
import type { Message } from '../worker/protocol';

export interface WorkerInit {
  readonly dbPath: string;
  readonly nativeBinding?: string;
  readonly importRoot?: string;
  /** The browser host's folder for exported bundles (served at /api/download/<id>). */
  readonly downloadRoot?: string;
  /** The host vault's kind ("safeStorage", "key file"), named in messages. */
  readonly vaultKind: string;
}

/** Host → worker: call an API method (answered with its Result), or close. */
export type BackendRequest = { readonly op: 'call'; readonly method: string; readonly arg: unknown } | { readonly op: 'close' };

/** Worker → host: seal `text` (a token) or open it (a sealed token) for `context`. */
export interface VaultRequest {
  readonly op: 'seal' | 'open';
  readonly text: string;
  readonly context: string;
}

/** Host → worker: its requests, and the vault's answers (the text, or the sentence of its TokenVaultError). */
export type HostMessage = Message<BackendRequest, never, string>;

/** Worker → host: its vault requests, the calls' results, and its task's events, readiness (null) or failure to start. */
export type WorkerMessage = Message<VaultRequest, ApiEvent, Result<unknown> | null>;
