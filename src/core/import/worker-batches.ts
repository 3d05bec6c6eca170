// The importing thread's side of the import worker: start it for one file and iterate its
// prepared batches. Leaving the iteration early (cancel, error) terminates the worker.

import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { receiveBatches, type BatchMessage } from './batch-channel';
import type { FileFormat, PreparedBatch } from './pipeline';

export interface ImportWorkerInit {
  readonly file: string;
  readonly name: string;
  readonly format: FileFormat;
}

const here = import.meta.dirname;

/**
 * The built import worker (`import-worker.js`, an entry of the main build next to the CLI and
 * the backend worker), or null when running from TypeScript sources, where the pipeline runs
 * in-thread. Built, this module sits in out/main or in out/main/chunks, so both are looked at.
 */
export function importWorkerFile(): string | null {
  for (const dir of [here, path.dirname(here)]) {
    const file = path.join(dir, 'import-worker.js');
    if (fs.existsSync(file)) return file;
  }
  return null;
}

export async function* workerBatches(workerFile: string, init: ImportWorkerInit): AsyncGenerator<PreparedBatch, void, undefined> {
  const worker = new Worker(workerFile, { workerData: init });
  // A crash or an exit before 'done' reaches the consumer as an error message.
  const fail = (message: string): void => void worker.emit('message', { type: 'error', message } satisfies BatchMessage);
  worker.on('error', (e) => fail(`the import worker failed: ${e.message}`));
  worker.on('exit', (code) => fail(`the import worker stopped (exit code ${code})`));
  try {
    yield* receiveBatches(worker);
  } finally {
    worker.removeAllListeners('exit');
    await worker.terminate();
  }
}
