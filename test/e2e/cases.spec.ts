// Case files and the audit log in Debian's Chromium through `casegraph serve` on a linked demo store.
import { afterRelink, call, idle, openView, relink } from './casework';
import { expect, keepScreenshot, test } from './serve-fixture';

test.describe.configure({ mode: 'serial' });

const keep = keepScreenshot;

test('a case is opened from a series, noted, and survives a relink; the audit log shows it', async ({ page, served, consoleProblems }) => {
  await page.goto(served.url); // the session cookie
  const { origin } = served;
  await relink(page.request, origin);
  const top = await call(page.request, origin, 'series.query', { offset: 0, limit: 1 });
  const series = top.rows[0];
  expect(series).toBeDefined();
  if (!series) return;

  // The series workspace links here with its id filled in.
  await openView(page, served.url, `#/cases/new?series=${encodeURIComponent(series.id)}`);
  await expect(page.getByRole('heading', { name: '新建案件档案' })).toBeVisible();
  await expect(page.getByLabel('系列', { exact: true })).toHaveValue(series.id);
  await expect(page.getByRole('list', { name: '本案将归集的系列' })).toContainText(series.id);
  await page.getByRole('button', { name: '建立案件档案' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '请填写标题' })).toBeVisible(); // the title is required
  await page.getByLabel('标题').fill('浦东刷单系列 E2E');
  await page.getByLabel('承办人').fill('王警官');
  await page.getByRole('button', { name: '建立案件档案' }).click();

  await expect(page).toHaveURL(/#\/cases\/[^/?]+$/);
  const caseId = decodeURIComponent(new URL(page.url()).hash.replace('#/cases/', ''));
  await expect(page.getByRole('heading', { level: 1, name: '浦东刷单系列 E2E' })).toBeVisible();
  await expect(page.getByTestId('case-series').getByRole('link', { name: series.id })).toBeVisible();

  await page.getByLabel('新备注').fill('受害人集中在浦东新区，已联系银行冻结。');
  await page.getByRole('button', { name: '添加备注' }).click();
  const notes = page.getByTestId('case-notes');
  await expect(notes.getByText('受害人集中在浦东新区，已联系银行冻结。')).toBeVisible();
  await expect(notes.locator('time')).toHaveCount(1);

  // Status change.
  await page.getByRole('combobox', { name: '状态' }).selectOption('under_review');
  await page.getByRole('button', { name: '保存修改' }).click();
  await expect(page.locator('.view-header .badge-case')).toHaveText('审查中');
  await page.setViewportSize({ width: 1280, height: 1100 });
  await page.screenshot({ path: test.info().outputPath('case.png') });
  await page.setViewportSize({ width: 1280, height: 720 });
  keep(test.info().outputPath('case.png'), 'case.png');

  // A full relink, then a reload: the case keeps its series (followed if merged) and notes.
  await relink(page.request, origin);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: '浦东刷单系列 E2E' })).toBeVisible();
  await expect(page.getByTestId('case-series').locator('tbody tr')).not.toHaveCount(0);
  await expect(page.getByTestId('case-notes').getByText('受害人集中在浦东新区，已联系银行冻结。')).toBeVisible();
  const after = await call(page.request, origin, 'cases.get', { id: caseId });
  expect(after.currentSeries.length).toBeGreaterThan(0);
  expect(after.notes).toHaveLength(1);

  // The list, filtered by status.
  await openView(page, served.url, '#/cases?status=under_review');
  await expect(page.getByTestId('cases-table').getByRole('link', { name: '浦东刷单系列 E2E' })).toBeVisible();
  await page.getByRole('combobox', { name: '状态' }).selectOption('closed');
  await expect(page.getByText('没有处于该状态的案件档案。')).toBeVisible();
  await page.getByRole('combobox', { name: '状态' }).selectOption('');
  await expect(page.getByTestId('cases-table').getByRole('link', { name: '浦东刷单系列 E2E' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('cases.png') });
  keep(test.info().outputPath('cases.png'), 'cases.png');

  // A victim reveal (as the report detail does it) is logged; the audit view shows it and the case.
  const report = await call(page.request, origin, 'reports.query', { offset: 0, limit: 1 });
  const reportId = report.rows[0]?.id ?? '';
  await call(page.request, origin, 'reports.revealVictim', { id: reportId });
  await idle(page.request, origin);
  await openView(page, served.url, '#/audit');
  const table = page.getByTestId('audit-table');
  await expect(table.getByRole('row').filter({ hasText: '案件档案' }).filter({ hasText: caseId })).not.toHaveCount(0);
  await expect(table.getByRole('row').filter({ hasText: '查看个人信息' }).filter({ hasText: reportId })).toHaveCount(1);
  await expect(table.getByRole('row').filter({ hasText: '案件备注' })).not.toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('audit.png') });
  keep(test.info().outputPath('audit.png'), 'audit.png');

  // Filtering by action keeps it in the address.
  await page.getByRole('combobox', { name: '操作' }).selectOption('reveal');
  await page.getByRole('button', { name: '筛选', exact: true }).click();
  await expect(page).toHaveURL(/#\/audit\?action=reveal$/);
  // The store is shared with the other specs of this worker, which may reveal victims too: only
  // reveals are listed, ours among them.
  await expect(table.locator('tbody tr').filter({ hasText: reportId })).toHaveCount(1);
  await expect(table.locator('tbody tr').filter({ hasNotText: '查看个人信息' })).toHaveCount(0);
  await page.getByLabel('包含文字').fill('no-such-subject');
  await page.getByRole('button', { name: '筛选', exact: true }).click();
  await expect(page.getByText('没有符合条件的记录。')).toBeVisible();

  // Dates are typed the same way whatever the browser's locale, and shown back in the UI language.
  await page.getByRole('button', { name: '清除筛选' }).click();
  await expect(table.locator('tbody tr')).not.toHaveCount(0);
  const from = page.getByRole('textbox', { name: '起始日期' });
  await from.fill('2099/1/32');
  await expect(page.getByRole('alert').filter({ hasText: '日期无效' })).toBeVisible();
  await from.fill('2099年1月1日');
  await expect(page.getByText('2099年1月1日', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: '筛选', exact: true }).click();
  await expect(page).toHaveURL(/#\/audit\?from=2099-01-01$/);
  await expect(page.getByText('没有符合条件的记录。')).toBeVisible();

  expect(consoleProblems).toEqual([]);
});

