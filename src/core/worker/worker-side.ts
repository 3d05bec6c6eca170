// The worker's side of the protocol (protocol.ts): its port, the task it was started for
// (workerData, request 0), and running that task to one result or error.
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { failure, progress, result, TASK } from './protocol';

/** What a worker needs of its port (a MessagePort, or a MessageChannel's end in tests). */
export interface Port {
  postMessage(message: unknown): void;
}

/** This thread's port to its host and the task's input; throws outside a worker thread. */
export function workerSide<Init>(name: string): { readonly port: MessagePort; readonly init: Init } {
  if (!parentPort) throw new Error(`${name} must run in a worker thread`);
  return { port: parentPort, init: workerData as Init };
}

/** Run the worker's task: progress while it runs, then its result or its error, as answers to request 0. */
export async function runTask<P, R>(port: Port, task: (report: (p: P) => void) => R | Promise<R>): Promise<void> {
  try {
    const value = await task((p) => port.postMessage(progress(TASK, p)));
    port.postMessage(result(TASK, value));
  } catch (e) {
    port.postMessage(failure(TASK, e));
  }
}
