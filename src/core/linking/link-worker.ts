// Worker entry: a thin adapter that opens the store, runs linkStore and reports back. The run
// polls the shared cancel flag all through its stages (progress.ts); a cancelled run writes nothing.
import { parentPort, workerData } from 'node:worker_threads';
import { openStore } from '../store/db';
import { Cancelled } from './engine';
import type { LinkWorkerInit, LinkWorkerMessage } from './protocol';
import { linkStore } from './store-io';

const port = parentPort;
if (!port) throw new Error('link-worker must run in a worker thread');
const post = (m: LinkWorkerMessage): void => port.postMessage(m);
const init = workerData as LinkWorkerInit;
const flag = new Int32Array(init.cancelFlag);

setImmediate(() => {
  try {
    const db = openStore(init.dbPath, init.nativeBinding ? { nativeBinding: init.nativeBinding } : {});
    try {
      const summary = linkStore(db, {
        full: init.full,
        ...(init.estimate === true ? { estimate: true } : {}),
        onProgress: (stage, done, total) => post({ type: 'progress', stage, done, total }),
        shouldStop: () => Atomics.load(flag, 0) === 1,
      });
      post({ type: 'done', summary });
    } finally {
      db.close();
    }
  } catch (e) {
    if (e instanceof Cancelled) post({ type: 'cancelled' });
    else post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
  port.close();
});
