// UI benchmark of the money flow view in Chromium (playwright-core) through `casegraph serve`: one
// series whose payee card fans out over bank statements into about 5,000 flow-graph elements
// (accounts, arrows and cash-outs over four layers), laid out by layer and drawn; several runs.
// Run by `npm run bench:ui` after the report-graph benchmark, or alone after a build:
//
//   node src/bench/ui-flow.mjs [--runs N] [--fanout N] [--screenshot FILE.png]
//
// The store (two reports naming the card, the generated statements) is made in a temporary
// folder and removed afterwards. CASEGRAPH_CHROMIUM picks the browser.
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

const runs = Number(argValue('--runs', '5'));
// A picture of the drawn flow graph (first run), to look at.
const shot = argValue('--screenshot', null);
// Layer 1 accounts; each pays three layer-2 accounts, which pay into 1.2 × fanout layer-3 accounts that cash out.
const fanout = Number(argValue('--fanout', '350'));
if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casegraph-bench-flow-'));
const db = path.join(dir, 'flow.db');

function cli(args) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`casegraph ${args.join(' ')} failed: ${r.stderr}`);
}

/** A 19-digit account number, distinct per (layer, index) and not a run of zeros (which reads as a placeholder). */
const account = (layer, i) => `6222${layer}${String((i * 7_919_113 + layer * 104_729 + 31_415_926_535) % 1e14).padStart(14, '0')}`;
const card = account(0, 1);

function writeInputs() {
  const reports = Array.from({ length: 2 }, (_, k) =>
    JSON.stringify({
      id: `BENCH-FLOW-${k + 1}`,
      version: 1,
      precinct: 'P',
      reported_at: `2025-03-0${k + 1}T12:00:00+08:00`,
      category: 'investment_romance',
      loss: { amount: '500000.00', currency: 'CNY' },
      identifiers: [{ kind: 'bank_card', value: card, role: 'payee' }],
    }),
  );
  fs.writeFileSync(path.join(dir, 'reports.ndjson'), `${reports.join('\n')}\n`);
  const rows = ['交易卡号,交易时间,交易金额,收付标志,交易对手账卡号,摘要说明'];
  const at = (minutes) => {
    const d = new Date(Date.UTC(2025, 2, 10, 1, 0) + minutes * 60_000);
    return d.toISOString().replace('T', ' ').slice(0, 19);
  };
  const third = Math.round(fanout * 1.2);
  rows.push(`${card},${at(0)},${(fanout * 10000).toFixed(2)},进,${account(9, 1)},转账`);
  for (let i = 0; i < fanout; i++) {
    rows.push(`${card},${at(10 + (i % 50))},10000.00,出,${account(1, i)},转账`);
    rows.push(`${account(1, i)},${at(10 + (i % 50))},10000.00,进,${card},转账`);
    for (let j = 0; j < 3; j++) {
      const l2 = account(2, i * 3 + j);
      const l3 = account(3, (i * 3 + j) % third);
      rows.push(`${account(1, i)},${at(90 + j)},3300.00,出,${l2},转账`);
      rows.push(`${l2},${at(90 + j)},3300.00,进,${account(1, i)},转账`);
      rows.push(`${l2},${at(150 + j)},3200.00,出,${l3},转账`);
      rows.push(`${l3},${at(150 + j)},3200.00,进,${l2},转账`);
    }
  }
  for (let k = 0; k < third; k++) rows.push(`${account(3, k)},${at(300)},5000.00,出,,ATM取现`);
  fs.writeFileSync(path.join(dir, 'statements.csv'), `${rows.join('\n')}\n`);
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

writeInputs();
cli(['import', path.join(dir, 'reports.ndjson'), '--db', db]);
cli(['import-statements', path.join(dir, 'statements.csv'), '--db', db]);
cli(['link', '--db', db]);
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

const browser = await chromium.launch({
  executablePath: process.env.CASEGRAPH_CHROMIUM ?? '/usr/bin/chromium',
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
  const series = (await call('series.query', { offset: 0, limit: 1 })).rows[0];
  if (!series) throw new Error('the benchmark reports formed no series');
  let started = Date.now();
  const flow = await call('flow.series', { id: series.id });
  const apiMs = Date.now() - started;
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' })).newPage();
  page.on('pageerror', (e) => console.log(`page error: ${e.message}`));
  console.log(
    `\nUI benchmark, money flow: series ${series.id}, ${flow.accounts.length} accounts, ${flow.edges.length} flows (flow.series ${apiMs} ms), Chromium ${browser.version()}`,
  );
  await page.goto(`${url}#/overview`);
  await page.getByTestId('overview-over-count').waitFor({ state: 'visible', timeout: 90_000 });
  const figures = [];
  for (let run = 1; run <= runs; run++) {
    await page.evaluate(() => {
      globalThis.location.hash = '#/overview';
    });
    await page.getByTestId('overview-over-count').waitFor({ state: 'visible' });
    started = Date.now();
    await page.evaluate(
      (hash) => {
        globalThis.location.hash = hash;
      },
      `#/series/${encodeURIComponent(series.id)}`,
    );
    const graph = page.locator('[data-testid="flow-graph"][data-layout-done="true"]');
    await graph.waitFor({ state: 'attached', timeout: 90_000 });
    const wall = Date.now() - started;
    const elements = Number(await graph.getAttribute('data-elements'));
    const drawMs = Number(await graph.getAttribute('data-render-ms'));
    figures.push(drawMs);
    if (run === 1 && shot) await page.getByTestId('flow-graph').screenshot({ path: shot });
    console.log(
      `flow graph, run ${run}`.padEnd(22) +
        ` ${elements.toLocaleString('en')} elements drawn: layout by layer + first paint ${drawMs.toLocaleString('en')} ms; address to drawn ${wall.toLocaleString('en')} ms`,
    );
  }
  const sorted = [...figures].sort((a, b) => a - b);
  console.log(
    `flow graph draw: median ${sorted[Math.floor(sorted.length / 2)]} ms, worst ${sorted[sorted.length - 1]} ms (target ≤ 2,000 ms)`,
  );
} finally {
  await browser.close();
  child.kill('SIGTERM');
  fs.rmSync(dir, { recursive: true, force: true });
}
