// The analysis API through the backend as both hosts run it: arguments validated, corrections and
// ignore-list changes followed by an automatic incremental run of the built link worker, cases
// surviving relinks, the UI told the store changed.
import path from 'node:path';
import { rawStore } from '../../support/raw-store';
import { describe, expect, it } from 'vitest';
import type { ApiMethod, ApiValue, JobOutcome } from '../../../src/common/api';
import { Backend } from '../../../src/core/backend/backend';
import { FileTokenVault } from '../../../src/core/sync/file-token-vault';
import { EventLog } from '../../support/events';
import { builtWorkers } from '../../support/built';
import { tempDir } from '../../support/tmp';

const doneOf = (events: EventLog, match: (o: JobOutcome) => boolean, after = 0): Promise<JobOutcome> => events.done(match, { after });

async function call<M extends ApiMethod>(b: Backend, method: M, arg: unknown): Promise<ApiValue<M>> {
  const r = await b.call(method, arg);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value as ApiValue<M>;
}

describe('analysis through the backend', () => {
  it('relinks after a correction and an ignore-list change; cases survive relinks', async () => {
    const dir = tempDir();
    const events = new EventLog();
    const b = new Backend({
      dbPath: path.join(dir, 'store.db'),
      vault: new FileTokenVault(path.join(dir, 'k')),
      ...builtWorkers(),
      onEvent: events.push,
    });
    try {
      await call(b, 'demo.start', { reports: 2000, seed: 3 });
      await doneOf(events, (o) => o.kind === 'link' && o.ok);
      // The analysis worker warms the caches after the link run, off the backend thread.
      const cached = (): string[] => {
        const ro = rawStore(path.join(dir, 'store.db'), { readonly: true });
        try {
          return ro.prepare('SELECT key FROM analysis_cache ORDER BY key').pluck().all() as string[];
        } finally {
          ro.close();
        }
      };
      await b.whenWarm();
      expect(cached()).toEqual(['overview', 'series_stat']);
      const overview = await call(b, 'overview.get', {});
      expect(overview.series).toBeGreaterThan(10);

      expect(await b.call('series.split', { reportId: 'x', reason: '   ' })).toMatchObject({
        ok: false,
        error: { code: 'invalid_argument', message: 'series.split: reason must say why' },
      });
      expect(await b.call('series.query', { offset: 0, limit: 5000 })).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });

      const page = await call(b, 'series.query', { offset: 0, limit: 50 });
      const target = page.rows.find((r) => r.reports >= 4) ?? page.rows[0]!;
      const kase = await call(b, 'cases.create', { title: '冒充客服系列', series: [target.id] });
      const detail = await call(b, 'series.get', { id: target.id });
      const reportId = detail.reports[0]!.id;
      const mark = events.events.length;
      const correction = await call(b, 'series.split', { reportId, reason: '非同一团伙' });
      expect(events.events.slice(mark).some((e) => e.type === 'store.changed')).toBe(true);
      const relink = await doneOf(events, (o) => o.kind === 'link', mark);
      expect(relink).toMatchObject({ ok: true, summary: { mode: 'incremental' } });
      const reports = await call(b, 'reports.query', { text: reportId, offset: 0, limit: 1 });
      expect(reports.total).toBe(1);
      const afterSplit = await call(b, 'cases.get', { id: kase.id });
      expect(afterSplit.currentSeries).toHaveLength(1);
      expect((await call(b, 'series.get', { id: afterSplit.currentSeries[0]!.id })).reports.map((r) => r.id)).not.toContain(reportId);
      expect((await call(b, 'series.get', { id: afterSplit.currentSeries[0]!.id })).corrections.map((c) => c.id)).toContain(correction.id);

      // A full relink keeps the split and the case.
      const full = await call(b, 'link.start', { full: true });
      await doneOf(events, (o) => o.jobId === full.jobId);
      const again = await call(b, 'cases.get', { id: kase.id });
      expect(again.currentSeries.map((s) => s.id)).toEqual(afterSplit.currentSeries.map((s) => s.id));
      expect((await call(b, 'series.get', { id: again.currentSeries[0]!.id })).reports.map((r) => r.id)).not.toContain(reportId);

      // The ignore list: shipped defaults listed; an investigator's value added, relinked, removed.
      const list = await call(b, 'ignore.list', {});
      expect(list.some((e) => e.shipped && e.ignored)).toBe(true);
      const graph = await call(b, 'series.graph', { id: again.currentSeries[0]!.id });
      const shared = graph.nodes.find((n) => n.type === 'identifier' && !n.hub);
      if (shared && shared.type === 'identifier') {
        const before = events.events.length;
        const entry = await call(b, 'ignore.set', { kind: shared.kind, value: shared.value, ignored: true, note: '公共号码' });
        expect(entry).toMatchObject({ kind: shared.kind, value: shared.value, ignored: true, shipped: false, note: '公共号码' });
        await doneOf(events, (o) => o.kind === 'link', before);
        expect(
          (
            await call(b, 'series.graph', {
              id: (await call(b, 'cases.get', { id: kase.id })).currentSeries[0]?.id ?? again.currentSeries[0]!.id,
            })
          ).nodes.some((n) => n.id === shared.id && n.type === 'identifier' && !n.ignored),
        ).toBe(false);
        expect(await call(b, 'ignore.remove', { kind: shared.kind, value: shared.value })).toEqual({ removed: true });
        await doneOf(events, (o) => o.kind === 'link', before + 1);
      }
      const shippedEntry = list.find((e) => e.shipped && e.ignored)!;
      expect(
        await call(b, 'ignore.set', { kind: shippedEntry.kind, value: shippedEntry.value, ignored: false, note: '团伙冒用' }),
      ).toMatchObject({ ignored: false, shipped: true });
      expect(await call(b, 'ignore.remove', { kind: shippedEntry.kind, value: shippedEntry.value })).toEqual({ removed: true });
      expect((await call(b, 'ignore.list', {})).find((e) => e.kind === shippedEntry.kind && e.value === shippedEntry.value)).toMatchObject({
        ignored: true,
      });
      expect(await b.call('ignore.set', { kind: 'planet', value: 'x', ignored: true })).toMatchObject({
        ok: false,
        error: { code: 'invalid_argument' },
      });

      const audit = await call(b, 'audit.query', { offset: 0, limit: 100 });
      expect(audit.rows.map((r) => r.action)).toEqual(expect.arrayContaining(['split', 'case', 'ignore_add', 'ignore_remove']));
      // Let any relink still running end before the store goes.
      for (let current = await call(b, 'job.current', {}); current !== null; current = await call(b, 'job.current', {}))
        await events.outcome(current.jobId);
    } finally {
      b.close();
    }
  }, 120_000);
});
