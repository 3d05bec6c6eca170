// The small typed protocol between a host and the backend worker: numbered requests, one
// response each, pushed events, a fatal message when the worker cannot start — and, the other
// way round, numbered requests from the worker asking the host's token vault to seal or open a
// feed token. The vault lives with the host because Electron's safeStorage exists only in the
// main process; plain tokens travel between the worker and its host only, never to a renderer.
import type { ApiEvent, Result } from '../../common/api';

export interface WorkerInit {
  readonly dbPath: string;
  readonly nativeBinding?: string;
  readonly importRoot?: string;
  /** The browser host's folder for exported bundles (served at /api/download/<id>). */
  readonly downloadRoot?: string;
  /** The host vault's kind ("safeStorage", "key file"), named in messages. */
  readonly vaultKind: string;
}

export interface WorkerRequest {
  readonly type: 'call';
  readonly seq: number;
  readonly method: string;
  readonly arg: unknown;
}

/** Worker → host: seal `text` (a token) or open it (a sealed token) for `context`. */
export interface VaultRequest {
  readonly type: 'vault';
  readonly seq: number;
  readonly op: 'seal' | 'open';
  readonly text: string;
  readonly context: string;
}

/** Host → worker: the vault's answer, or the sentence of its TokenVaultError. */
export type VaultResponse =
  | { readonly type: 'vault.result'; readonly seq: number; readonly ok: true; readonly value: string }
  | { readonly type: 'vault.result'; readonly seq: number; readonly ok: false; readonly message: string };

export type HostMessage = WorkerRequest | VaultResponse | { readonly type: 'close' };

export type WorkerMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'fatal'; readonly message: string }
  | { readonly type: 'response'; readonly seq: number; readonly result: Result<unknown> }
  | { readonly type: 'event'; readonly event: ApiEvent }
  | VaultRequest;
