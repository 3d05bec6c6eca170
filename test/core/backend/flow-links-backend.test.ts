// flow.links through the backend: a series' payee card and the ring's other cards paid from one
// phone; the whole store's findings, a series' (those touching its flow: the other series' card
// on another device is left out), a series that does not exist, and an argument the schema refuses.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FlowLinks } from '../../../src/common/api';
import { Backend } from '../../../src/core/backend/backend';
import { FileTokenVault } from '../../../src/core/sync/file-token-vault';
import { currentJobOf, EventLog } from '../../support/events';
import { builtWorkers } from '../../support/built';
import { tempDir } from '../../support/tmp';

const A1 = '6222021234567890128';
const A2 = '6217000012345678907';
const B1 = '6228480012345678906';
const B2 = '6222020200112233445';
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

describe('flow.links through the backend', () => {
  it('answers the store’s findings and a series’ own', async () => {
    const dir = tempDir();
    const events = new EventLog();
    const b = new Backend({
      dbPath: path.join(dir, 'store.db'),
      vault: new FileTokenVault(path.join(dir, 'vault.key')),
      onEvent: events.push,
      ...builtWorkers(),
    });
    try {
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
      const st = path.join(dir, 'statements.csv');
      fs.writeFileSync(
        st,
        [
          '交易卡号,交易时间,交易金额,收付标志,交易对手账卡号,MAC地址,IP地址',
          `${A1},2025-03-01 10:05:00,100.00,出,${A2},00-1a-2b-3c-4d-5e,`,
          `${A2},2025-03-01 10:09:00,90.00,出,${B2},001A2B3C4D5E,`,
          `${B1},2025-03-01 11:00:00,300.00,出,${B2},,58.20.7.7`,
          `${B2},2025-03-01 11:30:00,200.00,出,${L3},,58.20.7.7`,
        ].join('\n'),
      );
      const job = await b.call('statements.import', { files: [st] });
      if (!job.ok) throw new Error(job.error.message);
      expect(await events.outcome((job.value as { jobId: string }).jobId)).toMatchObject({ ok: true });
      const series = await b.call('series.query', { offset: 0, limit: 10 });
      if (!series.ok) throw new Error(series.error.message);
      const ids = (series.value as { rows: { id: string }[] }).rows.map((r) => r.id);
      expect(ids).toHaveLength(2);

      const all = await b.call('flow.links', {});
      if (!all.ok) throw new Error(all.error.message);
      expect((all.value as FlowLinks).devices.map((d) => [d.kind, d.accounts.map((a) => a.account)])).toEqual([
        ['mac', [A1, A2]],
        ['ip', [B1, B2]],
      ]);
      const scoped = await Promise.all(ids.map((id) => b.call('flow.links', { seriesId: id })));
      const values = scoped.map((r) => (r.ok ? (r.value as FlowLinks).devices.map((d) => d.value) : null)).sort();
      // A's flow reaches A2 (the ring's MAC) and B2 (B's IP); B's flow only B2 and L3: not the ring's phone.
      expect(values).toEqual([['00:1A:2B:3C:4D:5E', '58.20.7.7'], ['58.20.7.7']]);
      expect(await b.call('flow.links', { seriesId: 'S-NOPE' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
      expect(await b.call('flow.links', { seriesId: 7 } as never)).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    } finally {
      b.close();
    }
  });
});
