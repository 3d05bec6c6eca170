// The money flow's shared devices and holders in Debian's Chromium through `casegraph serve`: a
// linked demo store with its gangs' statements; a bank's answer dropped on the Import view shows
// the series' payee card paying a new card, and that card and a third paid from one phone (a MAC
// written three ways) and held by one person (the same ID number); the series' money flow names both findings, in Chinese and
// in English, and leaves out the phone's private IP.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import ExcelJS from 'exceljs';
import { test as base, expect } from '@playwright/test';
import type { FlowLinks, SeriesFlow, SeriesPage } from '../../src/common/api';
import { apiCall, CLI, linkedStore, watchConsole, type Linked } from './serve-fixture';

const test = base.extend<{ consoleProblems: string[] }, { linked: Linked }>({
  linked: linkedStore(800, 5, (db) => {
    const statements = path.join(path.dirname(db), 'statements');
    const demo = spawnSync(
      process.execPath,
      [CLI, 'demo', '--reports', '800', '--seed', '5', '--out', path.join(path.dirname(db), 'same.ndjson'), '--statements', statements],
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

const OTHER = '6217003141592600037';
const OTHER2 = '6217003141592600052';
const LAYER = '6217003141592600045';
const HOLDER_ID = '51010219910203004X';

test.use({ viewport: { width: 1440, height: 1000 } });

test('a series’ money flow names the cards paid from one phone and the holder behind several cards', async ({
  page,
  linked,
  consoleProblems,
}) => {
  const rows = (await apiCall<SeriesPage>(linked, 'series.query', { offset: 0, limit: 40 })).rows;
  let flow: SeriesFlow | null = null;
  for (const row of rows) {
    const f = await apiCall<SeriesFlow>(linked, 'flow.series', { id: row.id });
    if (f.cards.length > 0) {
      flow = f;
      break;
    }
  }
  expect(flow, 'a series whose payee cards the demo statements carry').not.toBeNull();
  const f = flow as SeriesFlow;
  const sent = f.transactions.find((t) => t.from !== null && f.cards.includes(t.from));
  expect(sent, 'a payment of the series’ cards').toBeDefined();
  const card = sent?.from as string;
  // Wall-clock China time, a minute after that payment: within the card's window, so OTHER joins the flow.
  const at = (offsetMs: number): string =>
    new Date(Date.parse(sent?.at as string) + offsetMs + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
  const before = await apiCall<FlowLinks>(linked, 'flow.links', { seriesId: f.seriesId });
  expect(before.devices.some((d) => d.value === 'A4:5E:60:11:22:33')).toBe(false);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casegraph-links-'));
  const file = path.join(dir, '调单-设备.xlsx');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('交易明细');
  ws.addRow(['交易卡号', '开户人证件号码', '交易时间', '交易金额', '收付标志', '交易对手账卡号', 'IP地址', 'MAC地址']);
  ws.addRow([card, '', at(60_000), '10.00', '出', OTHER, '192.168.0.8', 'a4-5e-60-11-22-33']);
  ws.addRow([OTHER, HOLDER_ID, at(180_000), '5.00', '出', LAYER, '192.168.0.8', 'A45E.6011.2233']);
  ws.addRow([OTHER2, HOLDER_ID, at(86_400_000), '30.00', '出', LAYER, '', 'A4:5E:60:11:22:33']);
  await wb.xlsx.writeFile(file);
  await page.goto(linked.url);
  await page.getByRole('link', { name: '导入' }).click();
  await page.getByTestId('import-file-input').setInputFiles(file);
  await expect(page.getByTestId('statement-summary')).toContainText('新增交易 3 笔');

  await page.goto(linked.url.replace(/#.*$/, '') + `#/series/${encodeURIComponent(f.seriesId)}`);
  const panel = page.getByTestId('money-flow').getByTestId('flow-links');
  await panel.scrollIntoViewIfNeeded();
  await expect(panel.getByRole('heading', { name: '共用设备与同一持卡人' })).toBeVisible();
  const device = panel.getByTestId('flow-links-device').filter({ hasText: 'MAC A4:5E:60:11:22:33' });
  await expect(device).toContainText('3 个账户，转出 3 笔');
  await expect(device.locator('tbody tr')).toHaveCount(3);
  for (const account of [card, OTHER, OTHER2]) await expect(device.locator('tbody tr').filter({ hasText: account })).toHaveCount(1);
  await expect(panel).not.toContainText('192.168.0.8');
  const holder = panel.getByTestId('flow-links-holder').filter({ hasText: HOLDER_ID });
  await expect(holder).toContainText('证件号码相同');
  await expect(holder.locator('tbody tr')).toHaveCount(2);
  // No serious or critical accessibility problem in the panel.
  const axe = await new AxeBuilder({ page })
    .include('[data-testid="flow-links"]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  // The same panel in English.
  await page.goto(`${linked.url}#/settings`);
  await page.getByRole('radio', { name: 'English' }).check();
  await page.goto(linked.url.replace(/#.*$/, '') + `#/series/${encodeURIComponent(f.seriesId)}`);
  const en = page.getByTestId('money-flow').getByTestId('flow-links');
  await en.scrollIntoViewIfNeeded();
  await expect(en.getByRole('heading', { name: 'Shared devices and holders' })).toBeVisible();
  await expect(en.getByTestId('flow-links-device').filter({ hasText: 'MAC A4:5E:60:11:22:33' })).toContainText('3 accounts, 3 payments');
  await expect(en.getByTestId('flow-links-holder').filter({ hasText: HOLDER_ID })).toContainText('same ID number');
  fs.rmSync(dir, { recursive: true, force: true });
  expect(consoleProblems).toEqual([]);
});
