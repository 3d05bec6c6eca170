// A workstation's disk as an attacker who copied it sees it: one store filled the ways an
// investigator fills it — a demo, a report import, a sync from a real feed server on 127.0.0.1,
// a case bundle from another bureau, bank statements, a link run — and backed up, every command
// with its temporary folder pointed into the test's own. Afterwards no victim's phone or ID
// number from any of those sources is found as bytes (UTF-8 or UTF-16LE) in the store, its WAL,
// its key file, the backup or anything under the temporary folder.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { forgetKey } from '../../src/core/store/store-key';
import { startFeedServer, type FeedServer } from '../feed-server/feed-server';
import { cliOk, CLI } from '../support/kill-cli';
import { rawStore } from '../support/raw-store';
import { secretsOnDisk } from '../support/secrets-on-disk';
import { tempDir } from '../support/tmp';

const P = 'NJ-GULOU';
const TOKEN = 'at-rest-token-7c1e';

const servers: FeedServer[] = [];
afterEach(async () => {
  while (servers.length) await (servers.pop() as FeedServer).close();
});

beforeAll(() => {
  if (!fs.existsSync(CLI)) throw new Error('the built CLI is missing: npm test builds it first (npm run build)');
});

/** Every victim phone and ID number the store holds, with the source each report came by. */
function secretsOf(db: string): { values: string[]; sources: string[] } {
  forgetKey(db);
  const raw = rawStore(db, { readonly: true });
  try {
    const values = new Set<string>();
    for (const v of raw.prepare('SELECT victim FROM report WHERE victim IS NOT NULL').pluck().all() as string[]) {
      const o = JSON.parse(v) as Record<string, unknown>;
      for (const k of ['phone', 'id_number']) if (typeof o[k] === 'string' && (o[k] as string).length >= 11) values.add(o[k] as string);
    }
    const sources = raw.prepare('SELECT DISTINCT kind FROM source ORDER BY kind').pluck().all() as string[];
    return { values: [...values], sources };
  } finally {
    raw.close();
  }
}

describe('a workstation at rest', () => {
  it('after a demo, an import, a sync, a bundle import, statements, a link and a backup: no victim value on disk', async () => {
    const dir = tempDir();
    const tmp = path.join(dir, 'tmp');
    const storeDir = path.join(dir, 'store');
    const outside = path.join(dir, 'investigator');
    for (const d of [tmp, storeDir, outside]) fs.mkdirSync(d, { recursive: true });
    const env = { TMPDIR: tmp };
    const db = path.join(storeDir, 'store.db');
    const run = (args: string[]): Promise<string> => cliOk(args, { env });

    await run(['demo', '--reports', '300', '--seed', '71', '--db', db]);
    const imported = path.join(outside, 'import.ndjson');
    await run(['demo', '--reports', '200', '--seed', '72', '--out', imported]);
    const renamed = (file: string, prefix: string, precinct?: string): unknown[] =>
      fs
        .readFileSync(file, 'utf8')
        .trim()
        .split('\n')
        .map((line) => {
          const r = JSON.parse(line) as Record<string, unknown>;
          return { ...r, id: `RPT-${prefix}-${String(r['id']).slice(-7)}`, ...(precinct ? { precinct } : {}) };
        });
    fs.writeFileSync(
      imported,
      `${renamed(imported, 'IMP')
        .map((r) => JSON.stringify(r))
        .join('\n')}\n`,
    );
    await run(['import', imported, '--db', db]);

    const feedFile = path.join(outside, 'feed.ndjson');
    await run(['demo', '--reports', '200', '--seed', '73', '--out', feedFile]);
    const server = await startFeedServer({ feeds: { [P]: renamed(feedFile, 'SYN', P) }, tokens: { [TOKEN]: [P] } });
    servers.push(server);
    await cliOk(['sync', '--url', server.url, '--precinct', P, '--db', db], { env: { ...env, CASEGRAPH_TOKEN: TOKEN } });

    const issuer = path.join(outside, 'issuer.db');
    await run(['demo', '--reports', '400', '--seed', '74', '--db', issuer]);
    await run(['link', '--full', '--db', issuer]);
    const series = JSON.parse(await run(['series', '--json', '--db', issuer])) as { id: string; reports: string[] }[];
    const largest = series.reduce((a, b) => (b.reports.length > a.reports.length ? b : a));
    const bundle = path.join(outside, 'case.casebundle');
    await run(['export', largest.id, '--out', bundle, '--db', issuer]);
    await run(['import-bundle', bundle, '--db', db]);

    const statements = path.join(outside, 'statements');
    await run(['demo', '--reports', '300', '--seed', '71', '--out', path.join(outside, 'again.ndjson'), '--statements', statements]);
    await run(['import-statements', ...fs.readdirSync(statements).map((f) => path.join(statements, f)), '--db', db]);
    await run(['link', '--full', '--db', db]);
    const backup = path.join(storeDir, 'backups', 'store-backup.db');
    fs.mkdirSync(path.dirname(backup));
    await run(['backup', '--out', backup, '--db', db]);

    const { values, sources } = secretsOf(db);
    // Reports came by every way in, and their values are in the investigator's own files.
    expect(sources).toEqual(expect.arrayContaining(['bundle', 'demo', 'feed', 'file']));
    expect(values.length).toBeGreaterThan(500);
    const inInputs = secretsOnDisk([outside], values.slice(0, 50));
    expect(inInputs.length).toBeGreaterThan(0);
    expect(fs.readdirSync(storeDir)).toEqual(expect.arrayContaining(['store.db', 'backups']));
    expect(secretsOnDisk([storeDir, tmp], values)).toEqual([]);
  }, 240_000);
});
