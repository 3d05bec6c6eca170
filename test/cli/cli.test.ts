// The built `casegraph` command as a user runs it: exit codes, one-line errors, counts.
import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir, writeFile } from '../support/tmp';

const CLI = path.resolve(import.meta.dirname, '../../out/main/casegraph.js');

function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, CASEGRAPH_DB: '/nonexistent/never-used.db' },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: npm test builds it first (npm run build)`);
});

describe('casegraph CLI', () => {
  it('lists its commands with --help and exits 2 on bad usage with one clear line', () => {
    const help = run('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/import\s+import report files/);
    expect(run('frobnicate')).toMatchObject({ status: 2, stderr: expect.stringMatching(/^casegraph: unknown command "frobnicate"/) });
    const bad = run('demo', '--reports', 'many');
    expect(bad.status).toBe(2);
    expect(bad.stderr.split('\n')[0]).toBe('casegraph: --reports must be an integer from 1 to 10000000, got "many"');
    expect(run('import', '--bogus').status).toBe(2);
    expect(run('import', '--help')).toMatchObject({ status: 0, stdout: expect.stringMatching(/^usage: casegraph import FILE/) });
  });

  it('imports files and prints the counts; names each rejected record', () => {
    const dir = tempDir();
    const db = path.join(dir, 's.db');
    const good = { id: 'A1', version: 1, precinct: 'P', reported_at: '2024-01-01T00:00:00+08:00', category: 'loan' };
    const file = writeFile(
      dir,
      'in.ndjson',
      `${JSON.stringify(good)}\n${JSON.stringify({ ...good, id: 'A2', loss: { amount: 5.5, currency: 'CNY' } })}\n`,
    );
    const r = run('import', file, '--db', db);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^new 1, updated 0, unchanged 0, withdrawn 0, rejected 1 \(/);
    expect(r.stderr).toContain('rejected in.ndjson line 2 (A2): loss.amount must be a decimal string like "1234.50", not the number 5.5');
    const again = run('import', file, '--db', db, '--json');
    expect(JSON.parse(again.stdout)).toMatchObject({ new: 0, unchanged: 1, rejected: 1 });
  });

  it('fails with exit 1 and one line, no stack trace, for a missing file or a newer store', () => {
    const dir = tempDir();
    const missing = path.join(dir, 'missing.ndjson');
    const r = run('import', missing, '--db', path.join(dir, 's.db'));
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`casegraph: cannot read ${missing}: no such file\n`);
    const newer = path.join(dir, 'newer.db');
    const raw = new Database(newer);
    raw.pragma('user_version = 999');
    raw.close();
    const refused = run('demo', '--reports', '10', '--db', newer);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^casegraph: this store was written by a newer Casegraph \(schema 999; .*\n$/);
  });

  it('makes the same demo data for the same seed', () => {
    const dir = tempDir();
    const a = path.join(dir, 'a.ndjson');
    const b = path.join(dir, 'b.ndjson');
    expect(run('demo', '--reports', '500', '--seed', '9', '--out', a).status).toBe(0);
    expect(run('demo', '--reports', '500', '--seed', '9', '--out', b).status).toBe(0);
    expect(fs.readFileSync(a).equals(fs.readFileSync(b))).toBe(true);
    const r = run('demo', '--reports', '500', '--seed', '9', '--db', path.join(dir, 'd.db'));
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^demo precinct \(seed 9\): new \d+/);
  });
});
