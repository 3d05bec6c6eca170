// The writers that replace whole files, killed with SIGKILL at seeded-random moments inside their
// write: encrypting a plain store in place, `casegraph backup` and `casegraph restore --force`.
// After each kill: the original plaintext is intact or the encrypted store complete (with a key
// file that opens it); a backup is absent — only a hidden, dead partial named as such — or whole
// and restorable; a restore leaves the store of before or the backup's, the replaced one kept
// with its key. The next run of the same command completes and leaves no partial file behind.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeFileKind } from '../../src/core/store/encrypt-in-place';
import { forgetKey } from '../../src/core/store/store-key';
import { seededRandom } from '../feed-server/faults';
import { cli, cliOk, CLI, filesStarting } from '../support/kill-cli';
import { copyStore, rawStore } from '../support/raw-store';
import { tempDir } from '../support/tmp';

/** Row counts that tell the stores apart, and that every row of them is readable. */
function contentOf(db: Database.Database): string {
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  const n = (t: string): number => db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number;
  const ids = db.prepare('SELECT total(length(id) * rid) FROM report').pluck().get() as number;
  return JSON.stringify({ reports: n('report'), versions: n('report_version'), identifiers: n('identifier'), ids });
}

function encryptedContent(file: string): string {
  // The same path holds another store (another key) from one round to the next.
  forgetKey(file);
  const raw = rawStore(file, { readonly: true });
  try {
    return contentOf(raw);
  } finally {
    raw.close();
  }
}

function plainContent(file: string): string {
  const plain = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return contentOf(plain);
  } finally {
    plain.close();
  }
}

let shared = '';
/** A demo store of 6,000 reports, and one of 1,500 (another precinct) to be replaced by a restore. */
let big = '';
let small = '';

beforeAll(async () => {
  if (!fs.existsSync(CLI)) throw new Error('the built CLI is missing: npm test builds it first (npm run build)');
  shared = fs.mkdtempSync(path.join(os.tmpdir(), 'casegraph-store-kill-'));
  big = path.join(shared, 'big.db');
  small = path.join(shared, 'small.db');
  await cliOk(['demo', '--reports', '6000', '--seed', '11', '--db', big]);
  await cliOk(['demo', '--reports', '1500', '--seed', '12', '--db', small]);
}, 120_000);

afterAll(() => {
  if (shared) fs.rmSync(shared, { recursive: true, force: true });
});

const randomDelay = (random: () => number, maxMs: number): number => Math.floor(random() * maxMs);

