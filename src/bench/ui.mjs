// UI benchmark in Chromium (playwright-core) through `casegraph serve`:
//  - time to first render of the overview on a large store (default 1M demo reports, linked);
//  - graph layout + first paint of series of about 500 and about 5,000 elements (nodes + edges);
//  - then (ui-flow.mjs, run after it by `npm run bench:ui`) the money flow view of about 5,000 elements.
//
//   npm run bench:ui                      # 1M reports (the store is built once and kept)
//   npm run bench:ui -- --reports 100000  # a smaller store
//   npm run bench:ui -- --db /path/to/linked.db
//
// The store lives in BENCH_DIR (default: the system temp dir) as ui-<reports>.db; it is built
// with `casegraph demo` + `casegraph link` only when missing. CASEGRAPH_CHROMIUM picks the browser.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CLI } from './measure.mjs';
import { useBenchPassphrase } from './open-store.mjs';

useBenchPassphrase();

function argValue(name, fallback) {
  const i = process.argv.indexOf(name);
  return i !== -1 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const reports = Number(argValue('--reports', '1000000'));
if (!Number.isSafeInteger(reports) || reports < 100) throw new Error('--reports must be a whole number of at least 100');
const dir = process.env.BENCH_DIR ?? os.tmpdir();
const db = argValue('--db', path.join(dir, `ui-${reports}.db`));
const browserPath = process.env.CASEGRAPH_CHROMIUM ?? '/usr/bin/chromium';

function cli(args) {
  const started = Date.now();
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`casegraph ${args.join(' ')} failed: ${r.stderr}`);
  return (Date.now() - started) / 1000;
}

if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`);
if (!fs.existsSync(db)) {
  console.log(`building a linked demo store of ${reports.toLocaleString('en')} reports in ${db} (once)…`);
  const demo = cli(['demo', '--reports', String(reports), '--seed', '1', '--db', db]);
  const link = cli(['link', '--db', db]);
  console.log(`  demo ${demo.toFixed(1)} s, link ${link.toFixed(1)} s`);
}

function serve() {
  const child = spawn(process.execPath, [CLI, 'serve', '--db', db, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (c) => {
      out += c;
      const m = /^(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/m.exec(out);
      if (m) resolve({ child, url: m[1] });
    });
    child.stderr.setEncoding('utf8').on('data', (c) => (err += c));
    child.on('exit', (code) => reject(new Error(`casegraph serve exited with ${code}: ${err}`)));
  });
}

const { child, url } = await serve();
const origin = new URL(url).origin;
const token = new URL(url).searchParams.get('token');

async function call(method, arg) {
  const response = await fetch(`${origin}/api/call/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'X-Casegraph': '1', 'Content-Type': 'application/json' },
    body: JSON.stringify(arg),
  });
  const result = await response.json();
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value;
}

/** The series whose graph has about `target` elements: guess from reports per element, refine a few times. */
async function seriesNear(target, rows) {
  const sizes = new Map();
  const size = async (row) => {
    if (!sizes.has(row.id)) {
      const g = await call('series.graph', { id: row.id });
      sizes.set(row.id, { elements: g.nodes.length + g.edges.length, nodes: g.nodes.length, edges: g.edges.length, trimmed: g.trimmed });
    }
    return sizes.get(row.id);
  };
  let perReport = 4;
  let best = null;
  for (let round = 0; round < 6; round++) {
    const want = target / perReport;
    const row = rows.reduce((a, b) => (Math.abs(b.reports - want) < Math.abs(a.reports - want) ? b : a));
    const s = await size(row);
    if (!best || Math.abs(s.elements - target) < Math.abs(best.size.elements - target)) best = { row, size: s };
    perReport = s.elements / row.reports;
    if (Math.abs(s.elements - target) / target < 0.15) break;
  }
  return best;
}

