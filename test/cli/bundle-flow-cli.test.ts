// A series' money flow through the built CLI's bundle commands: the demo precinct with its gangs'
// statements, a series exported with its flow (counts in the manifest), verified, imported into
// another store, where `flow trace` from its payee card gives the issuer's figures.
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtFile } from '../support/built';
import { pythonWith } from '../support/python';
import { tempDir } from '../support/tmp';

function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [builtFile('casegraph.js'), ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('casegraph export and import-bundle with the money flow', () => {
  it('carries a series’ flow to another store with the same trace', () => {
    const dir = tempDir();
    const issuer = path.join(dir, 'issuer', 'a.db');
    const receiver = path.join(dir, 'receiver', 'b.db');
    const demo = run('demo', '--reports', '600', '--seed', '4', '--statements', path.join(dir, 'statements'), '--db', issuer);
    expect(demo.status, demo.stderr).toBe(0);
    expect(run('link', '--db', issuer).status).toBe(0);
    const series = JSON.parse(run('series', '--json', '--db', issuer).stdout) as { id: string }[];
    let bundle: string | null = null;
    let counts: Record<string, number> = {};
    for (const s of series.slice(0, 20)) {
      const file = path.join(dir, `${s.id}.casebundle`);
      const exp = run('export', s.id, '--out', file, '--bureau', '玄武分局', '--db', issuer, '--json');
      expect(exp.status, exp.stderr).toBe(0);
      counts = (JSON.parse(exp.stdout) as { counts: Record<string, number> }).counts;
      if ((counts['flow_transactions'] ?? 0) > 0) {
        bundle = file;
        break;
      }
    }
    expect(bundle, 'a demo series whose payee cards the statements carry').not.toBeNull();
    expect(run('verify', bundle as string)).toMatchObject({ status: 0 });
    const imported = run('import-bundle', bundle as string, '--db', receiver);
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stdout).toContain(
      `money flow: ${counts['flow_accounts']} accounts, ${counts['flow_transactions']} transactions (${counts['flow_transactions']} new, 0 already stored)`,
    );
    // The first payee card in flow/accounts.csv, read with Python's zipfile.
    const card = execFileSync(
      pythonWith('zipfile'),
      [
        '-c',
        `import zipfile, csv, io, sys
rows = list(csv.DictReader(io.StringIO(zipfile.ZipFile(sys.argv[1]).read('flow/accounts.csv').decode('utf-8-sig'))))
print(next(r['account'] for r in rows if r['role'] == 'card'))`,
        bundle as string,
      ],
      { encoding: 'utf8' },
    ).trim();
    const trace = (db: string): unknown => JSON.parse(run('flow', 'trace', '--card', card, '--json', '--db', db).stdout);
    expect(trace(receiver)).toEqual(trace(issuer));
    expect((trace(receiver) as { accounts: unknown[] }).accounts.length).toBeGreaterThan(1);
  }, 120_000);
});
