// The link worker round trip, on the built worker file.
import { describe, expect, it } from 'vitest';
import { startLinkWorker } from '../../../src/core/linking/link-client';
import { listSeries } from '../../../src/core/linking/series-list';
import { openStore } from '../../../src/core/store/db';
import { card, ingest, report, testStore } from './support';
import { builtFile } from '../../support/built';

const workerFile = builtFile('link-worker.js');

describe('link worker', () => {
  it('links a store in a worker thread, with progress, and the same result as in-process', async () => {
    const { db, file } = testStore();
    ingest(db, [
      report('W1', { identifiers: [card('6222021234567890128')] }),
      report('W2', { identifiers: [card('6222021234567890128')] }),
    ]);
    db.close();
    const stages: string[] = [];
    const summary = await startLinkWorker(workerFile, { dbPath: file, full: true }, (stage) => stages.push(stage)).done;
    expect(summary).toMatchObject({ mode: 'full', series: 1 });
    expect(stages.length).toBeGreaterThan(0);
    const again = openStore(file, { readonly: true });
    expect(listSeries(again).map((s) => s.reports)).toEqual([['W1', 'W2']]);
    again.close();
  });

  it('cancels: the store is left as it was', async () => {
    const { db, file } = testStore();
    ingest(db, [
      report('C1', { identifiers: [card('6222021234567890128')] }),
      report('C2', { identifiers: [card('6222021234567890128')] }),
    ]);
    db.close();
    const job = startLinkWorker(workerFile, { dbPath: file, full: true });
    job.cancel();
    expect(await job.done).toBeNull();
    const again = openStore(file, { readonly: true });
    expect(listSeries(again)).toEqual([]);
    again.close();
  });
});
