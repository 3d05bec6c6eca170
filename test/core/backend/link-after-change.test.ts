// Series stay current without the investigator asking: a change to reports (here the demo)
// is followed by an incremental run of the built link worker, as a job with its own outcome.
import path from 'node:path';
import { rawStore } from '../../support/raw-store';
import { describe, expect, it } from 'vitest';
import type { JobOutcome } from '../../../src/common/api';
import { Backend } from '../../../src/core/backend/backend';
import { FileTokenVault } from '../../../src/core/sync/file-token-vault';
import { startFeedServer } from '../../feed-server/feed-server';
import { report } from '../../feed-server/fixtures';
import { EventLog } from '../../support/events';
import { builtWorkers } from '../../support/built';
import { tempDir } from '../../support/tmp';

const doneOf = (events: EventLog, match: (o: JobOutcome) => boolean): Promise<JobOutcome> => events.done(match);

describe('linking after changes', () => {
  it('links the demo precinct into series once it is loaded, and on demand in full', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'store.db');
    const events = new EventLog();
    const b = new Backend({ dbPath, vault: new FileTokenVault(path.join(dir, 'k')), ...builtWorkers(), onEvent: events.push });
    try {
      const started = await b.call('demo.start', { reports: 2000, seed: 5 });
      if (!started.ok) throw new Error(started.error.message);
      const link = await doneOf(events, (o) => o.kind === 'link');
      expect(link).toMatchObject({ ok: true, summary: { mode: expect.stringMatching(/full|incremental/), cancelled: false } });
      const summary = link.ok && link.kind === 'link' ? link.summary : null;
      expect(summary?.series).toBeGreaterThan(50);
      const store = rawStore(dbPath, { readonly: true });
      const series = (store.prepare('SELECT count(*) AS n FROM series').get() as { n: number }).n;
      store.close();
      expect(series).toBeGreaterThan(0);

      const again = await b.call('link.start', { full: true });
      if (!again.ok) throw new Error(again.error.message);
      const full = await doneOf(events, (o) => o.jobId === (again.value as { jobId: string }).jobId);
      expect(full).toMatchObject({ ok: true, summary: { mode: 'full', series: summary?.series } });
      // A link run changes series, not reports: it must not trigger another run by itself. A run
      // after a change is the running job as soon as the change's job has ended: none is.
      expect(await b.call('job.current', {})).toEqual({ ok: true, value: null });
      expect(events.events.filter((e) => e.type === 'job.done' && e.outcome.kind === 'link')).toHaveLength(2);
    } finally {
      b.close();
    }
  });

  it('lets the investigator start a sync while an automatic link run is going: the run gives way', async () => {
    const feed = await startFeedServer({
      feeds: { 'SH-PUDONG': [report(1, 'SH-PUDONG')] },
      tokens: { 'token-for-pudong-0042': ['SH-PUDONG'] },
    });
    const dir = tempDir();
    const events = new EventLog();
    const b = new Backend({
      dbPath: path.join(dir, 'store.db'),
      vault: new FileTokenVault(path.join(dir, 'k')),
      ...builtWorkers(),
      onEvent: events.push,
    });
    try {
      const source = await b.call('sources.add', { url: feed.url, precinct: 'SH-PUDONG', token: 'token-for-pudong-0042' });
      if (!source.ok) throw new Error(source.error.message);
      await b.call('demo.start', { reports: 20000, seed: 5 });
      await doneOf(events, (o) => o.kind === 'demo');
      await events.next((e) => e.type === 'job.progress' && e.progress.kind === 'link', { what: 'the automatic link run' });
      const sync = await b.call('sync.start', { sourceId: (source.value as { id: number }).id });
      expect(sync).toMatchObject({ ok: true });
      const jobId = (sync as { value: { jobId: string } }).value.jobId;
      expect(await doneOf(events, (o) => o.jobId === jobId)).toMatchObject({ ok: true, summary: { status: 'caught_up', new: 1 } });
      const link = await doneOf(events, (o) => o.kind === 'link');
      expect(link).toMatchObject({ ok: true, summary: { cancelled: true } });
      // The sync changed reports, so a new automatic run follows; let it end before the store goes.
      await doneOf(events, (o) => o.kind === 'link' && o.jobId !== link.jobId);
    } finally {
      b.close();
      await feed.close();
    }
  });

  it('figures a store linked before migration 011 again on opening it: a full run on occurrence dates', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'store.db');
    const events = new EventLog();
    let b = new Backend({ dbPath, vault: new FileTokenVault(path.join(dir, 'k')), ...builtWorkers(), onEvent: events.push });
    const started = await b.call('demo.start', { reports: 1000, seed: 6 });
    if (!started.ok) throw new Error(started.error.message);
    await doneOf(events, (o) => o.kind === 'link');
    b.close();
    // The series as a run from before migration 011 left them.
    const old = rawStore(dbPath);
    old.exec('UPDATE series SET only_together = 0, occurred_reports = NULL WHERE active = 1');
    old.close();
    events.events.length = 0;
    b = new Backend({ dbPath, vault: new FileTokenVault(path.join(dir, 'k')), ...builtWorkers(), onEvent: events.push });
    try {
      expect(await doneOf(events, (o) => o.kind === 'link')).toMatchObject({ ok: true, summary: { mode: 'full', cancelled: false } });
      const store = rawStore(dbPath, { readonly: true });
      const figured = store
        .prepare('SELECT count(*) AS n, count(occurred_reports) AS figured, sum(only_together) AS together FROM series WHERE active = 1')
        .get() as Record<string, number>;
      store.close();
      expect(figured['figured']).toBe(figured['n']);
      expect(figured['together']).toBeGreaterThan(0);
    } finally {
      b.close();
    }
  });

  it('says plainly when the link worker is not built', async () => {
    const dir = tempDir();
    const b = new Backend({ dbPath: path.join(dir, 's.db'), vault: new FileTokenVault(path.join(dir, 'k')), onEvent: () => undefined });
    expect(await b.call('link.start', {})).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    b.close();
  });
});
