// The money flow of a series in Debian's Chromium through `casegraph serve`: a linked demo store
// with the gangs' bank statements imported (xlsx and GB18030 CSV), a series whose payee cards
// they carry, its figures adding up, the flow graph drawn by layer, the Sankey to cash, the
// accounts and what to request next; selecting an account narrows the transactions to it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { test as base, expect } from '@playwright/test';
import type { SeriesFlow, SeriesPage } from '../../src/common/api';
import { pythonWith } from '../support/python';
import { apiCall, CLI, linkedStore, watchConsole, type Linked } from './serve-fixture';

const test = base.extend<{ consoleProblems: string[] }, { linked: Linked }>({
  linked: linkedStore(1500, 5, (db) => {
    // The same demo's bank statements, imported before the store is linked.
    const statements = path.join(path.dirname(db), 'statements');
    const demo = spawnSync(
      process.execPath,
      [CLI, 'demo', '--reports', '1500', '--seed', '5', '--out', path.join(path.dirname(db), 'same.ndjson'), '--statements', statements],
      { encoding: 'utf8' },
    );
    if (demo.status !== 0) throw new Error(`casegraph demo --statements failed: ${demo.stderr}`);
    const files = fs.readdirSync(statements).map((f) => path.join(statements, f));
    const imported = spawnSync(process.execPath, [CLI, 'import-statements', ...files, '--db', db], { encoding: 'utf8' });
    if (imported.status !== 0) throw new Error(`casegraph import-statements failed: ${imported.stderr}`);
  }),
  consoleProblems: async ({ page }, use) => {
    await use(watchConsole(page));
  },
});

const call = apiCall;

const cents = (s: string): number => Math.round(Number(s) * 100);
// The browser's day (the config's time zone), YYYY-MM-DD.
const shanghaiDay = (iso: string): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(iso));

test.use({ viewport: { width: 1440, height: 1000 } });

