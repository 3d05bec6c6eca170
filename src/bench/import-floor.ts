// What each part of an import costs on its own, on one thread, in CPU time per report: the
// smallest work an import of the demo data must do, whatever the threads and their overlap.
// Built and run by import-floor.mjs. Four parts, each over the same demo records:
//   decode      JSON.parse of each line alone;
//   prepare     decode, validate, normalise and reduce to rows (the import worker's work);
//   rows        storing the prepared rows without the search index, in bulk-load mode, with
//               the indexes built at the end (the SQLite thread's work less the search index);
//   search      the trigram full-text index alone, as the store keeps it (detail=none), and as it
//               was kept before migration 009 (detail=full).
// Two cores can at best share the sum; the line "ceiling" says what that allows.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { ndjsonItem, type BatchItem } from '../core/import/pipeline';
import { Ingestor, PendingText } from '../core/ingest/ingest';
import { finishBulkLoad, startBulkLoad } from '../core/store/bulk-load';
import { openStore } from '../core/store/db';
import { ensureSource } from '../core/store/sources';

const [file, limitArg] = process.argv.slice(2);
if (!file) throw new Error('usage: import-floor FILE.ndjson [REPORTS]');
const limit = Number(limitArg ?? 50_000);
const lines = fs
  .readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l !== '')
  .slice(0, limit);
const n = lines.length;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casegraph-floor-'));

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** CPU µs per report of `work`, the best of `runs` (the least disturbed by the machine). */
function measure<T>(label: string, work: () => T, runs = 3): { us: number; value: T } {
  let best = Infinity;
  let value: T | undefined;
  for (let i = 0; i < runs; i++) {
    const start = cpuMs();
    value = work();
    best = Math.min(best, cpuMs() - start);
  }
  const us = (best * 1000) / n;
  console.log(`${label.padEnd(44)}${us.toFixed(1).padStart(8)} µs/report`);
  return { us, value: value as T };
}

console.log(`# import floor — ${n} demo reports from ${path.basename(file)}, one thread, CPU time (best of 3)`);
const decode = measure('decode (JSON.parse)', () => {
  for (const l of lines) JSON.parse(l);
});
const prepared = measure('prepare (decode, validate, normalise, rows)', () => lines.map((l, i) => ndjsonItem('floor', i + 1, l)));
const items = prepared.value.filter((it): it is Extract<BatchItem, { 0: 0 }> => it !== null && it[0] === 0);

let round = 0;
const rows = measure('rows without the search index (bulk load)', () => {
  const db = openStore(path.join(dir, `rows-${round++}.db`));
  startBulkLoad(db);
  const ingestor = new Ingestor(db, ensureSource(db, 'file', 'floor'));
  const pending = new PendingText();
  for (let s = 0; s < items.length; s += 3000) {
    db.transaction(() => {
      for (const it of items.slice(s, s + 3000)) ingestor.applyPrepared(it[2], it[1], pending);
      pending.clear();
    })();
  }
  finishBulkLoad(db);
  db.close();
});

const texts = items.map((it) => it[2][5]).filter((t) => t !== '');
function searchIndex(detail: 'none' | 'full'): () => void {
  return () => {
    const db = new Database(path.join(dir, `search-${detail}-${round++}.db`));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec(`CREATE VIRTUAL TABLE t USING fts5 (body, content = '', contentless_delete = 1, tokenize = 'trigram', detail = ${detail});
             INSERT INTO t (t, rank) VALUES ('hashsize', 4194304);`);
    const insert = db.prepare('INSERT INTO t (rowid, body) VALUES (?, ?)');
    for (let s = 0; s < texts.length; s += 3000) {
      db.transaction(() => {
        for (let i = s; i < Math.min(texts.length, s + 3000); i++) insert.run(i + 1, texts[i]);
      })();
    }
    db.close();
  };
}
const none = measure('search index, detail=none (the store now)', searchIndex('none'));
const full = measure('search index, detail=full (before 009)', searchIndex('full'));
fs.rmSync(dir, { recursive: true, force: true });

const cores = os.availableParallelism();
for (const [label, search] of [
  ['detail=none', none.us],
  ['detail=full', full.us],
] as const) {
  const sum = prepared.us + rows.us + search;
  console.log(
    `sum with ${label}: ${sum.toFixed(1)} µs/report → ceiling ${Math.round((cores * 1e6) / sum).toLocaleString('en')} reports/s on ${cores} cores with perfect overlap` +
      ` (decode alone ${decode.us.toFixed(1)} µs)`,
  );
}
