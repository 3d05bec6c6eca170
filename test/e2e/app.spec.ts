// The investigator UI in Debian's Chromium through `casegraph serve` on a demo store.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { rawStore } from '../support/raw-store';
import { expect, startServe, test, watchConsole } from './serve-fixture';

/** A report, and a Chinese phrase from its narrative that no other report's narrative contains. */
function pickReport(db: string): { id: string; phrase: string } {
  const store = rawStore(db, { readonly: true });
  try {
    const rows = store
      .prepare('SELECT id, narrative FROM report WHERE withdrawn = 0 AND length(narrative) > 40 ORDER BY rid LIMIT 200')
      .all() as { id: string; narrative: string }[];
    const matches = store.prepare("SELECT count(*) AS n FROM report WHERE narrative LIKE '%' || ? || '%'");
    for (const row of rows) {
      for (const m of row.narrative.matchAll(/[\u4e00-\u9fff]{6,}/g)) {
        const phrase = m[0].slice(0, 8);
        if ((matches.get(phrase) as { n: number }).n === 1) return { id: row.id, phrase };
      }
    }
    throw new Error('no report with a phrase of its own');
  } finally {
    store.close();
  }
}

test('the reports view loads on a demo store without console errors', async ({ page, served, consoleProblems }) => {
  // A store with reports opens on the overview; the reports are one click away.
  await page.goto(served.url);
  await expect(page).toHaveURL(/#\/overview$/);
  await page.getByRole('link', { name: '报案', exact: true }).click();
  await expect(page).toHaveURL(/#\/reports$/);
  await expect(page.getByRole('heading', { name: '报案列表' })).toBeVisible();
  const grid = page.getByRole('grid', { name: '报案列表' });
  await expect(grid.getByRole('row').nth(5)).toBeVisible();
  await expect(page.getByTestId('status-report-count')).toContainText(/\d,\d{3}/);
  await page.screenshot({ path: test.info().outputPath('reports.png') });
  expect(consoleProblems).toEqual([]);
});

test('full-text search finds a Chinese phrase, and the report opens with its identifiers and redacted victim', async ({
  page,
  served,
  consoleProblems,
}) => {
  const { id, phrase } = pickReport(served.db);
  await page.goto(`${served.url}#/reports`);
  await page.getByRole('searchbox', { name: '全文搜索' }).or(page.getByLabel('全文搜索')).first().fill(phrase);
  const row = page.getByRole('row', { name: new RegExp(id) });
  await expect(row).toBeVisible();
  await expect(page.getByText('共 1 条报案')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('search.png') });
  await row.click();
  await expect(page).toHaveURL(new RegExp(`#/reports/${id}$`));
  await expect(page.getByRole('heading', { name: `报案 ${id}` })).toBeVisible();
  await expect(page.getByRole('heading', { name: '涉案标识' })).toBeVisible();
  // Victim data is redacted until revealed.
  const reveal = page.getByRole('button', { name: '显示姓名' });
  if (await reveal.count()) {
    await expect(page.getByText(/\*/).first()).toBeVisible();
    await reveal.click();
    await expect(page.getByRole('button', { name: '隐藏姓名' })).toBeVisible();
  }
  await page.screenshot({ path: test.info().outputPath('detail.png'), fullPage: true });
  expect(consoleProblems).toEqual([]);
});

test('a deep link to a report opens it directly', async ({ page, served }) => {
  const { id } = pickReport(served.db);
  const url = new URL(served.url);
  url.hash = `#/reports/${id}`;
  await page.goto(url.toString());
  await expect(page.getByRole('heading', { name: `报案 ${id}` })).toBeVisible();
});

test('importing a file shows progress, counts and each rejected record', async ({ page, served, consoleProblems }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casegraph-upload-'));
  const good = {
    id: 'UP-1',
    version: 1,
    precinct: 'NJ-XUANWU',
    reported_at: '2024-05-01T10:00:00+08:00',
    category: 'loan',
    narrative: '网贷平台要求先交解冻费，被骗了两千元。',
  };
  const file = path.join(dir, '上传报案.ndjson');
  fs.writeFileSync(file, `${JSON.stringify(good)}\n${JSON.stringify({ ...good, id: 'UP-2', loss: { amount: 12.5, currency: 'CNY' } })}\n`);
  await page.goto(served.url);
  await page.getByRole('link', { name: '导入' }).click();
  await page.getByTestId('import-file-input').setInputFiles(file);
  await expect(page.getByRole('heading', { name: '导入结果' })).toBeVisible();
  const summary = page
    .getByRole('region', { name: '导入结果' })
    .or(page.locator('section', { has: page.getByRole('heading', { name: '导入结果' }) }))
    .first();
  await expect(summary).toContainText('新增');
  await expect(summary).toContainText('上传报案.ndjson line 2 (UP-2)');
  await expect(summary).toContainText('loss.amount');
  await page.screenshot({ path: test.info().outputPath('import.png') });
  expect(consoleProblems).toEqual([]);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('switching the language to English changes the visible strings', async ({ page, served }) => {
  await page.goto(served.url);
  await page.getByRole('link', { name: '设置' }).click();
  await page.getByRole('radio', { name: 'English' }).check();
  await expect(page.getByRole('link', { name: 'Reports' })).toBeVisible();
  await expect(page.getByRole('link', { name: '报案' })).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('settings-en.png') });
  await page
    .getByRole('radio', { name: '中文（简体）' })
    .or(page.getByRole('radio', { name: /中文/ }))
    .first()
    .check();
  await expect(page.getByRole('link', { name: '报案' })).toBeVisible();
});

test('an empty store offers the demo precinct and shows it once loaded', async ({ page }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casegraph-empty-'));
  const { child, url } = await startServe(path.join(dir, 'empty.db'));
  try {
    const problems = watchConsole(page);
    await page.goto(url);
    await expect(page).toHaveURL(/#\/welcome$/);
    await page.screenshot({ path: test.info().outputPath('welcome.png') });
    await page.getByRole('button', { name: '加载演示辖区' }).click();
    await expect(page.getByRole('grid', { name: '报案列表' }).getByRole('row').nth(3)).toBeVisible({ timeout: 60_000 });
    expect(problems).toEqual([]);
  } finally {
    child.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
