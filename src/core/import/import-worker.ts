// Worker entry: a thin adapter that reads, parses and prepares one file (pipeline.ts) and answers
// the importing thread's requests for batches (batch-channel.ts). It never touches the store.
// It exits by itself once the last batch is sent; the importing thread terminates it to cancel.
import { workerSide } from '../worker/worker-side';
import { serveBatches } from './batch-channel';
import { preparedBatches } from './pipeline';
import type { ImportWorkerInit } from './worker-batches';

const { port, init } = workerSide<ImportWorkerInit>('import-worker');
void serveBatches(port, preparedBatches(init.file, init.name, init.format));
