// The benchmarks' and the linking evaluation's own look inside a store the built CLI made: stores
// are encrypted, so the CLI is given a passphrase (BENCH_ENV), and a script that reads a store
// directly first has its key kept unsealed beside it (`casegraph passphrase --unsealed`: weaker,
// and fine for a throwaway benchmark store), then opens it with that key.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const ROOT = path.join(import.meta.dirname, '..', '..');
const require = createRequire(path.join(ROOT, 'package.json'));
const Database = require('better-sqlite3-multiple-ciphers');

/** The environment the CLI runs in for benchmarks: a passphrase for the stores it makes. */
export const BENCH_ENV = { CASEGRAPH_PASSPHRASE: process.env.CASEGRAPH_PASSPHRASE ?? 'casegraph-benchmark-store' };

/** Gives this process (and so every command and worker it starts) the benchmarks' passphrase, unless one is set. */
export function useBenchPassphrase() {
  process.env.CASEGRAPH_PASSPHRASE ??= BENCH_ENV.CASEGRAPH_PASSPHRASE;
}

function plainKey(store) {
  const file = `${store}.key`;
  if (!fs.existsSync(file)) return null;
  const kf = JSON.parse(fs.readFileSync(file, 'utf8'));
  const slot = kf.slots.find((s) => s.kind === 'plain');
  return slot ? { key: slot.key, pageSize: kf.cipher.page_size } : null;
}

/** Opens a store the CLI made (read-only by default), keeping its key unsealed first if needed. */
export function openBenchStore(store, { readonly = true, cli = path.join(ROOT, 'out', 'main', 'casegraph.js') } = {}) {
  let k = plainKey(store);
  if (k === null && fs.existsSync(`${store}.key`)) {
    const r = spawnSync(process.execPath, [cli, 'passphrase', '--unsealed', '--db', store], {
      env: { ...process.env, ...BENCH_ENV },
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`cannot keep the key of ${store} unsealed: ${r.stderr}`);
    k = plainKey(store);
  }
  const db = new Database(store, { readonly, fileMustExist: true });
  if (k !== null) {
    db.pragma(`cipher = 'sqlcipher'`);
    db.pragma('legacy = 4');
    db.pragma(`legacy_page_size = ${k.pageSize}`);
    db.pragma(`key = "x'${k.key}'"`);
  }
  return db;
}
