// Sources & sync in Debian's Chromium through `casegraph serve`: add a feed of the reference
// feed server in the UI, sync it with progress (including a wait the server asks for) and see
// the final counts; a wrong token gives the "not authorised" sentence.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test as base } from '@playwright/test';
import { onRequest } from '../feed-server/faults';
import { startFeedServer, type FeedServer } from '../feed-server/feed-server';
import { report } from '../feed-server/fixtures';
import { expect, makeDemoStore, startServe, watchConsole } from './serve-fixture';

const P = 'SH-PUDONG';
const OTHER = 'SH-JINGAN';
const TOKEN = 'e2e-token-for-pudong-0042';
const RECORDS = 2500;

interface Setup {
  readonly feed: FeedServer;
  readonly url: string;
  readonly db: string;
}

const test = base.extend<Record<never, never>, { setup: Setup }>({
  setup: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      // Three pages of 1000 with some latency, and a 503 with Retry-After on the second request,
      // so that the progress bar and the waiting state are visible for a moment.
      const feed = await startFeedServer({
        feeds: { [P]: Array.from({ length: RECORDS }, (_, i) => report(i + 1, P)), [OTHER]: [report(1, OTHER)] },
        tokens: { [TOKEN]: [P, OTHER] },
        latencyMs: 300,
        faults: onRequest(1, { kind: 'status', status: 503, retryAfter: '2' }),
      });
      const db = makeDemoStore(200);
      const served: { child: ChildProcess; url: string } = await startServe(db);
      await use({ feed, url: served.url, db });
      served.child.kill('SIGTERM');
      await feed.close();
      fs.rmSync(path.dirname(db), { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
});

test('add a feed, sync it with progress, see the counts; a wrong token is "not authorised"', async ({ page, setup }) => {
  const problems = watchConsole(page);
  await page.goto(setup.url);
  await page.getByRole('link', { name: '来源与同步' }).click();
  await expect(page).toHaveURL(/#\/sources$/);
  await expect(page.getByRole('heading', { name: '来源与同步', level: 1 })).toBeVisible();
  await expect(page.getByText('还没有数据来源')).toBeVisible();

  // The form says what is wrong before anything is sent.
  await page.getByRole('button', { name: '添加来源' }).click();
  await expect(page.getByText('请输入完整的网址')).toBeVisible();
  await expect(page.getByText('请输入辖区代码')).toBeVisible();
  await expect(page.getByText('请输入令牌')).toBeVisible();
  await page.getByLabel('平台基础网址').fill('http://feed.example.gov.cn');
  await expect(page.getByText('网址须以 https:// 开头')).toBeVisible();

  await page.getByLabel('平台基础网址').fill(setup.feed.url);
  await page.getByLabel('辖区代码').fill(P);
  await page.getByLabel('访问令牌', { exact: true }).fill(TOKEN);
  await expect(page.getByLabel('访问令牌', { exact: true })).toHaveAttribute('type', 'password');
  await page.getByRole('button', { name: '添加来源' }).click();

  const card = page.getByRole('article', { name: `辖区 ${P}` });
  await expect(card).toBeVisible();
  await expect(card.getByText('已设置令牌')).toBeVisible();
  await expect(card.getByText('从未同步')).toBeVisible();
  await expect(page.getByText(TOKEN)).toHaveCount(0);

  await card.getByRole('button', { name: '立即同步' }).click();
  const progress = card.getByTestId('sync-progress');
  await expect(progress.getByRole('progressbar', { name: '同步进度' })).toBeVisible();
  await expect(progress.getByRole('button', { name: '取消同步' })).toBeVisible();
  await expect(progress.getByText(/等待 \d+ 秒（服务器要求稍后重试）/)).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('sync-waiting.png') });
  await expect(progress.getByText(/第 \d+ 页，已接收 [\d,]+ 条/)).toBeVisible();

  const counts = card.getByRole('group', { name: '上次同步结果' });
  await expect(counts.getByTestId('count-new')).toHaveText(/新增\s*2,500/, { timeout: 30_000 });
  await expect(progress).toHaveCount(0);
  await expect(counts.getByTestId('count-received')).toHaveText(/2,500/);
  await expect(counts.getByTestId('count-pages')).toHaveText(/3/);
  await expect(counts.getByTestId('count-quarantined')).toHaveText(/0/);
  await expect(card.getByTestId('source-status')).toHaveText('已同步到最新');
  await card.locator('summary', { hasText: '同步记录' }).click();
  await expect(card.getByRole('table').getByRole('row')).toHaveCount(2);
  await page.screenshot({ path: test.info().outputPath('sync-done.png'), fullPage: true });

  // A second feed with a wrong token.
  await page.getByLabel('平台基础网址').fill(setup.feed.url);
  await page.getByLabel('辖区代码').fill(OTHER);
  await page.getByLabel('访问令牌', { exact: true }).fill('wrong-token-0123456789');
  await page.getByRole('button', { name: '添加来源' }).click();
  const wrong = page.getByRole('article', { name: `辖区 ${OTHER}` });
  await wrong.getByRole('button', { name: '立即同步' }).click();
  await expect(wrong.getByTestId('sync-error')).toContainText('无权读取该辖区：令牌错误、已过期或不适用于这个辖区');
  await expect(wrong.getByTestId('source-status')).toHaveText('失败');
  await page.screenshot({ path: test.info().outputPath('sync-unauthorised.png'), fullPage: true });

  // Replace the token: the next sync succeeds and the error goes.
  await wrong.getByRole('button', { name: '更换令牌' }).click();
  await wrong.getByLabel('新的访问令牌').fill(TOKEN);
  await wrong.getByRole('button', { name: '保存令牌' }).click();
  await wrong.getByRole('button', { name: '立即同步' }).click();
  await expect(wrong.getByTestId('source-status')).toHaveText('已同步到最新');
  await expect(wrong.getByTestId('sync-error')).toHaveCount(0);

  // Remove, after confirming.
  await wrong.getByRole('button', { name: '移除来源' }).click();
  await wrong.getByRole('button', { name: '确认移除' }).click();
  await expect(wrong).toHaveCount(0);
  await expect(card).toBeVisible();

  // The background interval lives in the settings.
  await page.getByRole('link', { name: '设置' }).click();
  const interval = page.getByLabel('同步间隔（分钟）');
  await expect(interval).toHaveValue('15');
  await interval.fill('2000');
  await page.getByRole('button', { name: '保存', exact: true }).last().click();
  await expect(page.getByText('同步间隔须为 0 到 1440 之间的整数分钟')).toBeVisible();
  await interval.fill('0');
  await page.getByRole('button', { name: '保存', exact: true }).last().click();
  await expect(page.getByText('已保存。')).toBeVisible();

  expect(problems).toEqual([]);
});
