// The analysis views (overview, series list, series workspace) in Debian's Chromium through
// `casegraph serve` on a linked demo store. Expected figures come from the API itself.
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import type { SeriesDetail, SeriesGraph, SeriesPage } from '../../src/common/api';
import { apiCall, keepScreenshot, linkedStore, watchConsole, type Linked } from './serve-fixture';

const test = base.extend<{ consoleProblems: string[] }, { linked: Linked }>({
  linked: linkedStore(3000),
  consoleProblems: async ({ page }, use) => {
    await use(watchConsole(page));
  },
});

const call = apiCall;

/** A series over the threshold with a handful of reports and an identifier whose other reports lie outside it. */
async function pickSeries(linked: Linked): Promise<{ id: string; graph: SeriesGraph; expandId: string }> {
  const page = await call<SeriesPage>(linked, 'series.query', { overThreshold: true, offset: 0, limit: 100 });
  for (const row of page.rows) {
    if (row.reports < 4 || row.reports > 60) continue;
    const graph = await call<SeriesGraph>(linked, 'series.graph', { id: row.id });
    const degree = new Map<string, number>();
    for (const e of graph.edges) if (e.type === 'has') degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
    const expandable = graph.nodes.find((n) => n.type === 'identifier' && n.storeReports > (degree.get(n.id) ?? 0));
    if (expandable) return { id: row.id, graph, expandId: expandable.id };
  }
  throw new Error('no series with an expandable identifier');
}

function seriesUrl(linked: Linked, id: string): string {
  // As an investigator would: the address serve printed, with the view appended.
  return `${linked.url}#/series/${encodeURIComponent(id)}`;
}

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

async function shoot(page: Page, name: string, keep = false): Promise<void> {
  const file = test.info().outputPath(`${name}.png`);
  await page.screenshot({ path: file });
  if (keep) keepScreenshot(file, `${name}.png`);
}

test.use({ viewport: { width: 1440, height: 1000 } });

