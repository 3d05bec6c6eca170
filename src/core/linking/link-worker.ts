// Worker entry: a thin adapter that opens the store, runs linkStore and reports back (the
// workers' protocol, src/core/worker/protocol.ts). The run polls the shared cancel flag all
// through its stages (progress.ts); a cancelled run writes nothing.
import { openStore } from '../store/db';
import { runTask, workerSide } from '../worker/worker-side';
import type { LinkProgress, LinkWorkerInit } from './protocol';
import { linkStore } from './store-io';

const { port, init } = workerSide<LinkWorkerInit>('link-worker');
const flag = new Int32Array(init.cancelFlag);

setImmediate(() => {
  void runTask<LinkProgress, ReturnType<typeof linkStore>>(port, (report) => {
    const db = openStore(init.dbPath, init.nativeBinding ? { nativeBinding: init.nativeBinding } : {});
    try {
      return linkStore(db, {
        full: init.full,
        ...(init.estimate === true ? { estimate: true } : {}),
        onProgress: (stage, done, total) => report({ stage, done, total }),
        shouldStop: () => Atomics.load(flag, 0) === 1,
      });
    } finally {
      db.close();
    }
  }).then(() => port.close());
});
