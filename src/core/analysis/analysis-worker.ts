// Worker entry: after a link run, computes what the investigator UI reads from caches (the
// overview's store-wide figures, every series' victims and categories) on its own connection,
// so the backend thread keeps answering meanwhile (seconds at a million reports). A thin adapter:
// the work is warmOverview and refreshAllStats, tested without a worker.
import { parentPort, workerData } from 'node:worker_threads';
import { openStore } from '../store/db';
import { warmOverview } from './overview';
import { refreshAllStats } from './series-rows';

export interface AnalysisWorkerInit {
  readonly dbPath: string;
  readonly nativeBinding?: string;
}

const port = parentPort;
if (!port) throw new Error('analysis-worker must run in a worker thread');
const init = workerData as AnalysisWorkerInit;

try {
  const db = openStore(init.dbPath, init.nativeBinding ? { nativeBinding: init.nativeBinding } : {});
  try {
    warmOverview(db);
    refreshAllStats(db);
  } finally {
    db.close();
  }
  port.postMessage({ type: 'done' });
} catch (e) {
  port.postMessage({ type: 'error', message: e instanceof Error ? e.message : String(e) });
}
port.close();
