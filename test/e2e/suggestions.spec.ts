// The review queue, round trip, in Debian's Chromium through `casegraph serve` on a demo store
// linked by `casegraph link` (the engine's own suggestions): open the queue from the navigation,
// accept a suggestion with a reason and see its two series become one after the relink, reject
// another and see it leave the open queue, revoke both decisions.
import { spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import type { Suggestion } from '../../src/common/api';
import { call, idle, openView } from './casework';
import { CLI, makeDemoStore, startServe, watchConsole } from './serve-fixture';

interface Linked {
  readonly url: string;
  readonly origin: string;
}

const test = base.extend<{ consoleProblems: string[] }, { linked: Linked }>({
  linked: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const db = makeDemoStore(3000);
      const r = spawnSync(process.execPath, [CLI, 'link', '--db', db], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`casegraph link failed: ${r.stderr}`);
      const { child, url } = (await startServe(db)) as { child: ChildProcess; url: string };
      await use({ url, origin: new URL(url).origin });
      child.kill('SIGTERM');
      fs.rmSync(path.dirname(db), { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  consoleProblems: async ({ page }, use) => {
    await use(watchConsole(page));
  },
});

test.use({ viewport: { width: 1400, height: 1000 } });

/** Two open suggestions that share no series, so deciding one leaves the other as it is. */
async function twoApart(page: Page, linked: Linked): Promise<[Suggestion, Suggestion]> {
  const open = await call(page.request, linked.origin, 'suggestions.query', { offset: 0, limit: 200 });
  expect(open.total, 'the linked demo precinct has suggestions to review').toBeGreaterThanOrEqual(2);
  const first = open.rows[0] as Suggestion;
  const second = open.rows.find((s) => !s.series.some((x) => first.series.includes(x)));
  expect(second, 'two suggestions that share no series').toBeDefined();
  return [first, second as Suggestion];
}

/** Decide with a reason, as an investigator does: the button opens the form, which asks why. */
async function decide(card: Locator, action: string, reason: string): Promise<void> {
  await card.getByRole('button', { name: action, exact: true }).click();
  const form = card.getByRole('form', { name: action });
  await form.getByRole('button', { name: action, exact: true }).click();
  await expect(form.getByRole('alert')).toHaveText('请填写原因：原因会与更正一起记录。');
  await form.getByLabel('原因（必填）').fill(reason);
  await form.getByRole('button', { name: action, exact: true }).click();
}

const cardOf = (page: Page, id: string): Locator => page.locator(`[data-suggestion="${id}"]`);

test('review round trip: accept joins two series, reject leaves the queue, revoke undoes both', async ({
  page,
  linked,
  consoleProblems,
}) => {
  await page.goto(linked.url);
  const [accepted, rejected] = await twoApart(page, linked);
  const before = await call(page.request, linked.origin, 'suggestions.query', { offset: 0, limit: 1 });

  // From the navigation, whose badge counts the open suggestions.
  await openView(page, linked.url, '#/overview');
  const nav = page.getByRole('navigation', { name: '主导航' });
  await expect(nav.getByTestId('nav-suggestions-count')).toContainText(before.total.toLocaleString('zh-CN'));
  await nav.getByRole('link', { name: /^串并建议/ }).click();
  await expect(page).toHaveURL(/#\/suggestions$/);
  await expect(page.getByRole('heading', { level: 1, name: '待审核的串并建议' })).toBeVisible();
  await expect(page.getByTestId('suggestions-summary')).toContainText(`待审核 ${before.total.toLocaleString('zh-CN')} 条`);
  // Ranked as the API ranks them.
  const shown = await page.getByTestId('suggestion').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-suggestion')));
  const ranked = (await call(page.request, linked.origin, 'suggestions.query', { offset: 0, limit: 50 })).rows.map((s) => s.id);
  expect(shown).toEqual(ranked);

  // Each term of the evidence with its bits.
  const card = cardOf(page, accepted.id);
  await expect(card.getByRole('heading', { level: 2 })).toContainText(accepted.series[1].replace(/^R-/, ''));
  await expect(card.locator('.evidence-term')).toHaveCount(accepted.evidence.length);
  for (const bits of await card.locator('.evidence-term-bits').allTextContents()) expect(bits).toMatch(/^[+-]\d+\.\d 比特$/);
  await page.screenshot({ path: test.info().outputPath('suggestions-queue.png'), fullPage: true });

  // Accept: recorded, then the relink makes the two series one.
  await decide(card, '采纳', '同一话术、同一时段，资金流向一致');
  await expect(card.getByText('已采纳：两个串案将合并为一；正在重新串并。')).toBeVisible();
  await expect(card.getByRole('button', { name: '撤销决定' })).toBeVisible();
  await expect(card.getByText('已采纳', { exact: true })).toBeVisible();
  await idle(page.request, linked.origin);
  expect((await call(page.request, linked.origin, 'series.explain', { a: accepted.reports[0], b: accepted.reports[1] })).linked).toBe(true);
  const now = (await call(page.request, linked.origin, 'suggestions.query', { status: 'accepted', offset: 0, limit: 10 })).rows.find(
    (s) => s.id === accepted.id,
  );
  const merged = now?.series[0] as string;
  expect(now?.series).toEqual([merged, merged]);
  await page.getByRole('search', { name: '筛选串并建议' }).getByLabel('状态').selectOption('accepted');
  await expect(page).toHaveURL(/#\/suggestions\?status=accepted$/);
  const done = cardOf(page, accepted.id);
  await expect(done.getByText('现为同一串案：')).toBeVisible();
  await expect(done.getByText(/同一话术、同一时段，资金流向一致/)).toBeVisible();
  await done.getByText('现为同一串案：').getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: `串案 ${merged}` })).toBeVisible();
  for (const r of accepted.reports)
    await expect(page.locator('#ws-reports').getByRole('link', { name: r, exact: true }).first()).toBeVisible();
  // The workspace lists the series' accepted suggestion too.
  const panel = page.getByTestId('series-suggestions');
  await panel.getByLabel('状态').selectOption('accepted');
  await expect(panel.locator(`[data-suggestion="${accepted.id}"]`)).toBeVisible();

  // Reject another: it leaves the open queue.
  await openView(page, linked.url, '#/suggestions');
  const other = cardOf(page, rejected.id);
  await decide(other, '驳回', '受害人不同、话术系公开模板');
  await expect(other.getByText('已驳回', { exact: true })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: '待审核的串并建议' })).toBeVisible();
  await expect(page.getByTestId('suggestions-summary')).toBeVisible();
  await expect(cardOf(page, rejected.id)).toHaveCount(0);
  await expect(cardOf(page, accepted.id)).toHaveCount(0);

  // Revoke the rejection: open again.
  await openView(page, linked.url, '#/suggestions?status=rejected');
  const back = cardOf(page, rejected.id);
  await decide(back, '撤销决定', '重新研判');
  await expect(back.getByText('已撤销：该建议重新待审核。')).toBeVisible();
  await idle(page.request, linked.origin);
  await back.getByRole('link', { name: '在待审核的串并建议中查看' }).click();
  await expect(page).toHaveURL(/#\/suggestions$/);
  await expect(cardOf(page, rejected.id).getByRole('button', { name: '采纳', exact: true })).toBeVisible();
  expect((await call(page.request, linked.origin, 'suggestions.query', { status: 'rejected', offset: 0, limit: 10 })).total).toBe(0);

  // Revoke the acceptance: the merge goes, and the relink parts the two series again.
  await openView(page, linked.url, '#/suggestions?status=accepted');
  await decide(cardOf(page, accepted.id), '撤销决定', '资金流向核实不符');
  await expect(cardOf(page, accepted.id).getByText('已撤销：该建议重新待审核。')).toBeVisible();
  await idle(page.request, linked.origin);
  expect((await call(page.request, linked.origin, 'series.explain', { a: accepted.reports[0], b: accepted.reports[1] })).linked).toBe(
    false,
  );
  const open = (await call(page.request, linked.origin, 'suggestions.query', { offset: 0, limit: 200 })).rows.map((s) => s.id);
  expect(open).toContain(rejected.id);
  expect(open).toContain(accepted.id);

  const log = (await call(page.request, linked.origin, 'audit.query', { offset: 0, limit: 20 })).rows.map((e) => [e.action, e.subject]);
  expect(log).toContainEqual(['suggestion_accept', accepted.id]);
  expect(log).toContainEqual(['suggestion_reject', rejected.id]);
  expect(log.filter(([a]) => a === 'suggestion_revoke')).toHaveLength(2);
  expect(consoleProblems).toEqual([]);
});
