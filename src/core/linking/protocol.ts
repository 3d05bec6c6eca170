// The small typed protocol between a host (Electron main, the CLI) and the link worker.
import type { LinkRunSummary } from './store-io';

export interface LinkWorkerInit {
  readonly dbPath: string;
  readonly full: boolean;
  /** Estimate the linking model again (a full run). */
  readonly estimate?: boolean;
  readonly nativeBinding?: string;
  /** One Int32 the host sets to 1 to cancel: the run is synchronous, so a message would wait. */
  readonly cancelFlag: SharedArrayBuffer;
}

/** Worker → host. */
export type LinkWorkerMessage =
  | { readonly type: 'progress'; readonly stage: string; readonly done: number; readonly total: number | null }
  | { readonly type: 'done'; readonly summary: LinkRunSummary }
  | { readonly type: 'cancelled' }
  | { readonly type: 'error'; readonly message: string };
