// Investigator UI reads on the largest linked store of the link benchmark (link-<n>.db), through
// the built backend worker as both hosts run it: overview.get cold (store-wide figures computed:
// what the backend does once after each link run) and warm (what the investigator waits for),
// series.query in its default order, sorted by victims (cold: per-series figures computed for
// every series; then warm), searched by report id, and series.get / series.graph of the largest
// over-threshold series. Target: overview.get and series.query well under 1 s on 1M reports.
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { ROOT, row } from './measure.mjs';

const WORKER = path.join(ROOT, 'out', 'main', 'backend-worker.js');

function backend(dbPath) {
  const worker = new Worker(WORKER, { workerData: { dbPath, vaultKind: 'bench' } });
  let seq = 0;
  const pending = new Map();
  const ready = new Promise((resolve, reject) => {
    worker.on('message', (m) => {
      if (m.type === 'ready') resolve();
      else if (m.type === 'fatal') reject(new Error(m.message));
      else if (m.type === 'response') {
        pending.get(m.seq)?.(m.result);
        pending.delete(m.seq);
      }
    });
    worker.on('error', reject);
  });
  const call = (method, arg) =>
    new Promise((resolve, reject) => {
      const s = ++seq;
      pending.set(s, (r) => (r.ok ? resolve(r.value) : reject(new Error(`${method}: ${r.error.message}`))));
      worker.postMessage({ type: 'call', seq: s, method, arg });
    });
  return { ready, call, close: () => worker.postMessage({ type: 'close' }) };
}

async function timed(label, n, fn) {
  const started = process.hrtime.bigint();
  const value = await fn();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  row([n, label.padEnd(40), `${ms.toFixed(0)} ms`]);
  return value;
}

export default async function analysisBench({ workDir, sizes }) {
  const n = Math.max(...sizes);
  const dbPath = path.join(workDir, `link-${n}.db`);
  if (!fs.existsSync(dbPath)) return;
  console.log('\n## investigator UI reads (backend worker, linked store)');
  row(['reports', 'call'.padEnd(40), 'wall']);
  const b = backend(dbPath);
  await b.ready;
  try {
    await timed('overview.get (cold)', n, () => b.call('overview.get', {}));
    await timed('overview.get (warm)', n, () => b.call('overview.get', {}));
    const page = await timed('series.query default', n, () => b.call('series.query', { offset: 0, limit: 50 }));
    await timed('series.query page 100', n, () => b.call('series.query', { offset: 5000, limit: 50 }));
    await timed('series.query victims (cold)', n, () => b.call('series.query', { sort: 'victims', offset: 0, limit: 50 }));
    await timed('series.query victims (warm)', n, () => b.call('series.query', { sort: 'victims', offset: 0, limit: 50 }));
    await timed('series.query category', n, () => b.call('series.query', { categories: ['loan'], offset: 0, limit: 50 }));
    const top = page.rows[0];
    const detail = await timed(`series.get (${top.reports} reports)`, n, () => b.call('series.get', { id: top.id }));
    await timed('series.query text (report id)', n, () => b.call('series.query', { text: detail.reports[0].id, offset: 0, limit: 50 }));
    const graph = await timed('series.graph', n, () => b.call('series.graph', { id: top.id }));
    row([n, `  graph: ${graph.nodes.length} nodes, ${graph.edges.length} edges${graph.trimmed ? ', trimmed' : ''}`, '']);
  } finally {
    b.close();
  }
}
