// Worker entry: a thin adapter that reads, parses and prepares one file (pipeline.ts) and sends
// the batches to the importing thread (batch-channel.ts). It never touches the store. It exits
// by itself once the last batch is sent; the importing thread terminates it to cancel.
import { parentPort, workerData } from 'node:worker_threads';
import { serveBatches } from './batch-channel';
import { preparedBatches } from './pipeline';
import type { ImportWorkerInit } from './worker-batches';

const port = parentPort;
if (!port) throw new Error('import-worker must run in a worker thread');
const init = workerData as ImportWorkerInit;
void serveBatches(port, preparedBatches(init.file, init.name, init.format));