test('a case follows its series when an investigator merges it into another and the store relinks', async ({
  page,
  served,
  consoleProblems,
}) => {
  await page.goto(served.url);
  const { origin } = served;
  await relink(page.request, origin);
  const rows = (await call(page.request, origin, 'series.query', { offset: 2, limit: 2 })).rows;
  const [a, b] = rows;
  if (!a || !b) throw new Error('need two series');
  const created = await call(page.request, origin, 'cases.create', { title: '合并跟随测试', series: [b.id] });
  await afterRelink(page.request, origin, () =>
    call(page.request, origin, 'series.merge', { a: a.id, b: b.id, reason: '同一收款账户，人工确认' }),
  );
  await relink(page.request, origin);

  const after = await call(page.request, origin, 'cases.get', { id: created.id });
  expect(after.currentSeries).toHaveLength(1);
  expect(after.currentSeries[0]?.reports).toBe(a.reports + b.reports);
  await openView(page, served.url, `#/cases/${encodeURIComponent(created.id)}`);
  const current = after.currentSeries[0]?.id ?? '';
  await expect(page.getByTestId('case-series').getByRole('link', { name: current })).toBeVisible();
  test.info().annotations.push({ type: 'followed', description: current === b.id ? 'kept its id' : `${b.id} -> ${current}` });
  if (current !== b.id) await expect(page.getByTestId('case-followed')).toContainText(b.id);
  expect(consoleProblems).toEqual([]);
});

test('switching the language changes every visible string on the case and audit views', async ({ page, served, consoleProblems }) => {
  await page.goto(served.url);
  const { origin } = served;
  const cases = await call(page.request, origin, 'cases.list', {});
  const first = cases[0];
  expect(first).toBeDefined();
  await call(page.request, origin, 'settings.update', { language: 'en' });
  try {
    for (const hash of ['#/cases', `#/cases/${encodeURIComponent(first?.id ?? '')}`, '#/cases/new', '#/audit', '#/settings', '#/import']) {
      await openView(page, served.url, hash);
      await expect(page.locator('main h1').first()).toBeVisible();
      await expect(page.getByText(/^Loading…$/)).toHaveCount(0);
      // Chinese may appear only in data (titles, notes, names), never in the interface.
      const chrome = await page.evaluate(() => {
        const texts: string[] = [];
        const skip = (el: Element | null): boolean =>
          !!el?.closest('td, .note-text, .note-author, h1, .brand, [lang="zh-CN"], option, textarea, input, .mono');
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const text = n.textContent?.trim() ?? '';
          if (text !== '' && !skip(n.parentElement)) texts.push(text);
        }
        for (const el of document.querySelectorAll('[aria-label], [placeholder], [title]')) {
          for (const attr of ['aria-label', 'placeholder', 'title']) {
            const v = el.getAttribute(attr);
            if (v && !skip(el)) texts.push(v);
          }
        }
        return texts;
      });
      const chinese = chrome.filter((t) => /[\u4e00-\u9fff]/.test(t));
      expect(chinese, hash).toEqual([]);
      await page.screenshot({ path: test.info().outputPath(`en-${hash.replace(/[^a-z]+/g, '-')}.png`) });
    }
  } finally {
    await call(page.request, origin, 'settings.update', { language: 'zh-CN' });
  }
  expect(consoleProblems).toEqual([]);
});
