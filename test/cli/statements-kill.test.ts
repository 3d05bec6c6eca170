// `casegraph import-statements` killed with SIGKILL at seeded-random moments of its writes: each
// file is one transaction, so the store holds the first files whole and nothing of the one being
// written; run again, it skips those (same bytes) and ends with exactly the transactions of an
// uninterrupted import.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forgetKey } from '../../src/core/store/store-key';
import { seededRandom } from '../feed-server/faults';
import { cli, cliOk, CLI, grewPast } from '../support/kill-cli';
import { copyStore, rawStore } from '../support/raw-store';
import { csvLine, HEADER, rows } from '../support/statement-files';
import { tempDir } from '../support/tmp';

let shared = '';
let empty = '';
let files: string[] = [];

beforeAll(async () => {
  if (!fs.existsSync(CLI)) throw new Error('the built CLI is missing: npm test builds it first (npm run build)');
  shared = fs.mkdtempSync(path.join(os.tmpdir(), 'casegraph-statements-kill-'));
  empty = path.join(shared, 'empty.db');
  await cliOk(['demo', '--reports', '200', '--seed', '41', '--db', empty]);
  const dir = path.join(shared, 'statements');
  await cliOk(['demo', '--reports', '4000', '--seed', '42', '--out', path.join(shared, 'r.ndjson'), '--statements', dir]);
  files = fs
    .readdirSync(dir)
    .sort()
    .map((f) => path.join(dir, f));
}, 120_000);

afterAll(() => {
  if (shared) fs.rmSync(shared, { recursive: true, force: true });
});

function state(db: string): { files: string[]; txns: number; halfFiles: number; indexes: string[] } {
  forgetKey(db);
  const raw = rawStore(db, { readonly: true });
  try {
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    return {
      files: raw.prepare('SELECT name FROM statement_file ORDER BY id').pluck().all() as string[],
      txns: raw.prepare('SELECT count(*) FROM flow_txn').pluck().get() as number,
      // A file's row is written first and its counts last: a half-written file would show as rows = 0.
      halfFiles: raw.prepare('SELECT count(*) FROM statement_file WHERE rows = 0').pluck().get() as number,
      // A file written in bulk drops the payer and payee indexes inside its transaction.
      indexes: raw
        .prepare("SELECT name FROM sqlite_master WHERE name IN ('flow_txn_from', 'flow_txn_to') ORDER BY name")
        .pluck()
        .all() as string[],
    };
  } finally {
    raw.close();
  }
}

describe('casegraph import-statements killed with SIGKILL', () => {
  it('holds the first files whole and nothing of the one being written; run again, it ends as an uninterrupted import', async () => {
    const dir = tempDir();
    const reference = path.join(dir, 'reference.db');
    copyStore(empty, reference);
    await cliOk(['import-statements', ...files, '--db', reference]);
    const after = state(reference);
    expect(after.files).toHaveLength(files.length);

    const random = seededRandom(601);
    let midway = 0;
    for (let round = 0; round < 4; round++) {
      const db = path.join(dir, `killed-${round}.db`);
      copyStore(empty, db);
      const r = await cli(['import-statements', ...files, '--db', db], {
        kill: { when: grewPast(`${db}-wal`, 0), delayMs: Math.floor(random() * 1500) },
      });
      if (!r.killed) expect(r.status, r.stderr).toBe(0);
      const now = state(db);
      expect(now.halfFiles).toBe(0);
      // The files are imported in the order given: what is stored is a whole prefix of them.
      expect(now.files).toEqual(after.files.slice(0, now.files.length));
      if (r.killed && now.files.length < files.length) midway += 1;
      await cliOk(['import-statements', ...files, '--db', db]);
      expect(state(db)).toEqual(after);
    }
    expect(midway).toBeGreaterThan(0);
  }, 150_000);

  it('leaves the payer and payee indexes whole when a file written in bulk is killed', async () => {
    const dir = tempDir();
    // 60,000 rows (about 6 MB): written in bulk into the small store, its indexes built at the end.
    const big = path.join(dir, 'big.csv');
    fs.writeFileSync(big, `${[HEADER.join(','), ...rows(60_000).map(csvLine)].join('\r\n')}\r\n`);
    const reference = path.join(dir, 'reference.db');
    copyStore(empty, reference);
    const started = Date.now();
    await cliOk(['import-statements', big, '--db', reference]);
    const took = Date.now() - started;
    const after = state(reference);
    expect(after.files).toEqual(['big.csv']);
    expect(after.indexes).toEqual(['flow_txn_from', 'flow_txn_to']);

    const random = seededRandom(602);
    let killed = 0;
    for (let round = 0; round < 3; round++) {
      const db = path.join(dir, `bulk-killed-${round}.db`);
      copyStore(empty, db);
      const r = await cli(['import-statements', big, '--db', db], {
        // Most of an import's time is inside the file's transaction: killed at 30–80 % of it.
        kill: { when: () => true, delayMs: Math.floor(took * (0.3 + 0.5 * random())) },
      });
      if (!r.killed) expect(r.status, r.stderr).toBe(0);
      const now = state(db);
      expect(now.indexes).toEqual(['flow_txn_from', 'flow_txn_to']);
      expect(now.halfFiles).toBe(0);
      if (now.files.length === 0) {
        killed += 1;
        expect(now.txns).toBe(0);
      } else expect(now).toEqual(after);
      await cliOk(['import-statements', big, '--db', db]);
      expect(state(db)).toEqual(after);
    }
    expect(killed).toBeGreaterThan(0);
  }, 150_000);
});
