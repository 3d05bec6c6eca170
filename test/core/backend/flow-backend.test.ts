// Bank statements through the backend: imported as a job on a connection of its own (the
// backend's own writes wait, never join its transaction), then a series' money flow from its
// payee cards, what to request next, and downstream accounts two series share.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { NextRequest, SeriesFlow, Trace } from '../../../src/common/api';
import { Backend } from '../../../src/core/backend/backend';
import { FileTokenVault } from '../../../src/core/sync/file-token-vault';
import { currentJobOf, EventLog } from '../../support/events';
import { builtWorkers } from '../../support/built';
import { rawStore } from '../../support/raw-store';
import { tempDir } from '../../support/tmp';

const A1 = '6222021234567890128';
const A2 = '6217000012345678907';
const B1 = '6228480012345678906';
const L2 = '6222020200112233445';
const L3 = '6222020200112233452';
const report = (id: string, card: string, category: string): string =>
  JSON.stringify({
    id,
    version: 1,
    precinct: 'P',
    reported_at: '2025-03-01T12:00:00+08:00',
    category,
    loss: { amount: '2000.00', currency: 'CNY' },
    identifiers: [{ kind: 'bank_card', value: card, role: 'payee' }],
  });

describe('money flow through the backend', () => {
  it('imports statements as a job, traces each series from its cards, and finds the account two series share', async () => {
    const dir = tempDir();
    const events = new EventLog();
    const b = new Backend({
      dbPath: path.join(dir, 'store.db'),
      vault: new FileTokenVault(path.join(dir, 'vault.key')),
      onEvent: events.push,
      ...builtWorkers(),
    });
    try {
      // Two gangs: A (two reports naming card A1) and B (two naming B1).
      const reports = path.join(dir, 'reports.ndjson');
      fs.writeFileSync(
        reports,
        [report('R1', A1, 'loan'), report('R2', A1, 'loan'), report('R3', B1, 'part_time_job'), report('R4', B1, 'part_time_job')].join(
          '\n',
        ),
      );
      const imp = await b.call('import.start', { files: [reports] });
      if (!imp.ok) throw new Error(imp.error.message);
      await events.outcome((imp.value as { jobId: string }).jobId);
      await events.idle(currentJobOf(b));
      const header = '交易卡号,交易时间,交易金额,收付标志,交易对手账卡号,摘要说明';
      const st = path.join(dir, 'statements.csv');
      fs.writeFileSync(
        st,
        [
          header,
          `${A1},2025-03-01 10:00:00,2000.00,进,${A2},转账`,
          `${A1},2025-03-01 10:05:00,1900.00,出,${L2},转账`,
          `${B1},2025-03-01 11:00:00,3000.00,出,${L2},转账`,
          `${L2},2025-03-01 10:05:00,1900.00,进,${A1},转账`,
          `${L2},2025-03-01 11:00:00,3000.00,进,${B1},转账`,
          `${L2},2025-03-01 11:30:00,4800.00,出,${L3},转账`,
        ].join('\n'),
      );
      const job = await b.call('statements.import', { files: [st] });
      if (!job.ok) throw new Error(job.error.message);
      const done = await events.outcome((job.value as { jobId: string }).jobId);
      expect(done, JSON.stringify(done)).toMatchObject({ kind: 'statements', ok: true, summary: { new: 4, duplicates: 2, rejected: 0 } });
      // The analysis worker computes the accounts the series share once, after the import.
      await b.whenWarm();
      const raw = rawStore(path.join(dir, 'store.db'), { readonly: true });
      try {
        expect(raw.prepare('SELECT changed = computed FROM flow_shared_state').pluck().get()).toBe(1);
        expect(raw.prepare('SELECT count(DISTINCT series_id) FROM flow_shared').pluck().get()).toBe(2);
      } finally {
        raw.close();
      }

      const series = await b.call('series.query', { offset: 0, limit: 10 });
      if (!series.ok) throw new Error(series.error.message);
      const rows = (series.value as { rows: { id: string }[] }).rows;
      expect(rows).toHaveLength(2);
      const flows = await Promise.all(rows.map((r) => b.call('flow.series', { id: r.id })));
      for (const f of flows) if (!f.ok) throw new Error(f.error.message);
      const [fa, fb] = flows
        .map((f) => (f.ok ? (f.value as SeriesFlow) : null))
        .sort((x, y) => (x?.cards[0] ?? '').localeCompare(y?.cards[0] ?? '')) as [SeriesFlow, SeriesFlow];
      expect(fa.cards).toEqual([A1]);
      expect(fa.accounts.map((a) => [a.account, a.layer])).toEqual([
        [A1, 0],
        [L2, 1],
        [L3, 2],
      ]);
      expect(fa.edges.find((e) => e.from === A1)).toMatchObject({ to: L2, amount: '1900.00', count: 1 });
      // L3's statement was never read: the next one to request, a sink for all we know.
      expect(fa.toRequest[0]).toMatchObject({ account: L3, role: 'sink' });
      expect(fa.toRequest.some((r) => r.account === A2 && r.role === 'source')).toBe(true);
      expect(fb.cards).toEqual([B1]);
      // Both gangs pay into L2 (and so L3): one laundering account behind two series.
      expect(fa.shared.map((s) => s.account).sort()).toEqual([L2, L3].sort());
      expect(fa.shared[0]?.series).toEqual([fb.seriesId]);
      const shared = await b.call('flow.shared', {});
      expect(shared.ok && (shared.value as { account: string }[]).map((s) => s.account).sort()).toEqual([L2, L3].sort());
      // Backward from L3: who paid it, layer by layer; the far end's money = what reached L3 + what was kept on the way.
      const back = await b.call('flow.trace', { account: L3, direction: 'backward', depth: 3 });
      if (!back.ok) throw new Error(back.error.message);
      expect((back.value as Trace).accounts.map((a) => [a.account, a.layer])).toEqual(
        expect.arrayContaining([
          [L3, 0],
          [L2, 1],
          [A1, 2],
          [B1, 2],
          [A2, 3],
        ]),
      );
      expect((back.value as Trace).totals).toMatchObject({ entered: '4800.00', retained: '-2800.00', beyond: '2000.00' });
      expect(await b.call('flow.trace', { account: '6222 0000', direction: 'forward' })).toMatchObject({
        ok: false,
        error: { code: 'not_found' },
      });
      // Store-wide, what to request next: L3 received from a mule card, A2 only paid into one.
      const next = await b.call('flow.next', {});
      if (!next.ok) throw new Error(next.error.message);
      expect((next.value as readonly NextRequest[]).map((n) => [n.account, n.role, n.received, n.paid, n.mules])).toEqual([
        [L3, 'sink', '4800.00', '0.00', 1],
        [A2, 'source', '0.00', '2000.00', 1],
      ]);
      expect(await b.call('flow.series', { id: 'S-NOPE' })).toMatchObject({ ok: false, error: { code: 'not_found' } });

      // Exported from the workspace: the series' flow as the workspace shows it, and the trace from one of its accounts.
      const xlsx = path.join(dir, 'a-flow.xlsx');
      const exported = await b.call('flow.export', { seriesId: fa.seriesId, format: 'xlsx', file: xlsx });
      if (!exported.ok) throw new Error(exported.error.message);
      expect(exported.value).toMatchObject({ file: xlsx, downloadId: null, format: 'xlsx', accounts: 3, flows: 2, totals: fa.totals });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(xlsx);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['账户 accounts', '资金流向 flows', '合计 totals']);
      expect(wb.getWorksheet('资金流向 flows')?.getRow(2).values).toEqual([
        undefined,
        A1,
        L2,
        1900,
        1,
        expect.any(String),
        expect.any(String),
      ]);
      expect(wb.getWorksheet('合计 totals')?.getRow(2).getCell(2).value).toBe(Number(fa.totals.entered));
      const trace = await b.call('flow.export', { seriesId: fa.seriesId, account: L2, format: 'csv', file: path.join(dir, 'l2.csv') });
      expect(trace).toMatchObject({ ok: true, value: { accounts: 2, flows: 1 } });
      expect(fs.readFileSync(path.join(dir, 'l2.csv'), 'utf8')).toContain(`${L2},${L3},4800.00,1`);
      expect(await b.call('flow.export', { seriesId: fa.seriesId, format: 'graphml', file: path.join(dir, 'x.xlsx') })).toMatchObject({
        ok: false,
        error: { code: 'invalid_argument', message: 'x.xlsx: a graphml export needs a file ending in .graphml' },
      });
      expect(
        await b.call('flow.export', { seriesId: fa.seriesId, account: B1, format: 'csv', file: path.join(dir, 'b.csv') }),
      ).toMatchObject({
        ok: false,
        error: { code: 'invalid_argument', message: expect.stringContaining('is not in the money flow of series') },
      });
      expect(fs.existsSync(path.join(dir, 'b.csv'))).toBe(false);
      expect(await b.call('flow.export', { seriesId: fa.seriesId, format: 'csv' })).toMatchObject({
        ok: false,
        error: { code: 'invalid_argument' },
      });
      const audit = await b.call('audit.query', { action: 'flow_export', offset: 0, limit: 10 });
      expect(audit.ok && (audit.value as { total: number }).total).toBe(2);
      const bad = await b.call('statements.import', { files: [path.join(dir, 'missing.csv')] });
      expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_argument', message: expect.stringMatching(/missing\.csv/) } });
    } finally {
      b.close();
    }
  });
});
