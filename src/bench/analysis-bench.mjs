// Investigator UI reads on the largest linked store of the link benchmark (link-<n>.db), through
// the built backend worker as both hosts run it. First the series list before any cache is warm
// (its page's figures computed on demand), then the analysis worker as the backend runs it after
// every link run (overview figures and every series' victims and categories, off the backend
// thread), then what the investigator waits for: overview.get, series.query in its orders and
// filters, a search, series.get / series.graph of the first series, and the reports view's search.
// Target: overview.get and series.query well under 1 s on 1M reports.
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { ROOT, row } from './measure.mjs';
import { useBenchPassphrase } from './open-store.mjs';

useBenchPassphrase();

const WORKER = path.join(ROOT, 'out', 'main', 'backend-worker.js');

// Both workers speak the workers' protocol (src/core/worker/protocol.ts): numbered requests,
// each answered by a result or an error; request 0 is the task a worker was started for.
function backend(dbPath) {
  const worker = new Worker(WORKER, { workerData: { dbPath, vaultKind: 'bench' } });
  let seq = 0;
  const pending = new Map();
  const ready = new Promise((resolve, reject) => {
    worker.on('message', (m) => {
      if (m.seq === 0 && m.type === 'result') resolve();
      else if (m.seq === 0 && m.type === 'error') reject(new Error(m.error.message));
      else if (m.type === 'result') {
        pending.get(m.seq)?.(m.value);
        pending.delete(m.seq);
      }
    });
    worker.on('error', reject);
  });
  const request = (req) => {
    const s = ++seq;
    worker.postMessage({ type: 'request', seq: s, request: req });
    return s;
  };
  const call = (method, arg) =>
    new Promise((resolve, reject) => {
      const s = request({ op: 'call', method, arg });
      pending.set(s, (r) => (r.ok ? resolve(r.value) : reject(new Error(`${method}: ${r.error.message}`))));
    });
  return { ready, call, close: () => request({ op: 'close' }) };
}

function warm(dbPath) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(ROOT, 'out', 'main', 'analysis-worker.js'), { workerData: { dbPath } });
    worker.on('message', (m) => (m.type === 'result' ? resolve() : m.type === 'error' ? reject(new Error(m.error.message)) : undefined));
    worker.on('error', reject);
  });
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
    await timed('series.query default (nothing cached)', n, () => b.call('series.query', { offset: 0, limit: 50 }));
    await timed('analysis worker (after a link run)', n, () => warm(dbPath));
    await timed('overview.get', n, () => b.call('overview.get', {}));
    const page = await timed('series.query default', n, () => b.call('series.query', { offset: 0, limit: 50 }));
    await timed('series.query page 100', n, () => b.call('series.query', { offset: 5000, limit: 50 }));
    await timed('series.query by victims', n, () => b.call('series.query', { sort: 'victims', offset: 0, limit: 50 }));
    await timed('series.query category', n, () => b.call('series.query', { categories: ['loan'], offset: 0, limit: 50 }));
    const top = page.rows[0];
    const detail = await timed(`series.get (${top.reports} reports)`, n, () => b.call('series.get', { id: top.id }));
    await timed('series.query text (report id)', n, () => b.call('series.query', { text: detail.reports[0].id, offset: 0, limit: 50 }));
    const graph = await timed('series.graph', n, () => b.call('series.graph', { id: top.id }));
    row([n, `  graph: ${graph.nodes.length} nodes, ${graph.edges.length} edges${graph.trimmed ? ', trimmed' : ''}`, '']);
    // The reports view's search (a page and its total): phrases through the trigram index, a
    // phrase found nowhere, a phone as typed, and a two-character word (no index: a scan).
    for (const text of ['国家安全账户', '远程审讯', '不存在的词语', '138 0013 8000', '对方']) {
      const found = await timed(`reports.query text ${text}`, n, () => b.call('reports.query', { text, offset: 0, limit: 100 }));
      row([n, `  ${found.total} reports`, '']);
    }
  } finally {
    b.close();
  }
}
