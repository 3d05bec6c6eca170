// Progress and cancellation inside a link run. The run is synchronous from the first read to the
// last write, so a request to stop cannot arrive as an event: it is polled — an AbortSignal (aborted
// from a progress callback, say) or the worker's shared flag — every `every` items of each loop
// that can run for long, together with a progress report. A cancel therefore lands within
// milliseconds at any stage; one raised while writing rolls the transaction back.

// The one Cancelled of the codebase (src/common/result.ts), thrown here when a run is asked to stop.
import { Cancelled } from '../../common/result';

export { Cancelled };

export interface RunControl {
  readonly signal?: AbortSignal;
  readonly shouldStop?: () => boolean;
  /** `total` is null when not known in advance (rows read from the store). */
  readonly onProgress?: (stage: string, done: number, total: number | null) => void;
  /** Items between two checks in a long loop (default 8192). */
  readonly checkEvery?: number;
}

/** Reports progress, then throws Cancelled when the run was asked to stop. */
export type Tick = (stage: string, done: number, total: number | null) => void;

export const DEFAULT_CHECK_EVERY = 8192;

export function ticker(control: RunControl): Tick {
  return (stage, done, total) => {
    control.onProgress?.(stage, done, total);
    if (control.signal?.aborted === true || control.shouldStop?.() === true) throw new Cancelled('linking was cancelled');
  };
}