test('a series’ money flow: figures that add up, the graph by layer, the Sankey, the accounts, and a selection that narrows the transactions', async ({
  page,
  linked,
  consoleProblems,
}) => {
  const page1 = await call<SeriesPage>(linked, 'series.query', { offset: 0, limit: 40 });
  let flow: SeriesFlow | null = null;
  for (const row of page1.rows) {
    const f = await call<SeriesFlow>(linked, 'flow.series', { id: row.id });
    if (f.cards.length > 0 && f.edges.length > 0 && cents(f.totals.cashOut) > 0) {
      flow = f;
      break;
    }
  }
  expect(flow, 'a series of the demo whose payee cards the statements carry').not.toBeNull();
  const f = flow as SeriesFlow;
  expect(cents(f.totals.cashOut) + cents(f.totals.retained) + cents(f.totals.beyond)).toBe(cents(f.totals.entered));

  await page.goto(linked.url.replace(/#.*$/, '') + `#/series/${encodeURIComponent(f.seriesId)}`);
  const section = page.getByTestId('money-flow');
  await section.scrollIntoViewIfNeeded();
  await expect(section.getByRole('heading', { name: '资金流向', exact: true })).toBeVisible();
  await expect(section.getByTestId('flow-totals')).toContainText('已取现');
  await expect(section.getByTestId('flow-graph').locator('canvas').first()).toBeVisible();
  await expect(section.getByTestId('flow-sankey').locator('svg .recharts-sankey-node, svg rect').first()).toBeVisible();
  const accounts = section.getByTestId('flow-accounts').locator('tbody tr');
  await expect(accounts).toHaveCount(f.accounts.length);
  await expect(accounts.first()).toContainText('收款卡');
  if (f.toRequest.length > 0) await expect(section.getByTestId('flow-to-request').locator('tbody tr').first()).toBeVisible();

  // Selecting an account narrows the transactions to those it sent or received.
  const all = await section.getByTestId('flow-transactions').locator('tbody tr').count();
  expect(all).toBeGreaterThan(0);
  const card = f.cards[0] as string;
  await section.getByTestId('flow-accounts').getByRole('button', { name: card }).click();
  await expect(section.getByRole('status')).toContainText(card);
  const narrowed = section.getByTestId('flow-transactions').locator('tbody tr');
  const n = await narrowed.count();
  expect(n).toBeGreaterThan(0);
  expect(n).toBeLessThanOrEqual(all);
  for (let i = 0; i < Math.min(n, 10); i++) await expect(narrowed.nth(i)).toContainText(card);
  // The same selection highlights the timeline; a day chosen there narrows the transactions to it.
  const timeline = section.getByTestId('flow-timeline');
  await expect(timeline).toHaveAttribute('data-selected-days', /^[1-9]\d*$/);
  await section.getByRole('button', { name: '显示全部' }).click();
  await expect(timeline).toHaveAttribute('data-selected-days', '0');
  await expect(section.getByTestId('flow-transactions').locator('tbody tr')).toHaveCount(all);
  const firstDay = (await section.getByTestId('flow-day').locator('option').nth(1).getAttribute('value')) as string;
  await section.getByTestId('flow-day').selectOption(firstDay);
  const ofDay = f.transactions.filter((t) => shanghaiDay(t.at) === firstDay).length;
  await expect(section.getByTestId('flow-transactions').locator('tbody tr')).toHaveCount(Math.min(200, ofDay));
  expect(consoleProblems).toEqual([]);
});

test('the series’ money flow exported from the flow view as xlsx: downloaded, and opened with openpyxl its sheets, headers and totals are the view’s', async ({
  page,
  linked,
  consoleProblems,
}) => {
  const page1 = await call<SeriesPage>(linked, 'series.query', { offset: 0, limit: 40 });
  let flow: SeriesFlow | null = null;
  for (const row of page1.rows) {
    const f = await call<SeriesFlow>(linked, 'flow.series', { id: row.id });
    if (f.edges.length > 0 && cents(f.totals.cashOut) > 0) {
      flow = f;
      break;
    }
  }
  const f = flow as SeriesFlow;
  await page.goto(linked.url.replace(/#.*$/, '') + `#/series/${encodeURIComponent(f.seriesId)}`);
  const section = page.getByTestId('money-flow');
  const panel = section.getByTestId('flow-export');
  await panel.scrollIntoViewIfNeeded();
  await panel.getByRole('button', { name: '导出' }).click();
  await expect(panel.getByRole('status')).toContainText(`已导出 ${f.accounts.length} 个账户、${f.edges.length} 条资金流向`);
  const [download] = await Promise.all([page.waitForEvent('download'), panel.getByTestId('flow-download').click()]);
  expect(download.suggestedFilename()).toBe(`${f.seriesId}-flow.xlsx`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casegraph-flow-export-'));
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  const script = [
    'import json, sys, openpyxl',
    'wb = openpyxl.load_workbook(sys.argv[1], read_only=True)',
    'out = {"sheets": wb.sheetnames}',
    'for ws in wb.worksheets: out[ws.title] = [list(r) for r in ws.iter_rows(values_only=True)]',
    'print(json.dumps(out, ensure_ascii=False, default=str))',
  ].join('\n');
  const py = spawnSync(pythonWith('openpyxl'), ['-c', script, file], { encoding: 'utf8' });
  expect(py.status, py.stderr).toBe(0);
  const book = JSON.parse(py.stdout) as Record<string, unknown[][]> & { sheets: string[] };
  expect(book.sheets).toEqual(['账户 accounts', '资金流向 flows', '合计 totals']);
  expect(book['账户 accounts']?.[0]).toEqual([
    '层级 layer',
    '账卡号 account',
    '户名 holder',
    '已调单 requested',
    '收入 received',
    '转出 sent',
    '取现 cash out',
    '留存 retained',
  ]);
  expect(book['资金流向 flows']?.[0]).toEqual([
    '付款账卡号 from',
    '收款账卡号 to',
    '金额 amount',
    '笔数 count',
    '首笔时间 first',
    '末笔时间 last',
  ]);
  expect(book['账户 accounts']).toHaveLength(f.accounts.length + 1);
  expect(book['资金流向 flows']).toHaveLength(f.edges.length + 1);
  // The totals the view shows (read off the page), in the workbook to the cent.
  const shown = async (key: string) =>
    Math.round(Number(((await section.locator(`[data-total="${key}"]`).textContent()) ?? '').replace(/[^\d.]/g, '')) * 100);
  const totals = (book['合计 totals'] ?? []).slice(1).map((r) => Math.round(Number(r[1]) * 100));
  expect(totals.slice(0, 4)).toEqual([await shown('entered'), await shown('cashOut'), await shown('retained'), await shown('beyond')]);
  expect(totals[0]).toBe(cents(f.totals.entered));
  const flowSum = (book['资金流向 flows'] ?? []).slice(1).reduce((t, r) => t + Math.round(Number(r[2]) * 100), 0);
  expect(flowSum).toBe(f.edges.reduce((t, e) => t + cents(e.amount), 0));
  fs.rmSync(dir, { recursive: true, force: true });
  expect(consoleProblems).toEqual([]);
});

test('bank statements dropped on the Import view: an xlsx is read as statements, each rejected row named, the same file again changes nothing', async ({
  page,
  linked,
  consoleProblems,
}) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casegraph-statements-'));
  const file = path.join(dir, '调单-上传.xlsx');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('交易明细');
  ws.addRow(['交易卡号', '交易时间', '交易金额', '收付标志', '交易对手账卡号']);
  ws.addRow(['6222021234567890128', '2025-03-01 10:00:00', '1000.00', '进', '6217000012345678907']);
  ws.addRow(['6222021234567890128', '2025-03-01 10:05:00', '990.00', '出', '6228480012345678906']);
  ws.addRow(['6.22202E+18', '2025-03-01 10:06:00', '1.00', '出', '6228480012345678906']);
  await wb.xlsx.writeFile(file);
  await page.goto(linked.url);
  await page.getByRole('link', { name: '导入' }).click();
  await page.getByTestId('import-file-input').setInputFiles(file);
  const summary = page.getByTestId('statement-summary');
  await expect(summary).toContainText('新增交易 2 笔');
  await expect(summary).toContainText('拒收 1 行');
  await expect(summary.getByTestId('statement-rejections')).toContainText('调单-上传.xlsx，交易明细，第 4 行');
  await expect(page.getByRole('radio', { name: '银行流水（xlsx、CSV）' })).toBeChecked();
  await page.getByTestId('import-file-input').setInputFiles(file);
  await expect(page.getByTestId('statement-summary')).toContainText('此前已导入，未作改动');
  fs.rmSync(dir, { recursive: true, force: true });
  expect(consoleProblems).toEqual([]);
});

test('the overview lists the downstream accounts several series pay into, each with its series', async ({
  page,
  linked,
  consoleProblems,
}) => {
  const shared = await call<{ account: string; series: string[] }[]>(linked, 'flow.shared', {});
  expect(shared.length, 'the demo gives pairs of gangs one level-3 account').toBeGreaterThan(0);
  await page.goto(linked.url);
  const panel = page.getByTestId('overview-shared-accounts');
  await panel.scrollIntoViewIfNeeded();
  await expect(panel.getByRole('heading')).toContainText('多个串案共用的下游账户');
  const rows = panel.locator('tbody tr');
  await expect(rows).toHaveCount(Math.min(10, shared.length));
  const first = shared[0] as { account: string; series: string[] };
  expect(first.series.length).toBeGreaterThanOrEqual(2);
  await expect(rows.first()).toContainText(first.account);
  await rows
    .first()
    .getByRole('link', { name: first.series[0] as string })
    .click();
  await expect(page).toHaveURL(new RegExp(`#/series/${first.series[0]}$`));
  await expect(page.getByTestId('money-flow').getByTestId('flow-shared')).toContainText(first.account);
  expect(consoleProblems).toEqual([]);
});
