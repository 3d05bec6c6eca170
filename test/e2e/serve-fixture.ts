// A worker-scoped fixture: a fresh demo store and `casegraph serve` on it, from the built CLI.
// The test reads the address (with its access token) from the server's stdout, as a user would.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type ConsoleMessage, type Page } from '@playwright/test';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const CLI = path.join(ROOT, 'out', 'main', 'casegraph.js');

export interface Served {
  readonly url: string;
  readonly origin: string;
  readonly db: string;
}

/** `casegraph serve` on `db`, without a terminal (stdin is /dev/null); `env` replaces the environment when given. */
export function startServe(db: string, env?: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [CLI, 'serve', '--db', db, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(env ? { env } : {}),
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout?.setEncoding('utf8').on('data', (c: string) => {
      out += c;
      const m = /^(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/m.exec(out);
      if (m?.[1]) resolve({ child, url: m[1] });
    });
    child.stderr?.setEncoding('utf8').on('data', (c: string) => (err += c));
    child.on('exit', (code) => reject(new Error(`casegraph serve exited with ${code}: ${err}`)));
  });
}

export function makeDemoStore(reports: number, seed = 1): string {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casegraph-e2e-'));
  const db = path.join(dir, 'store.db');
  const r = spawnSync(process.execPath, [CLI, 'demo', '--reports', String(reports), '--seed', String(seed), '--db', db], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`casegraph demo failed: ${r.stderr}`);
  return db;
}

/**
 * Copy a screenshot the test took into resources/screenshots (the README's pictures), only when
 * asked: `CASEGRAPH_UPDATE_SCREENSHOTS=1 npm test`. A plain test run never writes into the sources.
 */
export function keepScreenshot(file: string, name: string): void {
  if (process.env['CASEGRAPH_UPDATE_SCREENSHOTS'] !== '1') return;
  const dir = path.join(ROOT, 'resources', 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(file, path.join(dir, name));
}

/** Collects console errors and page errors, so a test can assert the app ran clean. */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return problems;
}

export const test = base.extend<{ consoleProblems: string[] }, { served: Served }>({
  served: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const db = makeDemoStore(3000);
      const { child, url } = await startServe(db);
      await use({ url, origin: new URL(url).origin, db });
      child.kill('SIGTERM');
      fs.rmSync(path.dirname(db), { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  consoleProblems: async ({ page }, use) => {
    await use(watchConsole(page));
  },
});

export { expect };

/** A linked store served to the browser: its address (with the token), origin, token and file. */
export interface Linked {
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  readonly db: string;
}

/**
 * A worker-scoped fixture of a linked demo store served by `casegraph serve`; `prepare` may add
 * to the store (statements, say) before it is linked.
 */
export function linkedStore(
  reports: number,
  seed = 1,
  prepare?: (db: string) => void,
): [(deps: object, use: (linked: Linked) => Promise<void>) => Promise<void>, { scope: 'worker' }] {
  return [
    // eslint-disable-next-line no-empty-pattern
    async ({}: object, use: (linked: Linked) => Promise<void>): Promise<void> => {
      const db = makeDemoStore(reports, seed);
      prepare?.(db);
      const r = spawnSync(process.execPath, [CLI, 'link', '--db', db], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`casegraph link failed: ${r.stderr}`);
      const { child, url } = await startServe(db);
      const parsed = new URL(url);
      await use({ url, origin: parsed.origin, token: parsed.searchParams.get('token') ?? '', db });
      child.kill('SIGTERM');
      fs.rmSync(path.dirname(db), { recursive: true, force: true });
    },
    { scope: 'worker' },
  ];
}

/** One API call over HTTP as the UI makes it; throws with the error's message. */
export async function apiCall<T>(linked: Pick<Linked, 'origin' | 'token'>, method: string, arg: unknown): Promise<T> {
  const response = await fetch(`${linked.origin}/api/call/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${linked.token}`, 'X-Casegraph': '1', 'Content-Type': 'application/json' },
    body: JSON.stringify(arg),
  });
  const result = (await response.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!result.ok) throw new Error(`${method}: ${result.error?.message}`);
  return result.value as T;
}