const browser = await chromium.launch({
  executablePath: browserPath,
  args: [
    '--no-sandbox',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
try {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => {
    errors.push(e.message);
    console.log(`page error: ${e.message}`);
  });

  console.log(`\nUI benchmark: ${reports.toLocaleString('en')}-report store ${db}, Chromium ${browser.version()}`);
  const statusCount = page.getByTestId('status-report-count');
  // Overview: from navigation to the counts and charts on screen. The first load is a fresh
  // server; the reload waits until the status strip's store.info of the first load has finished,
  // since the backend answers one request at a time.
  for (const label of ['overview, first load', 'overview, reload']) {
    const started = Date.now();
    await page.goto(`${url}#/overview`);
    await page.getByTestId('overview-over-count').waitFor({ state: 'visible', timeout: 90_000 });
    await page.locator('.recharts-bar-rectangle').first().waitFor({ state: 'visible', timeout: 90_000 });
    const shown = Date.now() - started;
    await statusCount.waitFor({ state: 'visible', timeout: 90_000 });
    console.log(
      `${label.padEnd(34)} ${shown.toLocaleString('en')} ms to first render (counts and charts); status strip after ${(Date.now() - started).toLocaleString('en')} ms`,
    );
  }
  for (const method of ['overview.get', 'store.info']) {
    const started = Date.now();
    await call(method, {});
    console.log(`${`API ${method}`.padEnd(34)} ${(Date.now() - started).toLocaleString('en')} ms`);
  }

  /** Open a series by changing the address within the app (as the investigator does) and wait for the drawn graph. */
  async function openSeries(id) {
    const started = Date.now();
    await page.evaluate(
      (hash) => {
        globalThis.location.hash = hash;
      },
      `#/series/${encodeURIComponent(id)}`,
    );
    const canvas = page.getByTestId('series-graph');
    await page.locator('[data-testid="series-graph"][data-layout-done="true"]').waitFor({ state: 'attached', timeout: 90_000 });
    return { canvas, wall: Date.now() - started };
  }

  /** One zoom step and the two frames after it, timed in the page (its globals come from its window). */
  function zoomStep() {
    return page.evaluate(
      () =>
        new Promise((resolve) => {
          const w = globalThis;
          const t0 = w.performance.now();
          w.document.querySelector('[aria-label="放大"]')?.click();
          w.requestAnimationFrame(() => w.requestAnimationFrame(() => resolve(w.performance.now() - t0)));
        }),
    );
  }

  async function figures(canvas) {
    return {
      nodes: Number(await canvas.getAttribute('data-node-count')),
      edges: Number(await canvas.getAttribute('data-edge-count')),
      renderMs: Number(await canvas.getAttribute('data-render-ms')),
      renderer: await canvas.getAttribute('data-renderer'),
    };
  }

  const list = await call('series.query', { sort: 'reports', desc: true, offset: 0, limit: 1000 });
  const near = await seriesNear(500, list.rows);
  for (const run of [1, 2]) {
    await page.evaluate(() => {
      globalThis.location.hash = '#/overview';
    });
    await page.getByTestId('overview-over-count').waitFor({ state: 'visible' });
    const { canvas, wall } = await openSeries(near.row.id);
    const f = await figures(canvas);
    const zoom = await zoomStep();
    console.log(
      `graph ~500 elements, run ${run}`.padEnd(34) +
        ` ${near.row.id}: ${f.nodes} nodes + ${f.edges} edges (${near.row.reports} reports), ${f.renderer}: layout + first paint ${f.renderMs.toLocaleString('en')} ms; ` +
        `address to drawn ${wall.toLocaleString('en')} ms; zoom step ${Math.round(zoom)} ms`,
    );
  }

  // ~5,000 elements: the largest series, with its most-shared identifiers expanded (as an
  // investigator does) until the graph holds about 5,000 nodes and edges; then a full fcose layout.
  const largest = list.rows[0];
  const expand = [];
  let graph = await call('series.graph', { id: largest.id });
  const tried = new Set();
  while (graph.nodes.length + graph.edges.length < 5000) {
    const degree = new Map();
    for (const e of graph.edges) if (e.type === 'has') degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
    const next = graph.nodes
      .filter((n) => n.type === 'identifier' && !tried.has(n.id) && n.storeReports > (degree.get(n.id) ?? 0))
      .sort((a, b) => b.storeReports - (degree.get(b.id) ?? 0) - (a.storeReports - (degree.get(a.id) ?? 0)))[0];
    if (!next) break;
    tried.add(next.id);
    expand.push(next.id);
    graph = await call('series.graph', { id: largest.id, expand });
  }
  const { canvas } = await openSeries(largest.id);
  const summary = page.locator('summary', { hasText: /^节点表/ });
  await summary.click();
  for (const id of expand) {
    const before = await canvas.getAttribute('data-node-count');
    await page.locator(`[data-testid="graph-node-table"] tr[data-node-id="${id.replace(/"/g, '\\"')}"] button`).click();
    await page.getByRole('button', { name: '展开相邻节点' }).click();
    await page.waitForFunction(
      (b) => globalThis.document.querySelector('[data-testid="series-graph"]')?.getAttribute('data-node-count') !== b,
      before,
      { timeout: 90_000 },
    );
    await page.locator('[data-testid="series-graph"][data-layout-done="true"]').waitFor({ state: 'attached', timeout: 90_000 });
    const opened = await summary.evaluate((el) => el.parentElement.open);
    if (!opened) await summary.click();
  }
  await summary.click();
  const layoutSelect = page.getByLabel('布局');
  for (const run of [1, 2]) {
    await layoutSelect.selectOption('grid');
    await page.locator('[data-testid="series-graph"][data-layout-done="true"]').waitFor({ state: 'attached', timeout: 90_000 });
    await layoutSelect.selectOption('fcose');
    await page
      .waitForFunction(
        () => globalThis.document.querySelector('[data-testid="series-graph"]')?.getAttribute('data-layout-done') === 'false',
        undefined,
        { timeout: 5000 },
      )
      .catch(() => {});
    await page.locator('[data-testid="series-graph"][data-layout-done="true"]').waitFor({ state: 'attached', timeout: 90_000 });
    const f = await figures(canvas);
    const zooms = [];
    for (let i = 0; i < 3; i++) zooms.push(Math.round(await zoomStep()));
    console.log(
      `graph ~5000 elements, run ${run}`.padEnd(34) +
        ` ${largest.id} + ${expand.length} expanded: ${f.nodes} nodes + ${f.edges} edges, ${f.renderer}: fcose layout + first paint ${f.renderMs.toLocaleString('en')} ms; zoom steps ${zooms.join(', ')} ms`,
    );
  }
  if (errors.length > 0) console.log(`page errors: ${errors.join('; ')}`);
} finally {
  await browser.close();
  child.kill('SIGTERM');
}
