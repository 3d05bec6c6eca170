// Worker entry: a thin adapter between the host's messages and the Backend. The Backend's token
// vault is the host's, reached through vault requests (protocol.ts).
import fs from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { Backend } from './backend';
import type { HostMessage, WorkerInit, WorkerMessage } from './protocol';
import { RemoteVault } from './remote-vault';

const port = parentPort;
if (!port) throw new Error('backend-worker must run in a worker thread');
const post = (m: WorkerMessage): void => port.postMessage(m);

const init = workerData as WorkerInit;

/** The link worker is built next to this one (out/main); linking runs after every change. */
function linkWorker(): { linkWorkerFile?: string } {
  const file = path.join(import.meta.dirname, 'link-worker.js');
  return fs.existsSync(file) ? { linkWorkerFile: file } : {};
}
const vault = new RemoteVault(init.vaultKind, post);
let backend: Backend | null = null;
try {
  backend = new Backend({
    dbPath: init.dbPath,
    ...(init.nativeBinding ? { nativeBinding: init.nativeBinding } : {}),
    ...(init.importRoot ? { importRoot: init.importRoot } : {}),
    ...(init.downloadRoot ? { downloadRoot: init.downloadRoot } : {}),
    vault,
    ...linkWorker(),
    onEvent: (event) => post({ type: 'event', event }),
  });
  post({ type: 'ready' });
} catch (e) {
  post({ type: 'fatal', message: e instanceof Error ? e.message : String(e) });
}

port.on('message', (m: HostMessage) => {
  switch (m.type) {
    case 'close':
      vault.close('the backend is closing');
      backend?.close();
      port.close();
      return;
    case 'vault.result':
      vault.settle(m);
      return;
    case 'call':
      if (!backend) return;
      void backend.call(m.method, m.arg).then((result) => post({ type: 'response', seq: m.seq, result }));
  }
});
