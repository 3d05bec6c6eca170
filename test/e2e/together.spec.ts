// The series that reach the filing threshold only together — the small cases linking brings to
// filing — in Debian's Chromium through `casegraph serve` on a linked demo store: the overview's
// figure opens the list filtered to them, every series listed is one, and the workspace says so
// with the dates the threshold's window counted, in both languages.
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import type { Overview, SeriesDetail, SeriesPage } from '../../src/common/api';
import { apiCall, linkedStore, watchConsole, type Linked } from './serve-fixture';

const test = base.extend<{ consoleProblems: string[] }, { linked: Linked }>({
  linked: linkedStore(3000),
  consoleProblems: async ({ page }, use) => {
    await use(watchConsole(page));
  },
});

const call = apiCall;

async function axeProblems(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')})`,
    );
}

test.use({ viewport: { width: 1440, height: 1000 } });

test('the overview counts the series reached only together and opens the list of them; each says so', async ({
  page,
  linked,
  consoleProblems,
}) => {
  const overview = await call<Overview>(linked, 'overview.get', {});
  expect(overview.onlyTogether).toBeGreaterThan(0);
  await page.goto(linked.url);
  await expect(page).toHaveURL(/#\/overview$/);
  const figure = page.getByTestId('overview-together-count');
  await expect(figure).toHaveText(overview.onlyTogether.toLocaleString('zh-CN'));
  await expect(page.getByRole('term').filter({ hasText: '串并后才达立案标准' })).toBeVisible();

  await figure.click();
  await expect(page).toHaveURL(/#\/series\?together=1$/);
  await expect(page.getByTestId('series-total')).toContainText(`共 ${overview.onlyTogether.toLocaleString('zh-CN')} 个串案`);
  await expect(page.getByTestId('filter-together')).toBeChecked();
  const rows = page.getByTestId('series-table').locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  const shown = await rows.count();
  expect(shown).toBe(Math.min(100, overview.onlyTogether));
  // Every series listed is over the threshold only together, says so in words, and is one the
  // backend counts as such.
  const together = await call<SeriesPage>(linked, 'series.query', { onlyTogether: true, offset: 0, limit: 1000 });
  const ids = new Set(together.rows.map((r) => r.id));
  for (let i = 0; i < shown; i++) {
    const row = rows.nth(i);
    await expect(row).toHaveAttribute('data-together', 'true');
    await expect(row).toContainText('已达立案标准');
    await expect(row).toContainText('串并后达标');
    expect(ids.has((await row.getByRole('link').first().textContent()) ?? '')).toBe(true);
  }
  for (const r of together.rows) expect(r).toMatchObject({ onlyTogether: true, overThreshold: true });
  await page.screenshot({ path: test.info().outputPath('series-together.png') });
  expect(await axeProblems(page)).toEqual([]);

  // The filter off again: series that are not only-together are listed too.
  await page.getByTestId('filter-together').uncheck();
  await expect(page).toHaveURL(/#\/series$/);
  await expect(page.getByTestId('series-table').locator('tbody tr[data-together="false"]').first()).toBeVisible();
  expect(consoleProblems).toEqual([]);
});

test('the series workspace says the series was reached only together and which dates the window counted', async ({
  page,
  linked,
  consoleProblems,
}) => {
  const together = await call<SeriesPage>(linked, 'series.query', { onlyTogether: true, offset: 0, limit: 1 });
  const row = together.rows[0];
  if (!row) throw new Error('no series reached only together');
  const detail = await call<SeriesDetail>(linked, 'series.get', { id: row.id });
  expect(row.occurredReports).toBe(detail.reports.filter((r) => r.occurredAt !== null).length);
  await page.goto(`${linked.url}#/series/${encodeURIComponent(row.id)}`);
  await expect(page.getByRole('heading', { level: 1, name: `串案 ${row.id}` })).toBeVisible();
  await expect(page.getByTestId('series-together')).toHaveText('串并后才达立案标准：本串案中没有一起报案单独达到立案标准。');
  await expect(page.getByTestId('series-window')).toContainText('730 天追溯期内的累计');
  await expect(page.getByTestId('loss-chart')).toHaveAttribute('data-crossing', detail.overReport ?? '');
  await page.screenshot({ path: test.info().outputPath('series-together-workspace.png') });
  expect(await axeProblems(page)).toEqual([]);

  // A series some of whose reports do not say when their fraud happened (the demo leaves out one
  // in twenty): the window counted their report dates, and the workspace says how many.
  const all = await call<SeriesPage>(linked, 'series.query', { offset: 0, limit: 1000 });
  const mixed = all.rows.find((r) => r.occurredReports > 0 && r.occurredReports < r.reports);
  if (!mixed) throw new Error('no series with reports both with and without an occurrence date');
  await page.goto(`${linked.url}#/series/${encodeURIComponent(mixed.id)}`);
  await expect(page.getByTestId('series-window')).toHaveText(
    `730 天追溯期内的累计：共 ${mixed.reports} 起报案，其中 ${mixed.occurredReports} 起按案发时间计算，其余按报案时间计算。`,
  );
  await expect(page.getByTestId('series-together')).toHaveCount(mixed.onlyTogether ? 1 : 0);

  // In English.
  await call(linked, 'settings.update', { language: 'en' });
  try {
    await page.reload();
    await expect(page.getByTestId('series-window')).toHaveText(
      `The 730-day window counted occurrence dates for ${mixed.occurredReports} of ${mixed.reports} reports, report dates for the rest.`,
    );
    await page.goto(`${linked.url}#/series/${encodeURIComponent(row.id)}`);
    await expect(page.getByTestId('series-together')).toHaveText(
      'Reached only together: no report in this series reaches the threshold alone.',
    );
    await page.goto(`${linked.url}#/overview`);
    await expect(page.getByRole('term').filter({ hasText: 'Reached only together' })).toBeVisible();
    await expect(page.getByTestId('overview-together-count')).toHaveText(String(all.rows.filter((r) => r.onlyTogether).length));
    await page.screenshot({ path: test.info().outputPath('overview-together-en.png') });
  } finally {
    await call(linked, 'settings.update', { language: 'zh-CN' });
  }
  expect(consoleProblems).toEqual([]);
});
