// The encrypted store through the built `casegraph` command, as an investigator and as an
// attacker who has a copy of the disk: passphrase messages and exit codes, changing the
// passphrase, backup and restore on another path, and no victim's data findable as bytes.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/core/store/db';
import { rawStore } from '../support/raw-store';
import { tempDir } from '../support/tmp';

const CLI = path.resolve(import.meta.dirname, '../../out/main/casegraph.js');

function run(args: string[], env: Record<string, string | undefined> = {}): { status: number | null; stdout: string; stderr: string } {
  const merged: Record<string, string | undefined> = { ...process.env, CASEGRAPH_DB: '/nonexistent/never-used.db', ...env };
  for (const [k, v] of Object.entries(merged)) if (v === undefined) delete merged[k];
  const r = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: merged as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function ok(args: string[], env: Record<string, string | undefined> = {}): string {
  const r = run(args, env);
  if (r.status !== 0) throw new Error(`casegraph ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

function sha(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

function reportCount(db: string): number {
  const raw = rawStore(db, { readonly: true });
  try {
    return raw.prepare('SELECT count(*) FROM report').pluck().get() as number;
  } finally {
    raw.close();
  }
}

/** Victims' phones, ID numbers and full names, read from the store with its key. */
function victimsOf(db: string): string[] {
  const raw = rawStore(db, { readonly: true });
  try {
    const values = new Set<string>();
    for (const v of raw.prepare('SELECT victim FROM report WHERE victim IS NOT NULL LIMIT 300').pluck().all() as string[]) {
      const o = JSON.parse(v) as Record<string, unknown>;
      for (const k of ['name', 'phone', 'id_number']) {
        const s = o[k];
        // A given name with 某 is a placeholder many reports share; a real-looking name is the secret.
        if (typeof s === 'string' && s.length >= 3 && !s.includes('某')) values.add(s);
      }
    }
    return [...values];
  } finally {
    raw.close();
  }
}

/** What an attacker with the files finds: the victims' values that appear as bytes in them. */
function foundIn(files: string[], secrets: string[]): string[] {
  const found: string[] = [];
  for (const f of files) {
    if (!fs.existsSync(f)) continue;
    const bytes = fs.readFileSync(f);
    for (const s of secrets) {
      for (const form of [Buffer.from(s, 'utf8'), Buffer.from(s, 'utf16le')])
        if (bytes.includes(form)) found.push(`${s} in ${path.basename(f)}`);
    }
  }
  return found;
}

beforeAll(() => {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: npm test builds it first (npm run build)`);
});

