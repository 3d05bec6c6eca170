// What the store's encryption costs: the same import, link and searches on an encrypted store
// (this build, out/main) and on a plain one (the build of the commit before encryption, made in a
// temporary folder from `git archive`, sharing this tree's node_modules). Run after `npm run build`:
//   node src/bench/crypt-cost.mjs [reports] [rounds]     (default 100000 reports, 3 rounds)
// CRYPT_BASE=<commit> picks the plain baseline (default: the parent of the commit that
// encrypted the store).
import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const Database = require('better-sqlite3-multiple-ciphers');
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const reports = Number(process.argv[2] ?? 100_000);
const rounds = Number(process.argv[3] ?? 3);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'casegraph-crypt-'));
const PASS = 'benchmark passphrase';
const env = { ...process.env, CASEGRAPH_PASSPHRASE: PASS, CASEGRAPH_DB: path.join(work, 'unused.db') };

function git(...args) {
  return execFileSync('git', ['-C', ROOT, ...args], { encoding: 'utf8' }).trim();
}

// The plain baseline: this tree at the commit before the store was encrypted.
const encrypting = git('log', '--format=%H', '-1', '--', 'src/core/store/encrypt-in-place.ts').split('\n').pop();
const base = process.env.CRYPT_BASE ?? git('log', '--format=%H', '--diff-filter=A', '-1', '--', 'src/core/store/encrypt-in-place.ts') + '^';
const baseDir = path.join(work, 'plain-build');
fs.mkdirSync(baseDir);
execFileSync('sh', ['-c', `git -C "${ROOT}" archive "${base}" | tar -x -C "${baseDir}"`]);
fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(baseDir, 'node_modules'));
execFileSync(path.join(ROOT, 'node_modules/.bin/electron-vite'), ['build'], { cwd: baseDir, stdio: 'ignore' });
const CLIS = { plain: path.join(baseDir, 'out/main/casegraph.js'), encrypted: path.join(ROOT, 'out/main/casegraph.js') };

function cli(which, args) {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [CLIS[which], ...args], { env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${which} casegraph ${args.join(' ')}: ${r.stderr}`);
  return Number(process.hrtime.bigint() - t) / 1e9;
}

function keyOf(db) {
  const kf = JSON.parse(fs.readFileSync(`${db}.key`, 'utf8'));
  const s = kf.slots.find((x) => x.kind === 'passphrase');
  const k = crypto.scryptSync(PASS, Buffer.from(s.salt, 'base64'), 32, { N: s.kdf.N, r: s.kdf.r, p: s.kdf.p, maxmem: 512 * 2 ** 20 });
  const d = crypto.createDecipheriv('aes-256-gcm', k, Buffer.from(s.nonce, 'base64'));
  d.setAAD(Buffer.from('casegraph store key v1'));
  d.setAuthTag(Buffer.from(s.tag, 'base64'));
  return { key: Buffer.concat([d.update(Buffer.from(s.sealed, 'base64')), d.final()]), pageSize: kf.cipher.page_size };
}

/** Searches as the reports view makes them, each on a fresh connection (SQLite's cache empty). */
function searches(db, encrypted) {
  const k = encrypted ? keyOf(db) : null;
  const open = () => {
    const c = new Database(db, { readonly: true });
    if (k) {
      c.pragma(`cipher = 'sqlcipher'`);
      c.pragma('legacy = 4');
      c.pragma(`legacy_page_size = ${k.pageSize}`);
      c.pragma(`key = "x'${k.key.toString('hex')}'"`);
    }
    // As openStore sets them: a 64 MiB page cache, temporary tables in memory.
    c.pragma('cache_size = -65536');
    c.pragma('temp_store = MEMORY');
    return c;
  };
  const c0 = open();
  const phone = JSON.parse(c0.prepare('SELECT victim FROM report WHERE victim IS NOT NULL LIMIT 1 OFFSET 500').pluck().get()).phone;
  c0.close();
  // As the reports view searches (backend/report-queries.ts): the trigrams of the text ANDed
  // offer candidates, each confirmed by a substring match on its narrative or identifiers.
  const trigrams = (t) => {
    const cs = [...t];
    return cs
      .slice(0, cs.length - 2)
      .map((_, i) => `"${cs.slice(i, i + 3).join('')}"`)
      .join(' AND ');
  };
  const search = `SELECT count(*) FROM report_text t JOIN report c ON c.rid = t.rowid WHERE report_text MATCH ?
    AND (c.narrative LIKE ? OR EXISTS (SELECT 1 FROM identifier i WHERE i.rid = c.rid AND i.origin = 'reported' AND i.raw LIKE ?))`;
  const queries = {
    'a phone as reported': [search, trigrams(phone), `%${phone}%`, `%${phone}%`],
    'a word (信用卡)': [search, trigrams('信用卡'), '%信用卡%', '%信用卡%'],
    'every narrative read (LIKE scan)': [`SELECT count(*) FROM report WHERE narrative LIKE ?`, '%对方要求%'],
  };
  const out = {};
  for (const [name, [sql, ...args]] of Object.entries(queries)) {
    const c = open();
    const t = process.hrtime.bigint();
    const stmt = c.prepare(sql).pluck();
    stmt.get(...args);
    out[`${name}, cold`] = Number(process.hrtime.bigint() - t) / 1e6;
    // Again on the same connection: the pages are in SQLite's cache, already decrypted.
    const t2 = process.hrtime.bigint();
    stmt.get(...args);
    out[`${name}, warm`] = Number(process.hrtime.bigint() - t2) / 1e6;
    c.close();
  }
  return out;
}

const ndjson = path.join(work, 'demo.ndjson');
cli('encrypted', ['demo', '--reports', String(reports), '--seed', '7', '--out', ndjson]);
const results = { plain: [], encrypted: [] };
for (let round = 0; round < rounds; round++) {
  for (const which of round % 2 === 0 ? ['plain', 'encrypted'] : ['encrypted', 'plain']) {
    const db = path.join(work, `${which}-${round}.db`);
    const importS = cli(which, ['import', ndjson, '--db', db]);
    const linkS = cli(which, ['link', '--db', db]);
    const size = fs.statSync(db).size;
    results[which].push({ importS, linkS, size, search: searches(db, which === 'encrypted') });
    for (const f of fs.readdirSync(work)) if (f.startsWith(`${which}-${round}.db`)) fs.rmSync(path.join(work, f));
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const row = (label, f, unit, digits) => {
  const p = median(results.plain.map(f));
  const e = median(results.encrypted.map(f));
  console.log(`| ${label} | ${p.toFixed(digits)} ${unit} | ${e.toFixed(digits)} ${unit} | ${(((e - p) / p) * 100).toFixed(0)} % |`);
};
console.log(`# encryption cost, ${reports} demo reports, ${rounds} rounds (median), ${os.cpus().length} cores, Node ${process.version}`);
console.log(`plain baseline: ${base} (encryption: ${encrypting})`);
console.log('| measure | plain | encrypted | cost |');
console.log('|---|---|---|---|');
row('import (casegraph import)', (r) => r.importS, 's', 1);
row('link, full (casegraph link)', (r) => r.linkS, 's', 1);
for (const q of Object.keys(results.plain[0].search)) row(`search, ${q}`, (r) => r.search[q], 'ms', 1);
row('store size', (r) => r.size / 1e6, 'MB', 1);
fs.rmSync(work, { recursive: true, force: true });
