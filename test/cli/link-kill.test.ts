// `casegraph link` killed with SIGKILL while it writes its results (the WAL growing), full and
// incremental after an import, at seeded-random moments: the store opens with its key, passes
// integrity_check, and holds either the series of before the run or exactly those of an
// uninterrupted run — never part of one — and the next run completes.
// The results are written in one transaction of some 15 ms (6,000 reports), so the kill comes within
// 10 ms of the WAL first growing, polled every millisecond.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../feed-server/faults';
import { cli, cliOk, CLI, grewPast } from '../support/kill-cli';
import { linkState } from '../support/link-state';
import { copyStore, rawStore } from '../support/raw-store';
import { tempDir } from '../support/tmp';

const reportCount = (db: string): number => {
  const raw = rawStore(db, { readonly: true });
  try {
    return raw.prepare('SELECT count(*) FROM report').pluck().get() as number;
  } finally {
    raw.close();
  }
};

let base = '';
/** `base` after an uninterrupted full link. */
let linked = '';
let extra = '';

let baseDir = '';

beforeAll(async () => {
  if (!fs.existsSync(CLI)) throw new Error('the built CLI is missing: npm test builds it first (npm run build)');
  // Shared by both tests (tempDir's folders go after each test).
  const dir = (baseDir = fs.mkdtempSync(path.join(os.tmpdir(), 'casegraph-link-kill-')));
  base = path.join(dir, 'base.db');
  extra = path.join(dir, 'extra.ndjson');
  linked = path.join(dir, 'linked.db');
  await cliOk(['demo', '--reports', '6000', '--seed', '5', '--db', base]);
  copyStore(base, linked);
  await cliOk(['link', '--full', '--db', linked]);
  // Another precinct's reports under ids of their own: new reports for the incremental run.
  const other = path.join(dir, 'other.ndjson');
  await cliOk(['demo', '--reports', '2000', '--seed', '77', '--out', other]);
  const lines = fs.readFileSync(other, 'utf8').trim().split('\n');
  fs.writeFileSync(
    extra,
    lines.map((l) => JSON.stringify({ ...(JSON.parse(l) as object), id: `X-${(JSON.parse(l) as { id: string }).id}` })).join('\n') + '\n',
  );
}, 120_000);

afterAll(() => {
  if (baseDir) fs.rmSync(baseDir, { recursive: true, force: true });
});

/**
 * Kill `link` (args) on a fresh copy of `start` in several rounds, each at a random moment after
 * the WAL began to grow; after each, the state is the one before or `after`, and the store the
 * last round left is at `db`. Returns how many rounds were killed mid-write (the others finished).
 */
async function killRounds(start: string, db: string, args: string[], after: string, seed: number, rounds: number): Promise<number> {
  const random = seededRandom(seed);
  const before = linkState(start);
  let midWrite = 0;
  for (let round = 0; round < rounds; round++) {
    for (const f of [db, `${db}-wal`, `${db}-shm`, `${db}.key`]) fs.rmSync(f, { force: true });
    copyStore(start, db);
    const wal = `${db}-wal`;
    const r = await cli(['link', ...args, '--db', db], { kill: { when: grewPast(wal, 0), delayMs: Math.floor(random() * 10), pollMs: 1 } });
    if (!r.killed) expect(r.status, r.stderr).toBe(0);
    const now = linkState(db);
    // One or the other, whole.
    expect([before, after]).toContain(now);
    if (r.killed && now === before) midWrite += 1;
  }
  return midWrite;
}

describe('casegraph link killed with SIGKILL while it writes', () => {
  it('a full link: the store holds the series of before or of a whole run, and the next run completes', async () => {
    const dir = tempDir();
    // What an uninterrupted full link writes, on a copy of the same store.
    const after = linkState(linked);

    const db = path.join(dir, 'killed.db');
    const midWrite = await killRounds(base, db, ['--full'], after, 41, 4);
    expect(midWrite).toBeGreaterThan(0);
    await cliOk(['link', '--full', '--db', db]);
    expect(linkState(db)).toBe(after);
  }, 120_000);

  it('an incremental link after an import: the series of before or of a whole run, and the next run completes', async () => {
    const dir = tempDir();
    const imported = path.join(dir, 'imported.db');
    copyStore(linked, imported);
    await cliOk(['import', extra, '--db', imported]);
    expect(reportCount(imported)).toBe(8000);

    const reference = path.join(dir, 'reference.db');
    copyStore(imported, reference);
    await cliOk(['link', '--db', reference]);
    const after = linkState(reference);
    expect(after).not.toBe(linkState(imported));

    const db = path.join(dir, 'killed.db');
    const midWrite = await killRounds(imported, db, [], after, 43, 4);
    expect(midWrite).toBeGreaterThan(0);
    await cliOk(['link', '--db', db]);
    expect(linkState(db)).toBe(after);
  }, 120_000);
});
