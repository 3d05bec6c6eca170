// Worker entry: a thin adapter between the host's messages and the Backend.
import { parentPort, workerData } from 'node:worker_threads';
import { Backend } from './backend';
import type { WorkerInit, WorkerMessage, WorkerRequest } from './protocol';

const port = parentPort;
if (!port) throw new Error('backend-worker must run in a worker thread');
const post = (m: WorkerMessage): void => port.postMessage(m);

let backend: Backend | null = null;
try {
  const init = workerData as WorkerInit;
  backend = new Backend({ ...init, onEvent: (event) => post({ type: 'event', event }) });
  post({ type: 'ready' });
} catch (e) {
  post({ type: 'fatal', message: e instanceof Error ? e.message : String(e) });
}

port.on('message', (req: WorkerRequest | { type: 'close' }) => {
  if ('type' in req) {
    backend?.close();
    port.close();
    return;
  }
  if (!backend) return;
  void backend.call(req.method, req.arg).then((result) => post({ type: 'response', seq: req.seq, result }));
});
