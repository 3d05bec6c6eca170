// The host's side of a worker started for one task (protocol.ts): the link run, the analysis
// caches. Progress is handed on; the task's result resolves `done`, its error (made again from
// its serialised form) rejects it, and so does the worker dying before it answered.
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { deserialiseError, TASK, type Message } from './protocol';

export interface RunningWorker<R> {
  readonly worker: Worker;
  readonly done: Promise<R>;
}

export interface RunOptions<P> {
  /** Named in the message when the worker stops without answering ("the link worker"). */
  readonly name: string;
  readonly onProgress?: (p: P) => void;
  readonly resourceLimits?: ResourceLimits;
}

export function runWorker<Init, P, R>(file: string, init: Init, options: RunOptions<P>): RunningWorker<R> {
  const worker = new Worker(file, { workerData: init, ...(options.resourceLimits ? { resourceLimits: options.resourceLimits } : {}) });
  const done = new Promise<R>((resolve, reject) => {
    let settled = false;
    const settle = (f: () => void): void => {
      settled = true;
      f();
    };
    worker.on('message', (m: Message<never, P, R>) => {
      if (m.seq !== TASK) return;
      if (m.type === 'progress') options.onProgress?.(m.progress);
      else if (m.type === 'result') settle(() => resolve(m.value));
      else if (m.type === 'error') settle(() => reject(deserialiseError(m.error)));
    });
    worker.on('error', (e) => settle(() => reject(e)));
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`${options.name} stopped (exit code ${code})`));
    });
  });
  return { worker, done };
}
