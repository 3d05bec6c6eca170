// The link worker's task in the workers' protocol (src/core/worker/protocol.ts): started with
// LinkWorkerInit, it answers with progress by stage and then the run's summary, or an error
// (a cancelled run: an ExpectedError with the code 'cancelled').
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

export interface LinkProgress {
  readonly stage: string;
  readonly done: number;
  readonly total: number | null;
}

export type { LinkRunSummary };