test('the overview is the landing view, with counts, charts and click-through', async ({ page, linked, consoleProblems }) => {
  const overview = await call<{ reports: number; series: number; overThreshold: number }>(linked, 'overview.get', {});
  await page.goto(linked.url);
  await expect(page).toHaveURL(/#\/overview$/);
  await expect(page.getByRole('heading', { level: 1, name: '总览' })).toBeVisible();
  const counts = page.getByRole('definition');
  await expect(counts.getByRole('link', { name: overview.reports.toLocaleString('zh-CN') })).toBeVisible();
  await expect(page.getByTestId('overview-over-count')).toHaveText(overview.overThreshold.toLocaleString('zh-CN'));
  await expect(page.locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(page.getByRole('heading', { name: '最新超过立案标准的串案' })).toBeVisible();
  await page.setViewportSize({ width: 1440, height: 2200 });
  await shoot(page, 'overview', true);
  expect(await axeProblems(page)).toEqual([]);
  // The over-threshold figure opens the series list filtered to them.
  await page.getByTestId('overview-over-count').click();
  await expect(page).toHaveURL(/#\/series\?over=1$/);
  await expect(page.getByTestId('series-total')).toContainText(overview.overThreshold.toLocaleString('zh-CN'));
  expect(consoleProblems).toEqual([]);
});

test('the series list puts series over the threshold first, filters and sorts', async ({ page, linked, consoleProblems }) => {
  const all = await call<SeriesPage>(linked, 'series.query', { offset: 0, limit: 1 });
  await page.goto(`${linked.url}#/series`);
  await expect(page.getByRole('heading', { level: 1, name: '串案列表' })).toBeVisible();
  await expect(page.getByTestId('series-total')).toContainText(`共 ${all.total.toLocaleString('zh-CN')} 个串案`);
  const rows = page.getByTestId('series-table').locator('tbody tr');
  await expect(rows.first()).toHaveAttribute('data-over', 'true');
  // The bar is never colour alone: the figure and the words are there.
  await expect(rows.first()).toContainText('已达立案标准');
  await expect(rows.first()).toContainText('¥');
  await shoot(page, 'series-list', true);
  expect(await axeProblems(page)).toEqual([]);
  // Sort by report count, ascending after a second click.
  await page.getByRole('button', { name: '报案数' }).click();
  await expect(page).toHaveURL(/sort=reports/);
  await page.getByRole('button', { name: '报案数' }).click();
  await expect(page).toHaveURL(/sort=reports&dir=asc/);
  // Search by a series id finds that series.
  await page.getByLabel('搜索串案').fill(all.rows[0]?.id ?? '');
  await expect(page.getByTestId('series-total')).toContainText('共 1 个串案');
  await expect(rows).toHaveCount(1);
  expect(consoleProblems).toEqual([]);
});

test('the series workspace draws the graph, expands a node and finds a path', async ({ page, linked, consoleProblems }) => {
  const { id, graph, expandId } = await pickSeries(linked);
  const expanded = await call<SeriesGraph>(linked, 'series.graph', { id, expand: [expandId] });
  expect(expanded.nodes.length).toBeGreaterThan(graph.nodes.length);
  await page.goto(seriesUrl(linked, id));
  await expect(page.getByRole('heading', { level: 1, name: `串案 ${id}` })).toBeVisible();
  const canvas = page.getByTestId('series-graph');
  await expect(canvas).toHaveAttribute('data-layout-done', 'true');
  // Every node of the graph is drawn, itself or inside its collection (same-neighbour nodes fold).
  await expect(canvas).toHaveAttribute('data-member-count', String(graph.nodes.length));
  const attr = async (name: string) => Number(await canvas.getAttribute(name));
  expect(await attr('data-node-count')).toBe(
    graph.nodes.length - (await attr('data-folded-count')) + (await attr('data-collection-count')),
  );
  if ((await attr('data-collection-count')) === 0) await expect(canvas).toHaveAttribute('data-edge-count', String(graph.edges.length));
  await page.setViewportSize({ width: 1440, height: 1400 });
  await shoot(page, 'series-graph', true);

  // Find the path between the first and the last report of the series.
  const reports = graph.nodes.filter((n) => n.type === 'report');
  const from = reports[0]?.type === 'report' ? reports[0].reportId : '';
  const to = reports[reports.length - 1]?.type === 'report' ? (reports[reports.length - 1] as { reportId: string }).reportId : '';
  await page.getByLabel('路径起点报案').selectOption(from);
  await page.getByLabel('终点报案').selectOption(to);
  await page.getByRole('button', { name: '查找路径' }).click();
  await expect(page.getByTestId('path-result')).toContainText('路径共');
  await expect(page.getByTestId('path-result')).toContainText(from);
  await expect(page.getByTestId('path-result')).toContainText(to);
  expect(Number(await canvas.getAttribute('data-path-length'))).toBeGreaterThanOrEqual(2);
  await shoot(page, 'series-path');

  // Select the identifier through the accessible node table, then expand its neighbours.
  await page.getByText(/^节点表/).click();
  const node = graph.nodes.find((n) => n.id === expandId);
  const label = node?.type === 'identifier' ? node.value : '';
  await page.getByTestId('graph-node-table').locator(`tr[data-node-id="${expandId}"] button`).click();
  await expect(page.getByTestId('graph-details')).toContainText(label);
  await page.getByRole('button', { name: '展开相邻节点' }).click();
  await expect(canvas).toHaveAttribute('data-member-count', String(expanded.nodes.length));
  await expect(canvas).toHaveAttribute('data-layout-done', 'true');
  await shoot(page, 'series-expanded');

  expect(await axeProblems(page)).toEqual([]);
  expect(consoleProblems).toEqual([]);
});

test('the graph is drawn in the dark theme when the investigator chose it', async ({ page, linked, consoleProblems }) => {
  const { id } = await pickSeries(linked);
  // What cytoscape draws, read from the instance it keeps on its container.
  const look = () =>
    page.getByTestId('series-graph').evaluate((el) => {
      const cy = (el as unknown as { _cyreg: { cy: { nodes(s: string): { first(): { style(p: string): string } } } } })._cyreg.cy;
      const report = cy.nodes('node.report').first();
      return { canvas: getComputedStyle(el).backgroundColor, label: report.style('color'), report: report.style('background-color') };
    });
  await call(linked, 'settings.update', { theme: 'dark' });
  try {
    await page.goto(seriesUrl(linked, id));
    await expect(page.getByTestId('series-graph')).toHaveAttribute('data-layout-done', 'true');
    expect(await look()).toEqual({ canvas: 'rgb(20, 26, 34)', label: 'rgb(227,232,239)', report: 'rgb(159,179,200)' });
    await shoot(page, 'series-graph-dark');
  } finally {
    await call(linked, 'settings.update', { theme: 'light' });
  }
  await page.reload();
  await expect(page.getByTestId('series-graph')).toHaveAttribute('data-layout-done', 'true');
  expect(await look()).toEqual({ canvas: 'rgb(251, 252, 253)', label: 'rgb(27,35,48)', report: 'rgb(52,73,94)' });
  expect(consoleProblems).toEqual([]);
});

test('the loss chart marks the report that pushed the series over the threshold', async ({ page, linked, consoleProblems }) => {
  const { id } = await pickSeries(linked);
  const detail = await call<SeriesDetail>(linked, 'series.get', { id });
  expect(detail.overReport).not.toBeNull();
  await page.goto(seriesUrl(linked, id));
  const chart = page.getByTestId('loss-chart');
  await expect(chart).toHaveAttribute('data-crossing', detail.overReport ?? '');
  await expect(page.getByTestId('crossing-note')).toContainText(detail.overReport ?? '');
  await expect(page.getByTestId('crossing-note')).toContainText('达到立案标准');
  // The labelled dot and the threshold line are in the chart itself.
  await expect(chart.locator('svg text', { hasText: `达标：${detail.overReport}` })).toBeVisible();
  await expect(chart.locator('svg text', { hasText: '立案标准 ¥' })).toBeVisible();
  await chart.scrollIntoViewIfNeeded();
  await shoot(page, 'series-loss', true);
  // A logarithmic scale for the bar charts: the smallest victim's bar grows next to the largest.
  const victimChart = page.getByTestId('victim-chart');
  const spread = async (): Promise<number> => {
    const widths = await victimChart
      .locator('.recharts-bar-rectangle path')
      .evaluateAll((els) => els.map((e) => (e as SVGGraphicsElement).getBBox().width));
    const drawn = widths.filter((w) => w > 0);
    expect(drawn.length).toBeGreaterThan(1);
    return Math.max(...drawn) / Math.min(...drawn);
  };
  await expect(victimChart).toHaveAttribute('data-scale', 'linear');
  const linear = await spread();
  await page.getByLabel('对数刻度').check();
  await expect(victimChart).toHaveAttribute('data-scale', 'log');
  await expect(page.getByTestId('category-chart')).toHaveAttribute('data-scale', 'log');
  const log = await spread();
  expect(log).toBeLessThan(linear);
  await victimChart.scrollIntoViewIfNeeded();
  await shoot(page, 'series-loss-log');
  await page.getByLabel('对数刻度').uncheck();
  await expect(victimChart).toHaveAttribute('data-scale', 'linear');
  // The timeline and the reports table list every report; a report opens with its victim redacted.
  await expect(page.getByTestId('series-reports').locator('tbody tr')).toHaveCount(detail.reports.length);
  await expect(page.getByTestId('timeline').locator('.timeline-report')).toHaveCount(Math.min(detail.reports.length, 200));
  const first = detail.reports[0]?.id ?? '';
  await page.getByTestId('series-reports').getByRole('link', { name: first }).click();
  await expect(page.getByRole('heading', { name: `报案 ${first}` })).toBeVisible();
  await page.getByText('← 返回列表').or(page.locator('.back-link a')).first().click();
  await expect(page).toHaveURL(new RegExp(`#/series/${id}$`));
  expect(consoleProblems).toEqual([]);
});

test('a correction needs a reason, is recorded, and starts a relink', async ({ page, linked, consoleProblems }) => {
  const { id } = await pickSeries(linked);
  await page.goto(seriesUrl(linked, id));
  await expect(page.getByRole('heading', { name: '人工更正' })).toBeVisible();
  await page.getByRole('button', { name: '加入忽略清单' }).last().click();
  const form = page.getByRole('form', { name: '加入忽略清单' });
  await form.getByLabel('标识值').fill('4008200588');
  await form.getByRole('button', { name: '加入忽略清单' }).click();
  // The missing reason is an alert, and the field says it is invalid and why.
  await expect(form.getByRole('alert').filter({ hasText: '请填写原因' })).toBeVisible();
  const reason = form.getByLabel('原因（必填）');
  await expect(reason).toHaveAttribute('aria-invalid', 'true');
  await expect(reason).toHaveAccessibleDescription(/请填写原因/);
  await reason.fill('银行客服热线，与案件无关');
  await expect(reason).toHaveAttribute('aria-invalid', 'false');
  await form.getByRole('button', { name: '加入忽略清单' }).click();
  await expect(page.getByText('已加入忽略清单，正在重新串并。')).toBeVisible();
  const list = await call<readonly { kind: string; value: string; ignored: boolean }[]>(linked, 'ignore.list', {});
  expect(list.some((e) => e.value.includes('4008200588') && e.ignored)).toBe(true);
  expect(consoleProblems).toEqual([]);
});

test('switching the language changes every visible string of the analysis views', async ({ page, linked, consoleProblems }) => {
  const { id } = await pickSeries(linked);
  await page.goto(`${linked.url}#/settings`);
  await page.getByRole('radio', { name: 'English' }).check();
  try {
    await page.getByRole('link', { name: 'Overview' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Losses by category' })).toBeVisible();
    const han = /[\u4e00-\u9fff]/;
    expect(han.test(await page.locator('main').innerText())).toBe(false);
    await page.getByRole('link', { name: 'Series', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Series' })).toBeVisible();
    expect(han.test(await page.locator('main').innerText())).toBe(false);
    await page.goto(seriesUrl(linked, id));
    await expect(page.getByRole('heading', { level: 1, name: `Series ${id}` })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Network' })).toBeVisible();
    await expect(page.getByTestId('crossing-note')).toContainText('crossed the threshold');
    await shoot(page, 'series-workspace-en');
    expect(await axeProblems(page)).toEqual([]);
  } finally {
    await call(linked, 'settings.update', { language: 'zh-CN' });
  }
  expect(consoleProblems).toEqual([]);
});
