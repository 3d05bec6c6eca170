// The largest series of the default demo precinct (5,000 reports, seed 1) in Debian's Chromium:
// drawn with its same-neighbour reports folded into collection nodes, far fewer elements than
// unfolded; a collection selected in the node table selects its members there, opens into them
// and folds back; the path finder reaches a folded report; switched off, every node is drawn.
// Screenshots folded and unfolded land in test/artifacts.
import { test as base, expect } from '@playwright/test';
import type { SeriesGraph, SeriesPage } from '../../src/common/api';
import { apiCall, linkedStore, watchConsole, type Linked } from './serve-fixture';

const test = base.extend<{ consoleProblems: string[] }, { linked: Linked }>({
  linked: linkedStore(5000, 1),
  consoleProblems: async ({ page }, use) => {
    await use(watchConsole(page));
  },
});

test.use({ viewport: { width: 1440, height: 1100 } });

test('the largest demo series is readable: collections fold, open into their members and fold back; folding can be switched off', async ({
  page,
  linked,
  consoleProblems,
}) => {
  test.setTimeout(180_000);
  const largest = await apiCall<SeriesPage>(linked, 'series.query', { sort: 'reports', desc: true, offset: 0, limit: 1 });
  const row = largest.rows[0] as SeriesPage['rows'][number];
  expect(row.reports).toBeGreaterThan(150);
  const graph = await apiCall<SeriesGraph>(linked, 'series.graph', { id: row.id });
  const unfolded = graph.nodes.length + graph.edges.length;

  await page.goto(`${linked.url}#/series/${encodeURIComponent(row.id)}`);
  const canvas = page.getByTestId('series-graph');
  await canvas.scrollIntoViewIfNeeded();
  await expect(canvas).toHaveAttribute('data-layout-done', 'true', { timeout: 60_000 });
  await expect(canvas).toHaveAttribute('data-member-count', String(graph.nodes.length));
  const attr = async (name: string) => Number(await canvas.getAttribute(name));
  const collections = await attr('data-collection-count');
  const folded = await attr('data-folded-count');
  expect(collections).toBeGreaterThan(0);
  expect(await attr('data-node-count')).toBe(graph.nodes.length - folded + collections);
  // What cytoscape draws, read from the instance it keeps on its container.
  const drawn = () =>
    canvas.evaluate((el) => (el as unknown as { _cyreg: { cy: { elements(): { length: number } } } })._cyreg.cy.elements().length);
  const drawnFolded = await drawn();
  test.info().annotations.push({
    type: 'elements',
    description: `${drawnFolded} drawn folded, ${unfolded} unfolded, ${folded} reports in ${collections} collections`,
  });
  expect(drawnFolded).toBeLessThan(unfolded * 0.8);
  await canvas.screenshot({ path: test.info().outputPath('largest-series-folded.png') });

  // A collection chosen through the node table (by one of its members): its members are selected there.
  await page.getByText(/^节点表/).click();
  const table = page.getByTestId('graph-node-table');
  const details = page.getByTestId('graph-details');
  // The first row of the table whose node is folded.
  const rows = table.locator('tbody tr');
  let opened = false;
  for (let i = 0; i < (await rows.count()) && !opened; i++) {
    await rows.nth(i).getByRole('button').click();
    if ((await details.getByTestId('collection-members').count()) === 0) continue;
    opened = true;
  }
  expect(opened, 'a folded node in the table selects its collection').toBe(true);
  const members = await details.getByTestId('collection-members').locator('li').count();
  expect(members).toBeGreaterThanOrEqual(3);
  await expect(table.locator('tr[aria-selected="true"]')).toHaveCount(members);
  await expect(details).toContainText('损失合计');

  // Opened: its members are drawn one by one; folded back: the collection again.
  const before = await attr('data-node-count');
  await details.getByRole('button', { name: '展开集合' }).click();
  await expect(canvas).toHaveAttribute('data-node-count', String(before - 1 + members));
  await expect(canvas).toHaveAttribute('data-collection-count', String(collections - 1));
  await expect(canvas).toHaveAttribute('data-layout-done', 'true');
  await page.getByRole('button', { name: `收回集合（${members} 个）` }).click();
  await expect(canvas).toHaveAttribute('data-node-count', String(before));
  await expect(canvas).toHaveAttribute('data-collection-count', String(collections));

  // The path finder starts from a folded report (drawn as its collection).
  const reports = graph.nodes.filter((n): n is Extract<SeriesGraph['nodes'][number], { type: 'report' }> => n.type === 'report');
  const foldedReport = (await table.locator('tr[aria-selected="true"]').first().getAttribute('data-node-id')) as string;
  const from = reports.find((n) => n.id === foldedReport)?.reportId as string;
  const to = reports.find((n) => n.reportId !== from && !n.outside)?.reportId as string;
  await page.getByLabel('路径起点报案').selectOption(from);
  await page.getByLabel('终点报案').selectOption(to);
  await page.getByRole('button', { name: '查找路径' }).click();
  await expect(page.getByTestId('path-result')).toContainText('路径共');

  // Switched off, every node and edge is drawn.
  await page.getByLabel('合并为集合节点').uncheck();
  await expect(canvas).toHaveAttribute('data-node-count', String(graph.nodes.length));
  await expect(canvas).toHaveAttribute('data-edge-count', String(graph.edges.length));
  await expect(canvas).toHaveAttribute('data-layout-done', 'true', { timeout: 60_000 });
  expect(await drawn()).toBe(unfolded);
  await page.getByRole('button', { name: '适应窗口' }).click();
  await canvas.screenshot({ path: test.info().outputPath('largest-series-unfolded.png') });
  expect(consoleProblems).toEqual([]);
});
