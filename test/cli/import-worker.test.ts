// The built CLI importing a file large enough for the import worker (a second thread reads and
// prepares the records, see src/core/import/pipeline.ts): same counts, rejections, history and
// search as the in-thread import the unit tests cover.
import { spawnSync } from 'node:child_process';
import { rawStore } from '../support/raw-store';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryReports, trigramQuery } from '../../src/core/report/queries';
import { tempDir } from '../support/tmp';

const CLI = path.resolve(import.meta.dirname, '../../out/main/casegraph.js');
const WORKER = path.resolve(import.meta.dirname, '../../out/main/import-worker.js');

beforeAll(() => {
  if (!fs.existsSync(CLI) || !fs.existsSync(WORKER))
    throw new Error('the built CLI and import worker are missing: npm test builds them first (npm run build)');
});

const report = (id: string, version: number, narrative: string): string =>
  JSON.stringify({
    id,
    version,
    precinct: 'NJ-XUANWU',
    reported_at: '2024-03-05T10:00:00+08:00',
    category: 'part_time_job',
    loss: { amount: '300.00', currency: 'CNY' },
    narrative,
    messages: [{ channel: 'sms', sender: '10690000123', text: '【兼职】日结300元，加微信 shuadan_888 了解，或致电 138-0013-8000' }],
    identifiers: [{ kind: 'phone', value: '+86 139-0013-9000', role: 'contact' }],
  });

describe('casegraph import of a large file', () => {
  it('stores every record through the import worker, with rejections, revisions and search', () => {
    const dir = tempDir();
    const file = path.join(dir, 'big.ndjson');
    const lines: string[] = [];
    for (let i = 0; i < 12_000; i++) lines.push(report(`W${i}`, 1, `刷单返利诈骗第${i}号，先小额返利后要求垫付大额任务款。`));
    lines[5000] = '{"id": "broken",';
    lines.push(report('W7', 2, '修订：冒充客服退款诈骗'));
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    expect(fs.statSync(file).size).toBeGreaterThan(4 * 1024 * 1024);
    const db = path.join(dir, 's.db');
    const r = spawnSync(process.execPath, [CLI, 'import', file, '--db', db, '--json'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const result = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(result).toMatchObject({ new: 11_999, updated: 1, rejected: 1, cancelled: false });
    expect(result['rejections']).toEqual([
      { where: 'big.ndjson line 5001', field: '(line)', reason: expect.stringMatching(/not valid JSON/) },
    ]);
    const store = rawStore(db, { readonly: true });
    const one = (sql: string): unknown => store.prepare(sql).pluck().get();
    expect(one('SELECT count(*) FROM report_version')).toBe(12_000);
    expect(one("SELECT count(*) FROM identifier WHERE kind = 'phone' AND value = '+8613800138000'")).toBe(11_999);
    // Searched as the reports view searches (the index offers candidates, the text confirms them).
    expect(queryReports(store, { text: '垫付大额任务', offset: 0, limit: 1 }).total).toBe(11_998);
    expect(queryReports(store, { text: '冒充客服退款', offset: 0, limit: 5 }).rows.map((r) => r.id)).toEqual(['W7']);
    expect(store.prepare(`SELECT count(*) FROM report_text WHERE report_text MATCH ?`).pluck().get(trigramQuery('垫付大额任务'))).toBe(
      11_998,
    );
    store.close();
  });
});
