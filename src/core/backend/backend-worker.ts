// Worker entry: a thin adapter between the host's messages (protocol.ts) and the Backend. The
// Backend's token vault is the host's, reached through vault requests; the link and analysis
// workers are the ones built beside this one (src/core/worker/locate.ts).
import { failure, progress, result, TASK } from '../worker/protocol';
import { builtWorker } from '../worker/locate';
import { workerSide } from '../worker/worker-side';
import { Backend } from './backend';
import type { HostMessage, WorkerInit, WorkerMessage } from './protocol';
import { RemoteVault } from './remote-vault';

const { port, init } = workerSide<WorkerInit>('backend-worker');
const post = (m: WorkerMessage): void => port.postMessage(m);

function workerFiles(): { linkWorkerFile?: string; analysisWorkerFile?: string } {
  const link = builtWorker('link');
  const analysis = builtWorker('analysis');
  return { ...(link ? { linkWorkerFile: link } : {}), ...(analysis ? { analysisWorkerFile: analysis } : {}) };
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
    ...workerFiles(),
    onEvent: (event) => post(progress(TASK, event)),
  });
  post(result(TASK, null));
} catch (e) {
  post(failure(TASK, e));
}

port.on('message', (m: HostMessage) => {
  if (m.type === 'result' || m.type === 'error') {
    vault.settle(m);
    return;
  }
  if (m.type !== 'request') return;
  const { seq, request } = m;
  if (request.op === 'close') {
    vault.close('the backend is closing');
    backend?.close();
    port.close();
  } else if (backend) {
    void backend.call(request.method, request.arg).then((answer) => post(result(seq, answer)));
  }
});
