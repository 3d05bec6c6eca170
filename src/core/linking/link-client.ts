// Running the link worker from a host (the CLI, Electron main): spawn it on the built worker
// file, forward progress, resolve with the summary; `cancel()` asks the worker to stop.
import { Worker } from 'node:worker_threads';
import type { LinkWorkerInit, LinkWorkerMessage } from './protocol';
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
  const worker = new Worker(workerFile, {
    workerData: { ...init, cancelFlag } satisfies LinkWorkerInit,
    resourceLimits: { maxYoungGenerationSizeMb: 64 },
  });
  const done = new Promise<LinkRunSummary | null>((resolve, reject) => {
    let settled = false;
    worker.on('message', (m: LinkWorkerMessage) => {
      if (m.type === 'progress') onProgress?.(m.stage, m.done, m.total);
      else if (m.type === 'done') {
        settled = true;
        resolve(m.summary);
      } else if (m.type === 'cancelled') {
        settled = true;
        resolve(null);
      } else {
        settled = true;
        reject(new Error(m.message));
      }
    });
    worker.on('error', (e) => {
      settled = true;
      reject(e);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`the link worker stopped (exit code ${code})`));
    });
  });
  return { done, cancel: () => Atomics.store(new Int32Array(cancelFlag), 0, 1) };
}
