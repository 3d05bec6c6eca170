// UI benchmark in Chromium (playwright-core) through `casegraph serve`:
//  - time to first render of the overview on a large store (default 1M demo reports, linked);
//  - graph layout + first paint of series of about 500 and about 5,000 elements (nodes + edges).
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

function argValue(name, fallback) {
  const i = process.argv.indexOf(name);
  return i !== -1 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const reports = Number(argValue('--reports', '1000000'));
if (!Number.isSafeInteger(reports) || reports < 100) throw new Error('--reports must be a whole number of at least 100');
const dir = process.env.BENCH_DIR ?? os.tmpdir();
const db = argValue('--db', path.join(dir, `ui-${reports}.db`));
const browserPath = process.env.CASEGRAPH_CHROMIUM ?? '/usr/bin/chromium';
const TARGETS = [500, 5000];

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
  args: ['--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));

  console.log(`\nUI benchmark: ${reports.toLocaleString('en')}-report store ${db}, Chromium ${browser.version()}`);
  // Overview: from navigation to the counts on screen (first load after serve started, then a reload).
  for (const label of ['overview, first load', 'overview, reload']) {
    const started = Date.now();
    await page.goto(`${url}#/overview`);
    await page.getByTestId('overview-over-count').waitFor({ state: 'visible', timeout: 600_000 });
    await page.locator('.recharts-bar-rectangle').first().waitFor({ state: 'visible', timeout: 600_000 });
    console.log(`${label.padEnd(34)} ${(Date.now() - started).toLocaleString('en')} ms to first render (counts and charts)`);
  }

  const list = await call('series.query', { sort: 'reports', desc: true, offset: 0, limit: 1000 });
  for (const target of TARGETS) {
    const near = await seriesNear(target, list.rows);
    if (!near) continue;
    for (const run of [1, 2]) {
      const started = Date.now();
      await page.goto(`${url}#/series/${encodeURIComponent(near.row.id)}`);
      const canvas = page.getByTestId('series-graph');
      await canvas.and(page.locator('[data-layout-done="true"]')).waitFor({ state: 'attached', timeout: 600_000 });
      const wall = Date.now() - started;
      const renderMs = Number(await canvas.getAttribute('data-render-ms'));
      const renderer = await canvas.getAttribute('data-renderer');
      // Still interactive: time one zoom step and one frame after it.
      // (Runs in the page: the browser globals come from its window.)
      const interact = await page.evaluate(
        () =>
          new Promise((resolve) => {
            const w = globalThis;
            const t0 = w.performance.now();
            w.document.querySelector('[aria-label="放大"]')?.click();
            w.requestAnimationFrame(() => w.requestAnimationFrame(() => resolve(w.performance.now() - t0)));
          }),
      );
      console.log(
        `graph ~${target} elements, run ${run}`.padEnd(34) +
          ` ${near.row.id}: ${near.size.nodes} nodes + ${near.size.edges} edges (${near.row.reports} reports${near.size.trimmed ? ', trimmed' : ''}), ${renderer}: ` +
          `layout + first paint ${renderMs.toLocaleString('en')} ms; navigation to drawn ${wall.toLocaleString('en')} ms; zoom step ${Math.round(interact)} ms`,
      );
    }
  }
  if (errors.length > 0) console.log(`page errors: ${errors.join('; ')}`);
} finally {
  await browser.close();
  child.kill('SIGTERM');
}
