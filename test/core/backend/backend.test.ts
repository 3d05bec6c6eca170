// The API contract as the transports see it: validated arguments, results instead of throws,
// jobs with progress events, cancellation and outcomes.
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { centsToDecimal } from '../../../src/common/money';
import { HOST_METHODS, type JobOutcome } from '../../../src/common/api';
import { API_SCHEMAS } from '../../../src/common/api-schema';
import { Backend } from '../../../src/core/backend/backend';
import { FileTokenVault } from '../../../src/core/sync/file-token-vault';
import { EventLog } from '../../support/events';
import { tempDir, writeFile } from '../../support/tmp';
import { rawStore } from '../../support/raw-store';

function backend(importRoot?: string): { b: Backend; events: EventLog; dir: string } {
  const dir = tempDir();
  const events = new EventLog();
  const vault = new FileTokenVault(path.join(dir, 'token-vault.key'));
  const b = new Backend({ dbPath: path.join(dir, 'store.db'), vault, onEvent: events.push, ...(importRoot ? { importRoot } : {}) });
  return { b, events, dir };
}

const outcome = (events: EventLog, jobId: string): Promise<JobOutcome> => events.outcome(jobId);

describe('backend API contract', () => {
  it("has a schema for every handler and a handler for every schema but the host's", async () => {
    const { b } = backend();
    const hostMethods: readonly string[] = HOST_METHODS;
    expect(Object.keys(b.handlers).sort()).toEqual(
      Object.keys(API_SCHEMAS)
        .filter((m) => !hostMethods.includes(m))
        .sort(),
    );
    // The host's methods (the lock, restoring) are refused by the backend, naming who answers them.
    const status = await b.call('store.status', {});
    expect(status).toEqual({
      ok: false,
      error: {
        code: 'unavailable',
        message: "store.status is answered by the app's host, which runs the backend, not by the backend itself",
      },
    });
    b.close();
  });

  it('answers unknown methods and bad arguments with results naming the problem', async () => {
    const { b } = backend();
    expect(await b.call('store.drop', {})).toEqual({
      ok: false,
      error: { code: 'unknown_method', message: 'unknown API method "store.drop"' },
    });
    const bad = await b.call('reports.query', { offset: -1, limit: 5000 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toMatch(/^reports.query: offset .*; limit/);
    expect(await b.call('reports.query', { offset: 0, limit: 10, sql: 'DROP TABLE report' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument' },
    });
    expect(await b.call('reports.get', { id: 'nope' })).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'no report with id nope' },
    });
    b.close();
  });

  it('runs the demo as a job with progress and an outcome, then serves its reports', async () => {
    const { b, events, dir } = backend();
    const started = await b.call('demo.start', { reports: 3000, seed: 7 });
    if (!started.ok) throw new Error(started.error.message);
    const { jobId } = started.value as { jobId: string };
    expect(await b.call('demo.start', {})).toMatchObject({ ok: false, error: { code: 'busy' } });
    const done = await outcome(events, jobId);
    expect(done).toMatchObject({ ok: true, kind: 'demo' });
    expect(events.events.some((e) => e.type === 'job.progress' && e.progress.jobId === jobId)).toBe(true);
    expect(events.events.some((e) => e.type === 'store.changed')).toBe(true);
    const info = await b.call('store.info', {});
    expect(info.ok && (info.value as { reports: number }).reports).toBeGreaterThanOrEqual(2900);
    // The figures come from the narrow covering index; the same figures from the wide rows:
    const store = rawStore(path.join(dir, 'store.db'), { readonly: true });
    const wide = store
      .prepare(
        'SELECT sum(withdrawn = 0) AS live, sum(withdrawn) AS gone, min(CASE WHEN withdrawn = 0 THEN reported_ms END) AS first, max(CASE WHEN withdrawn = 0 THEN reported_ms END) AS last FROM report NOT INDEXED',
      )
      .get() as { live: number; gone: number; first: number; last: number };
    const cents = store
      .prepare(
        'SELECT currency, sum(loss_cents) AS c FROM report NOT INDEXED WHERE withdrawn = 0 AND currency IS NOT NULL GROUP BY currency',
      )
      .all() as { currency: string; c: number }[];
    store.close();
    expect(wide.gone).toBeGreaterThan(0);
    expect(info.ok && info.value).toMatchObject({
      reports: wide.live,
      withdrawn: wide.gone,
      firstReportedAt: new Date(wide.first).toISOString(),
      lastReportedAt: new Date(wide.last).toISOString(),
      totalLoss: Object.fromEntries(cents.map((r) => [r.currency, centsToDecimal(r.c)])),
    });
    const page = await b.call('reports.query', { offset: 0, limit: 5 });
    expect(page.ok && (page.value as { rows: unknown[] }).rows).toHaveLength(5);
    b.close();
  });

  it('sends victims masked; only the audited reveal gives the whole values', async () => {
    const { b, events, dir } = backend();
    const started = await b.call('demo.start', { reports: 300, seed: 3 });
    if (!started.ok) throw new Error(started.error.message);
    await outcome(events, (started.value as { jobId: string }).jobId);
    const store = rawStore(path.join(dir, 'store.db'), { readonly: true });
    const row = store.prepare("SELECT id, victim FROM report WHERE victim LIKE '%phone%' AND victim LIKE '%name%' LIMIT 1").get() as {
      id: string;
      victim: string;
    };
    store.close();
    const whole = JSON.parse(row.victim) as { name: string; phone: string };
    const detail = await b.call('reports.get', { id: row.id });
    if (!detail.ok) throw new Error(detail.error.message);
    const shown = JSON.stringify(detail.value);
    expect(shown).not.toContain(whole.phone.replace(/\D/g, '').slice(-8));
    expect(shown).not.toContain(whole.name);
    expect((detail.value as { victim: { phone: string } }).victim.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(await b.call('reports.revealVictim', { id: row.id })).toEqual({ ok: true, value: whole });
    const log = await b.call('audit.query', { action: 'reveal', offset: 0, limit: 5 });
    expect(log.ok && (log.value as { rows: { subject: string }[] }).rows.map((r) => r.subject)).toEqual([row.id]);
    b.close();
  });

  it('imports only staged files when it has an import root, and persists validated settings', async () => {
    const staging = tempDir();
    const { b, dir, events } = backend(staging);
    const outside = writeFile(dir, 'x.ndjson', '{}\n');
    expect(await b.call('import.start', { files: [outside] })).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument', message: 'x.ndjson was not uploaded through this session' },
    });
    const inside = writeFile(staging, 'y.ndjson', '{"id":"A","version":1,"deleted":true}\n');
    const started = await b.call('import.start', { files: [inside] });
    if (!started.ok) throw new Error(started.error.message);
    expect(await outcome(events, (started.value as { jobId: string }).jobId)).toMatchObject({
      ok: true,
      summary: { withdrawn: 1, files: ['y.ndjson'] },
    });
    expect(await b.call('settings.update', { thresholdAmount: '5000.5' })).toMatchObject({
      ok: true,
      value: { thresholdAmount: '5000.5', thresholdCurrency: 'CNY', lookbackDays: 730 },
    });
    expect(await b.call('settings.update', { lookbackDays: 0 })).toMatchObject({ ok: false });
    expect(await b.call('settings.get', {})).toMatchObject({ ok: true, value: { thresholdAmount: '5000.5', language: 'zh-CN' } });
    b.close();
  });

  it('cancels a running job between batches', async () => {
    const { b, events } = backend();
    const started = await b.call('demo.start', { reports: 200_000, seed: 3 });
    if (!started.ok) throw new Error(started.error.message);
    const { jobId } = started.value as { jobId: string };
    await events.next((e) => e.type === 'job.progress' && e.progress.jobId === jobId, { what: 'progress of the demo' });
    expect(await b.call('job.current', {})).toMatchObject({ ok: true, value: { jobId, kind: 'demo' } });
    expect(await b.call('job.cancel', { jobId })).toEqual({ ok: true, value: { cancelled: true } });
    const done = await outcome(events, jobId);
    expect(done.ok && done.kind === 'demo' && done.summary.cancelled).toBe(true);
    expect(await b.call('job.current', {})).toEqual({ ok: true, value: null });
    b.close();
  });

  describe('a write while another connection holds the store', () => {
    // The link worker holds the write lock while it writes a full run's results; here a second
    // connection holds it. SQLite's own wait per try is cut to 50 ms so the test is quick.
    function lockedBackend(writeWaitMs: number): { b: Backend; other: Database.Database } {
      const dir = tempDir();
      const b = new Backend({
        dbPath: path.join(dir, 'store.db'),
        vault: new FileTokenVault(path.join(dir, 'k')),
        onEvent: () => {},
        busyTimeoutMs: 50,
        writeWaitMs,
      });
      const other = rawStore(path.join(dir, 'store.db'));
      other.exec('BEGIN IMMEDIATE');
      return { b, other };
    }

    it('waits for the lock and then saves, serving reads meanwhile', async () => {
      const { b, other } = lockedBackend(10_000);
      let released = false;
      setTimeout(() => {
        other.exec('COMMIT');
        released = true;
      }, 600);
      const save = b.call('settings.update', { bureauName: '玄武分局' });
      // While the save waits, a read is answered.
      const read = await b.call('settings.get', {});
      expect(read.ok).toBe(true);
      expect(released).toBe(false);
      expect(await save).toMatchObject({ ok: true, value: { bureauName: '玄武分局' } });
      expect(released).toBe(true);
      expect(await b.call('settings.get', {})).toMatchObject({ ok: true, value: { bureauName: '玄武分局' } });
      other.close();
      b.close();
    });

    it('gives up after its wait with a clear message, and nothing is stored', async () => {
      const { b, other } = lockedBackend(400);
      const r = await b.call('settings.update', { bureauName: '玄武分局' });
      expect(r).toMatchObject({ ok: false, error: { code: 'store_busy' } });
      if (!r.ok) expect(r.error.message).toMatch(/^settings.update: the store stayed locked .* nothing was changed/);
      other.exec('COMMIT');
      expect(await b.call('settings.get', {})).toMatchObject({ ok: true, value: { bureauName: '' } });
      other.close();
      b.close();
    });
  });
});