describe('the encrypted store from the command line', () => {
  it('after a demo and an import, no victim phone, ID number or name is found as bytes in the store, its WAL, or the backup', () => {
    const dir = tempDir();
    const db = path.join(dir, 'store.db');
    const ndjson = path.join(dir, 'demo.ndjson');
    ok(['demo', '--reports', '400', '--seed', '3', '--out', ndjson]);
    ok(['import', ndjson, '--db', db]);
    ok(['link', '--db', db]);
    // And a store the demo command fills itself.
    const demo = path.join(dir, 'demo.db');
    ok(['demo', '--reports', '300', '--seed', '4', '--db', demo]);
    const demoSecrets = victimsOf(demo);
    expect(demoSecrets.length).toBeGreaterThan(100);
    expect(foundIn([demo, `${demo}-wal`, `${demo}.key`], demoSecrets)).toEqual([]);
    const secrets = victimsOf(db);
    expect(secrets.length).toBeGreaterThan(100);
    // The demo file itself holds them (the test would prove nothing otherwise).
    expect(foundIn([ndjson], secrets.slice(0, 20)).length).toBeGreaterThan(0);
    const backup = path.join(dir, 'backups', 'store-backup.db');
    fs.mkdirSync(path.dirname(backup));
    // A connection held open keeps the WAL on disk while the backup is taken.
    const held = rawStore(db);
    // Every victim written again, into the WAL only (no checkpoint while it is held).
    held.exec('CREATE TABLE probe AS SELECT victim FROM report');
    expect(fs.statSync(`${db}-wal`).size).toBeGreaterThan(0);
    ok(['backup', '--out', backup, '--db', db]);
    expect(foundIn([db, `${db}-wal`, `${db}-shm`, backup, `${backup}.key`, `${db}.key`], secrets)).toEqual([]);
    held.close();
    expect(foundIn([db], secrets)).toEqual([]);
  });

  it('says in one line, exit 1, that the passphrase is wrong or missing; changing it re-seals the key only', () => {
    const dir = tempDir();
    const db = path.join(dir, 'store.db');
    ok(['demo', '--reports', '100', '--db', db]);
    const wrong = run(['series', '--db', db], { CASEGRAPH_PASSPHRASE: 'guess' });
    expect(wrong).toMatchObject({ status: 1, stderr: `casegraph: the passphrase does not open the store ${db}\n` });
    const none = run(['series', '--db', db], { CASEGRAPH_PASSPHRASE: undefined });
    expect(none).toMatchObject({
      status: 1,
      stderr: `casegraph: the store ${db} is encrypted: give its passphrase in CASEGRAPH_PASSPHRASE, or run on a terminal to be asked for it\n`,
    });
    const fresh = run(['demo', '--reports', '10', '--db', path.join(dir, 'new.db')], { CASEGRAPH_PASSPHRASE: undefined });
    expect(fresh.status).toBe(1);
    expect(fresh.stderr).toMatch(/^casegraph: a new store needs a passphrase to seal its key: .*\n$/);

    const before = sha(db);
    const changed = run(['passphrase', '--db', db], { CASEGRAPH_NEW_PASSPHRASE: 'a much longer passphrase' });
    expect(changed).toMatchObject({ status: 0, stderr: `the passphrase of ${db} is changed\n` });
    expect(sha(db)).toBe(before);
    expect(run(['series', '--all', '--db', db]).status).toBe(1);
    expect(run(['series', '--all', '--db', db], { CASEGRAPH_PASSPHRASE: 'a much longer passphrase' }).status).toBe(0);
    expect(run(['passphrase', '--db', db], { CASEGRAPH_NEW_PASSPHRASE: undefined })).toMatchObject({
      status: 1,
      stderr: expect.stringMatching(/^casegraph: the current passphrase is needed|^casegraph: .*CASEGRAPH_NEW_PASSPHRASE/),
    });
    // The weaker choice: the key unsealed in a 0600 file; no passphrase is needed afterwards.
    expect(run(['passphrase', '--unsealed', '--db', db], { CASEGRAPH_PASSPHRASE: 'a much longer passphrase' }).status).toBe(0);
    expect(fs.statSync(`${db}.key`).mode & 0o777).toBe(0o600);
    expect(run(['series', '--all', '--db', db], { CASEGRAPH_PASSPHRASE: undefined }).status).toBe(0);
  });

  it('asks for the passphrase on a terminal without echoing it; serve says a wrong one in one line', () => {
    const dir = tempDir();
    const db = path.join(dir, 'store.db');
    const answer = path.resolve(import.meta.dirname, '../support/answer-tty.py');
    const onTerminal = (typed: string, args: string[]): { status: number | null; shown: string } => {
      const env: NodeJS.ProcessEnv = { ...process.env };
      delete env['CASEGRAPH_PASSPHRASE'];
      const r = spawnSync('python3', [answer, typed, process.execPath, CLI, ...args], { encoding: 'utf8', env });
      return { status: r.status, shown: r.stdout };
    };
    const made = onTerminal('typed at the terminal', ['demo', '--reports', '20', '--db', db]);
    expect(made.status).toBe(0);
    expect(made.shown).toMatch(/choose a passphrase for the new store .*store\.db: [\s\S]*the same again: /);
    expect(made.shown).not.toContain('typed at the terminal');
    expect(run(['series', '--all', '--db', db], { CASEGRAPH_PASSPHRASE: 'typed at the terminal' }).status).toBe(0);
    const opened = onTerminal('typed at the terminal', ['series', '--all', '--db', db]);
    expect(opened.status).toBe(0);
    expect(opened.shown).toMatch(/^passphrase of the store .*store\.db: /);
    expect(opened.shown).not.toContain('typed at the terminal');
    const wrong = onTerminal('a guess', ['series', '--db', db]);
    expect(wrong.status).toBe(1);
    expect(wrong.shown).toContain(`casegraph: the passphrase does not open the store ${db}`);
    expect(run(['serve', '--db', db], { CASEGRAPH_PASSPHRASE: 'a guess' })).toMatchObject({
      status: 1,
      stderr: `casegraph: the passphrase does not open the store ${db}\n`,
    });
  });

  it('restores a backup on another path with the passphrase; never over a store without --force, which keeps the old one', () => {
    const dir = tempDir();
    const db = path.join(dir, 'here', 'store.db');
    ok(['demo', '--reports', '200', '--seed', '9', '--db', db]);
    const backup = path.join(dir, 'usb', 'casegraph.backup');
    fs.mkdirSync(path.dirname(backup));
    const made = JSON.parse(ok(['backup', '--out', backup, '--db', db, '--json'])) as { file: string; keyFile: string };
    expect(made).toMatchObject({ file: backup, keyFile: `${backup}.key` });
    expect(run(['backup', '--out', backup, '--db', db])).toMatchObject({
      status: 1,
      stderr: `casegraph: ${backup} exists already; choose another name for the backup\n`,
    });
    expect(run(['backup', '--db', db]).status).toBe(2);

    // Another workstation: only the backup and its key file travel; the passphrase is typed there.
    const elsewhere = path.join(dir, 'other-workstation', 'casegraph.db');
    expect(run(['restore', backup, '--db', elsewhere], { CASEGRAPH_PASSPHRASE: 'guess' })).toMatchObject({
      status: 1,
      stderr: `casegraph: the passphrase does not open the backup ${backup}\n`,
    });
    expect(fs.existsSync(elsewhere)).toBe(false);
    ok(['restore', backup, '--db', elsewhere]);
    expect(reportCount(elsewhere)).toBe(reportCount(db));
    expect(ok(['series', '--all', '--json', '--db', elsewhere])).toBe(ok(['series', '--all', '--json', '--db', db]));

    // An existing store is never overwritten without --force.
    ok(['demo', '--reports', '50', '--seed', '1', '--db', path.join(dir, 'third.db')]);
    const third = path.join(dir, 'third.db');
    const thirdBefore = sha(third);
    const refused = run(['restore', backup, '--db', third]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(
      /^casegraph: a store exists already at .*third\.db; restore --force replaces it and keeps it beside it, renamed with the time\n$/m,
    );
    expect(sha(third)).toBe(thirdBefore);
    const forced = JSON.parse(ok(['restore', backup, '--force', '--json', '--db', third])) as { replaced: string };
    expect(forced.replaced).toMatch(/third\.db\.replaced-\d{8}T\d{6}Z$/);
    expect(sha(forced.replaced)).toBe(thirdBefore);
    expect(fs.existsSync(`${forced.replaced}.key`)).toBe(true);
    expect(reportCount(forced.replaced)).toBe(50);
    expect(reportCount(third)).toBe(reportCount(db));
    expect(run(['restore', path.join(dir, 'nothing.backup'), '--db', third, '--force'])).toMatchObject({ status: 1 });
  });

  it('encrypts a store from an earlier version at its first open, saying so on stderr', () => {
    const dir = tempDir();
    const db = path.join(dir, 'store.db');
    // A store as the previous version kept it: plain SQLite, the schema up to date, a victim in it.
    const plain = new Database(db);
    plain.pragma('journal_mode = WAL');
    migrate(plain);
    const source = plain
      .prepare("INSERT INTO source (kind, name, created_at) VALUES ('file', 'old.ndjson', '2024-01-01')")
      .run().lastInsertRowid;
    plain
      .prepare("INSERT INTO report (id, version, victim, narrative, source_id, updated_at) VALUES ('R1', 1, ?, '被骗', ?, '2024-01-01')")
      .run(JSON.stringify({ name: '欧阳明轩', phone: '13912345678', id_number: '320102199001011234' }), source);
    plain.close();
    const secrets = ['欧阳明轩', '13912345678', '320102199001011234'];
    expect(foundIn([db], secrets)).toEqual(secrets.map((s) => `${s} in store.db`));
    const r = run(['series', '--all', '--json', '--db', db]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^encrypting the store .*store\.db \(\d+\.\d MB\); this is done once/);
    expect(foundIn([db, `${db}-wal`], secrets)).toEqual([]);
    expect(reportCount(db)).toBe(1);
  });
});
