// The importing thread's side of the import worker: start it for one file and iterate its
// prepared batches. Leaving the iteration early (cancel, error) terminates the worker.

import { Worker } from 'node:worker_threads';
import { builtWorker } from '../worker/locate';
import { failure, TASK } from '../worker/protocol';
import { receiveBatches, type BatchAnswer } from './batch-channel';
import type { FileFormat, PreparedBatch } from './pipeline';

export interface ImportWorkerInit {
  readonly file: string;
  readonly name: string;
  readonly format: FileFormat;
}

/**
 * The built import worker (src/core/worker/locate.ts), or null when running from TypeScript
 * sources, where the pipeline runs in-thread.
 */
export function importWorkerFile(): string | null {
  return builtWorker('import');
}

/** The batches a worker started with `init` serves (batch-channel.ts), its crash an error of the iteration. */
export async function* workerBatches<B = PreparedBatch>(
  workerFile: string,
  init: unknown,
  name = 'import',
): AsyncGenerator<B, void, undefined> {
  const worker = new Worker(workerFile, { workerData: init });
  // A crash, or an exit before the last batch, reaches the consumer as an error answer.
  const fail = (message: string): void => void worker.emit('message', failure(TASK, new Error(message)) satisfies BatchAnswer<B>);
  worker.on('error', (e) => fail(`the ${name} worker failed: ${e.message}`));
  worker.on('exit', (code) => fail(`the ${name} worker stopped (exit code ${code})`));
  try {
    yield* receiveBatches<B>(worker);
  } finally {
    worker.removeAllListeners('exit');
    await worker.terminate();
  }
}
