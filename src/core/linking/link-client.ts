// Running the link worker from a host (the CLI, the backend's link jobs): spawn it on the built
// worker file, forward progress, resolve with the summary (null when cancelled); `cancel()`
// asks the worker to stop.
import { isCancelled } from '../../common/result';
import { runWorker } from '../worker/run-worker';
import type { LinkProgress, LinkWorkerInit } from './protocol';
import type { LinkRunSummary } from './store-io';

export interface LinkJob {
  readonly done: Promise<LinkRunSummary | null>;
  cancel(): void;
}

export function startLinkWorker(
  workerFile: string,
  init: Omit<LinkWorkerInit, 'cancelFlag'>,
  onProgress?: (stage: string, done: number, total: number | null) => void,
): LinkJob {
  const cancelFlag = new SharedArrayBuffer(4);
  // A large young generation: loading allocates millions of short-lived rows and strings, and
  // scavenging a small nursery over and over costs more than the linking itself.
  const run = runWorker<LinkWorkerInit, LinkProgress, LinkRunSummary>(
    workerFile,
    { ...init, cancelFlag },
    {
      name: 'the link worker',
      resourceLimits: { maxYoungGenerationSizeMb: 64 },
      ...(onProgress ? { onProgress: (p: LinkProgress) => onProgress(p.stage, p.done, p.total) } : {}),
    },
  );
  const done = run.done.catch((e: unknown) => {
    if (isCancelled(e)) return null;
    throw e;
  });
  return { done, cancel: () => Atomics.store(new Int32Array(cancelFlag), 0, 1) };
}