describe('writers of whole files killed with SIGKILL', () => {
  it('encrypting a plain store in place: the plaintext intact or the encrypted store complete, never half', async () => {
    const dir = tempDir();
    // A store as an earlier version kept it: the demo store decrypted (rekeyed to no key).
    const original = path.join(dir, 'original.db');
    copyStore(big, original);
    const dec = rawStore(original);
    dec.pragma('journal_mode = DELETE');
    dec.pragma("rekey = ''");
    dec.close();
    fs.rmSync(`${original}.key`);
    expect(storeFileKind(original)).toBe('plain');
    const expected = plainContent(original);

    const random = seededRandom(301);
    const db = path.join(dir, 'store.db');
    let midway = 0;
    for (let round = 0; round < 5; round++) {
      for (const f of fs.readdirSync(dir)) if (f !== 'original.db') fs.rmSync(path.join(dir, f), { force: true });
      fs.copyFileSync(original, db);
      const r = await cli(['series', '--db', db, '--json'], {
        kill: { when: () => filesStarting(dir, '.store.db.encrypted.').length > 0, delayMs: randomDelay(random, 250) },
      });
      if (!r.killed) expect(r.status, r.stderr).toBe(0);
      // The key file is written before the store is touched, and opens whatever is encrypted.
      expect(fs.existsSync(`${db}.key`)).toBe(true);
      const kind = storeFileKind(db);
      expect(['plain', 'encrypted']).toContain(kind);
      expect(kind === 'plain' ? plainContent(db) : encryptedContent(db)).toBe(expected);
      if (r.killed && kind === 'plain') midway += 1;
      // The next open completes the encryption and leaves nothing of the interrupted one.
      await cliOk(['series', '--db', db, '--json']);
      expect(storeFileKind(db)).toBe('encrypted');
      expect(encryptedContent(db)).toBe(expected);
      expect(fs.readdirSync(dir).sort().join(' ')).toBe('original.db store.db store.db.key');
    }
    expect(midway).toBeGreaterThan(0);
  }, 120_000);

  it('a backup: absent, with only its hidden partial, or complete; the next backup completes and clears the partial', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'store.db');
    copyStore(big, db);
    const expected = encryptedContent(db);
    const out = path.join(dir, 'store.backup');
    const random = seededRandom(302);
    let midway = 0;
    for (let round = 0; round < 5; round++) {
      for (const f of [out, `${out}.key`]) fs.rmSync(f, { force: true });
      const r = await cli(['backup', '--out', out, '--db', db], {
        kill: { when: () => filesStarting(dir, '.store.backup.partial.').length > 0, delayMs: randomDelay(random, 200) },
      });
      if (!r.killed) expect(r.status, r.stderr).toBe(0);
      if (fs.existsSync(out)) {
        // There under its name: complete, with its key, restorable.
        expect(fs.existsSync(`${out}.key`)).toBe(true);
        expect(encryptedContent(out)).toBe(expected);
      } else {
        midway += 1;
        // Nothing under the backup's name that looks like a backup: a partial copy is hidden and says so.
        const left = fs.readdirSync(dir).filter((f) => !f.startsWith('store.db'));
        expect(left.filter((f) => !f.startsWith('.store.backup.partial.') && !f.startsWith('store.backup.key'))).toEqual([]);
        // The same command again completes, over what the killed one left.
        await cliOk(['backup', '--out', out, '--db', db]);
        expect(encryptedContent(out)).toBe(expected);
      }
      expect(
        fs
          .readdirSync(dir)
          .filter((f) => !f.startsWith('store.db'))
          .sort(),
      ).toEqual(['store.backup', 'store.backup.key']);
    }
    expect(midway).toBeGreaterThan(0);
  }, 120_000);

  it('a restore --force: the store of before or the backup, the replaced one kept with its key; the next restore completes', async () => {
    const dir = tempDir();
    const backup = path.join(dir, 'big.backup');
    await cliOk(['backup', '--out', backup, '--db', big]);
    const fromBackup = encryptedContent(big);
    const db = path.join(dir, 'store.db');
    const before = encryptedContent(small);
    const random = seededRandom(303);
    let midway = 0;
    for (let round = 0; round < 5; round++) {
      for (const f of fs.readdirSync(dir))
        if (f.startsWith('store.db') || f.startsWith('.store.db')) fs.rmSync(path.join(dir, f), { force: true });
      copyStore(small, db);
      const r = await cli(['restore', backup, '--force', '--db', db], {
        kill: { when: () => filesStarting(dir, '.store.db.restoring.').length > 0, delayMs: randomDelay(random, 150) },
      });
      if (!r.killed) expect(r.status, r.stderr).toBe(0);
      // Opened as any command opens it (which finishes an interrupted restore first).
      await cliOk(['series', '--db', db, '--json']);
      const now = encryptedContent(db);
      expect([before, fromBackup]).toContain(now);
      const kept = fs.readdirSync(dir).filter((f) => /^store\.db\.replaced-\d{8}T\d{6}Z(-\d+)?$/.test(f));
      if (now === fromBackup) {
        expect(kept).toHaveLength(1);
        expect(encryptedContent(path.join(dir, kept[0] as string))).toBe(before);
      } else {
        midway += 1;
        expect(kept).toEqual([]);
        // The same command again completes.
        await cliOk(['restore', backup, '--force', '--db', db]);
        expect(encryptedContent(db)).toBe(fromBackup);
      }
      expect(filesStarting(dir, '.store.db.')).toEqual([]);
      expect(fs.existsSync(`${db}.restoring`)).toBe(false);
    }
    expect(midway).toBeGreaterThan(0);
  }, 120_000);
});
