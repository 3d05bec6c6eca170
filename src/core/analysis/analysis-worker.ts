// Worker entry: after a link run or a statements import, computes what the investigator UI reads
// from caches (the overview's store-wide figures, every series' victims and categories, the
// downstream accounts several series share) on its own connection,
// so the backend thread keeps answering meanwhile (seconds at a million reports). A thin adapter
// in the workers' protocol (src/core/worker/protocol.ts): the work is warmOverview,
// refreshAllStats and refreshShared, tested without a worker.
import { openStore } from '../store/db';
import { runTask, workerSide } from '../worker/worker-side';
import { warmOverview } from './overview';
import { refreshAllStats } from './series-rows';
import { refreshShared } from '../statements/shared-cache';

export interface AnalysisWorkerInit {
  readonly dbPath: string;
  readonly nativeBinding?: string;
}

const { port, init } = workerSide<AnalysisWorkerInit>('analysis-worker');

void runTask<never, null>(port, () => {
  const db = openStore(init.dbPath, init.nativeBinding ? { nativeBinding: init.nativeBinding } : {});
  try {
    warmOverview(db);
    refreshAllStats(db);
    refreshShared(db);
  } finally {
    db.close();
  }
  return null;
}).then(() => port.close());
