// A bulk import (a file of 48 MiB and more into an empty store drops the randomly keyed indexes
// while loading, see src/core/store/bulk-load.ts) killed with SIGKILL mid-file: the next open
// builds the indexes again, the store holds whole records only, and importing the file again
// completes it.
import { spawn } from 'node:child_process';
import { rawStore } from '../support/raw-store';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryReports } from '../../src/core/report/queries';
import { bulkLoadPending } from '../../src/core/store/bulk-load';
import { openStore, type Db } from '../../src/core/store/db';
import { tempDir } from '../support/tmp';

const CLI = path.resolve(import.meta.dirname, '../../out/main/casegraph.js');

beforeAll(() => {
  if (!fs.existsSync(CLI)) throw new Error('the built CLI is missing: npm test builds it first (npm run build)');
});

function run(
  args: readonly string[],
  killWhen?: () => boolean,
): Promise<{ status: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    // Look at the store every 20 ms and kill at the first moment it is mid-load (progress lines
    // come only every 2 s, and on an idle machine the whole import takes about as long).
    const watch =
      killWhen === undefined
        ? null
        : setInterval(() => {
            if (child.exitCode === null && killWhen()) child.kill('SIGKILL');
          }, 20);
    child.on('error', reject);
    child.on('close', (status, signal) => {
      if (watch) clearInterval(watch);
      resolve({ status, signal, stdout, stderr });
    });
  });
}

const n = (db: Db, sql: string): number => db.prepare(sql).pluck().get() as number;

describe('a bulk import killed with SIGKILL', () => {
  it('leaves a store that the next open repairs, with whole records, and that a second import completes', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'demo.ndjson');
    const db = path.join(dir, 'store.db');
    expect((await run(['demo', '--reports', '45000', '--seed', '7', '--out', file])).status).toBe(0);
    expect(fs.statSync(file).size).toBeGreaterThan(48 * 1024 * 1024);

    // Mid-load: the bulk load has begun (its undo record is committed) and some reports are in.
    // The reader runs ahead of the writer, so the first progress line can come before that.
    const midLoad = (): boolean => {
      if (!fs.existsSync(db)) return false;
      const peek = rawStore(db, { readonly: true });
      try {
        const begun =
          peek.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'setting'").pluck().get() === 1 &&
          peek.prepare("SELECT count(*) FROM setting WHERE key = 'bulk_load'").pluck().get() === 1;
        return begun && (peek.prepare('SELECT count(*) FROM report').pluck().get() as number) > 0;
      } catch {
        return false; // the schema is still being created
      } finally {
        peek.close();
      }
    };
    const killed = await run(['import', file, '--db', db, '--json'], midLoad);
    expect(killed.signal, killed.stderr).toBe('SIGKILL');

    // Killed mid-load: the indexes are still dropped, the undo record is there.
    const raw = rawStore(db, { readonly: true });
    try {
      expect(raw.prepare("SELECT count(*) FROM setting WHERE key = 'bulk_load'").pluck().get()).toBe(1);
      expect(raw.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'identifier_link'").pluck().get()).toBe(0);
    } finally {
      raw.close();
    }

    const store = openStore(db);
    try {
      expect(bulkLoadPending(store)).toBe(false);
      expect(store.pragma('integrity_check', { simple: true })).toBe('ok');
      const names = store.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").pluck().all();
      for (const name of ['identifier_link', 'identifier_domain', 'report_reported', 'report_loss', 'report_category'])
        expect(names).toContain(name);
      // Whole records: every current report has its version in the history, its text indexed.
      const reports = n(store, 'SELECT count(*) FROM report');
      expect(reports).toBeLessThan(45_000);
      expect(
        n(
          store,
          'SELECT count(*) FROM report r WHERE NOT EXISTS (SELECT 1 FROM report_version v WHERE v.report_id = r.id AND v.version = r.version)',
        ),
      ).toBe(0);
      expect(() => store.exec("INSERT INTO report_text (report_text) VALUES ('integrity-check')")).not.toThrow();
    } finally {
      store.close();
    }

    const resumed = await run(['import', file, '--db', db, '--json']);
    expect(resumed.status, resumed.stderr).toBe(0);
    const store2 = openStore(db);
    try {
      expect(n(store2, 'SELECT count(*) FROM report')).toBe(45_000);
      expect(
        n(
          store2,
          'SELECT count(*) FROM report WHERE withdrawn = 0 AND narrative IS NULL AND NOT EXISTS (SELECT 1 FROM message m WHERE m.rid = report.rid)',
        ),
      ).toBe(0);
      expect(store2.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(() => store2.exec("INSERT INTO report_text (report_text) VALUES ('integrity-check')")).not.toThrow();
      expect(queryReports(store2, { text: '客服', offset: 0, limit: 5 }).total).toBeGreaterThan(0);
    } finally {
      store2.close();
    }
  }, 240_000);
});
