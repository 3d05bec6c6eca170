// The built `casegraph` bundle commands as a user runs them: export, verify, import-bundle, keys,
// trust; exit codes 0/1/2, --json on stdout only, one-line errors.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/tmp';

const CLI = path.resolve(import.meta.dirname, '../../out/main/casegraph.js');

function run(args: string[], env: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, CASEGRAPH_DB: '/nonexistent/never-used.db', ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: npm test builds it first (npm run build)`);
});

describe('casegraph bundle commands', () => {
  it('export → verify → trust → import-bundle into another store, twice; keys and trust management', () => {
    const dir = tempDir();
    const issuer = path.join(dir, 'issuer', 'a.db');
    const receiver = path.join(dir, 'receiver', 'b.db');
    fs.mkdirSync(path.dirname(issuer));
    fs.mkdirSync(path.dirname(receiver));
    expect(run(['demo', '--reports', '600', '--seed', '4', '--db', issuer]).status).toBe(0);
    expect(run(['link', '--db', issuer]).status).toBe(0);
    const series = JSON.parse(run(['series', '--json', '--db', issuer]).stdout) as { id: string; reports: string[] }[];
    const top = series[0] as { id: string; reports: string[] };

    expect(run(['export', '--db', issuer]).status).toBe(2);
    expect(run(['export', top.id, '--db', issuer])).toMatchObject({
      status: 2,
      stderr: expect.stringMatching(/^casegraph: export needs --out FILE\n/),
    });
    expect(run(['export', 'S-NOPE', '--out', path.join(dir, 'x.casebundle'), '--db', issuer])).toMatchObject({
      status: 1,
      stderr: 'casegraph: no series with id S-NOPE\n',
    });

    const keyEnv = { CASEGRAPH_SHARING_KEY: 'agreed between the two bureaus' };
    expect(run(['keys', '--set-sharing-key', '--db', issuer], keyEnv).stdout).toContain('sharing key for redaction: set');
    const bundle = path.join(dir, 'case.casebundle');
    const exp = run(['export', top.id, '--out', bundle, '--redact', '--bureau', '玄武分局', '--db', issuer, '--json']);
    expect(exp.status).toBe(0);
    expect(JSON.parse(exp.stdout)).toMatchObject({ reports: top.reports.length, redaction: 'victims', seriesId: top.id });

    const keys = JSON.parse(run(['keys', '--json', '--db', issuer]).stdout) as {
      publicPem: string;
      fingerprint: string;
      sharingKeySet: boolean;
    };
    expect(keys).toMatchObject({ sharingKeySet: true, fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const pem = path.join(dir, 'xuanwu.pem');
    fs.writeFileSync(pem, keys.publicPem);

    const self = run(['verify', bundle, '--db', receiver]);
    expect(self.status).toBe(0);
    expect(self.stdout).toMatch(/^intact, self-consistent: signed by a key that is NOT in the trust list\n/);
    expect(run(['trust', 'add', pem, '--db', receiver]).status).toBe(2);
    expect(run(['trust', 'add', path.join(dir, 'missing.pem'), '--name', 'X', '--db', receiver])).toMatchObject({ status: 1 });
    expect(run(['trust', 'add', pem, '--name', '玄武分局', '--db', receiver]).status).toBe(0);
    expect(JSON.parse(run(['trust', 'list', '--json', '--db', receiver]).stdout)).toEqual([
      expect.objectContaining({ fingerprint: keys.fingerprint, name: '玄武分局' }),
    ]);
    expect(JSON.parse(run(['verify', bundle, '--json', '--db', receiver]).stdout)).toMatchObject({
      intact: true,
      signer: 'trusted',
      signerName: '玄武分局',
    });

    const imp = run(['import-bundle', bundle, '--db', receiver, '--json']);
    expect(imp.status).toBe(0);
    expect(JSON.parse(imp.stdout)).toMatchObject({ new: top.reports.length, alreadyImported: false });
    const linked = JSON.parse(run(['series', '--json', '--db', receiver]).stdout) as { reports: string[] }[];
    expect(linked.map((s) => s.reports)).toEqual([top.reports]);
    expect(run(['import-bundle', bundle, '--db', receiver]).stdout).toMatch(/^this bundle was imported before: nothing changed\n/);

    // A tampered bundle: verify exits 1 with one line, import-bundle stores nothing.
    const bytes = fs.readFileSync(bundle);
    const mid = Math.floor(bytes.length / 2);
    bytes[mid] = (bytes[mid] as number) ^ 0xff;
    const bad = path.join(dir, 'bad.casebundle');
    fs.writeFileSync(bad, bytes);
    const v = run(['verify', bad, '--db', receiver]);
    expect(v.status).toBe(1);
    expect(v.stderr).toMatch(/^casegraph: the bundle is not intact: .+\n$/);
    const fresh = path.join(dir, 'fresh', 'c.db');
    const rejected = run(['import-bundle', bad, '--db', fresh]);
    expect(rejected).toMatchObject({
      status: 1,
      stderr: expect.stringMatching(/^casegraph: bundle rejected, nothing was stored: .*altered/m),
    });
    expect(JSON.parse(run(['series', '--json', '--all', '--db', fresh]).stdout)).toEqual([]);

    expect(run(['trust', 'remove', 'ffff', '--db', receiver]).status).toBe(1);
    expect(run(['trust', 'remove', keys.fingerprint, '--db', receiver]).stdout).toBe('removed\n');
    expect(run(['trust', 'frob', '--db', receiver]).status).toBe(2);
  }, 120_000);
});
