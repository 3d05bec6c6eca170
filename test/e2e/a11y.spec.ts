// Accessibility: axe-core over every view, in both themes and both languages. No serious or
// critical violation is allowed; keyboard focus must be visible.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { rawStore } from '../support/raw-store';
import { call, relink } from './casework';
import { expect, test } from './serve-fixture';

/** A live report id of the store, for the report detail view. */
function someReport(db: string): string {
  const store = rawStore(db, { readonly: true });
  try {
    return (store.prepare('SELECT id FROM report WHERE withdrawn = 0 ORDER BY rid LIMIT 1').get() as { id: string }).id;
  } finally {
    store.close();
  }
}

/** Every view's address; views that load data wait for their heading. */
function views(reportId: string, caseId: string, seriesId: string): readonly { readonly name: string; readonly hash: string }[] {
  return [
    // The analysis views (overview, series list, series workspace) come from their own branch.
    { name: 'overview', hash: '#/overview' },
    { name: 'series', hash: '#/series' },
    { name: 'series-detail', hash: `#/series/${encodeURIComponent(seriesId)}` },
    { name: 'suggestions', hash: '#/suggestions' },
    { name: 'welcome', hash: '#/welcome' },
    { name: 'reports', hash: '#/reports' },
    { name: 'report', hash: `#/reports/${reportId}` },
    { name: 'import', hash: '#/import' },
    { name: 'quarantine', hash: '#/import/quarantine' },
    { name: 'sources', hash: '#/sources' },
    { name: 'settings', hash: '#/settings' },
    { name: 'cases', hash: '#/cases' },
    { name: 'case', hash: `#/cases/${encodeURIComponent(caseId)}` },
    { name: 'case-new', hash: '#/cases/new?series=S-1' },
    { name: 'audit', hash: '#/audit' },
    { name: 'not-found', hash: '#/nowhere' },
  ];
}

/** A case file with a note, made from the biggest series (linking first if needed). */
async function someCase(page: Page, origin: string): Promise<string> {
  const existing = await call(page.request, origin, 'cases.list', {});
  if (existing[0]) return existing[0].id;
  await relink(page.request, origin);
  const series = (await call(page.request, origin, 'series.query', { offset: 0, limit: 2 })).rows.map((r) => r.id);
  const created = await call(page.request, origin, 'cases.create', { title: '无障碍检查案件', series, assignee: '李警官' });
  await call(page.request, origin, 'cases.addNote', { id: created.id, text: '备注一' });
  return created.id;
}

async function open(page: Page, url: string, hash: string): Promise<void> {
  const u = new URL(url);
  u.hash = hash;
  await page.goto(u.toString());
  await expect(page.locator('main h1').first()).toBeVisible();
  await expect(page.getByText(/^(正在加载…|Loading…)$/)).toHaveCount(0);
}

async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  expect(result.passes.length, 'axe ran its rules').toBeGreaterThan(10);
  const minor = result.violations.filter((v) => v.impact !== 'serious' && v.impact !== 'critical');
  if (minor.length > 0)
    test
      .info()
      .annotations.push({ type: 'axe-minor', description: `${page.url().split('#')[1] ?? ''}: ${minor.map((v) => v.id).join(', ')}` });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
}

async function setDisplay(
  page: Page,
  url: string,
  display: { readonly language: 'zh-CN' | 'en'; readonly theme: 'light' | 'dark' },
): Promise<void> {
  const origin = new URL(url).origin;
  const answer = await page.request.post(`${origin}/api/call/settings.update`, { headers: { 'X-Casegraph': '1' }, data: display });
  expect(answer.ok()).toBe(true);
}

for (const display of [
  { language: 'zh-CN', theme: 'light' },
  { language: 'en', theme: 'dark' },
] as const) {
  test(`axe finds no serious or critical violation on any view (${display.language}, ${display.theme})`, async ({
    page,
    served,
    consoleProblems,
  }) => {
    // Every view, each loaded and checked by axe, after a full relink: more than the default budget.
    test.setTimeout(180_000);
    await page.goto(served.url); // sets the session cookie
    await setDisplay(page, served.url, display);
    const caseId = await someCase(page, served.origin);
    const seriesId = (await call(page.request, served.origin, 'series.query', { offset: 0, limit: 1 })).rows[0]?.id ?? '';
    const found: string[] = [];
    for (const view of views(someReport(served.db), caseId, seriesId)) {
      await open(page, served.url, view.hash);
      await expect(page.locator('html')).toHaveAttribute('data-theme', display.theme);
      for (const v of await seriousViolations(page)) found.push(`${view.name}: ${v}`);
      await page.screenshot({ path: test.info().outputPath(`a11y-${view.name}-${display.language}-${display.theme}.png`), fullPage: true });
    }
    await setDisplay(page, served.url, { language: 'zh-CN', theme: 'light' });
    expect(found).toEqual([]);
    expect(consoleProblems).toEqual([]);
  });
}

test('keyboard focus is visible on links, buttons and inputs', async ({ page, served }) => {
  await page.goto(served.url);
  await open(page, served.url, '#/settings');
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      return { style: style.outlineStyle, width: parseFloat(style.outlineWidth), tag: el.tagName };
    });
    expect(outline, `focus stop ${i}`).not.toBeNull();
    expect(outline?.style, `focus stop ${i} (${outline?.tag})`).not.toBe('none');
    expect(outline?.width ?? 0).toBeGreaterThanOrEqual(2);
  }
});
