// The desktop app end to end, through Playwright's _electron. It needs an Electron binary and
// better-sqlite3-multiple-ciphers built for Electron (npm start makes it); where either is missing — as on CI,
// which cannot download Electron — the test is skipped and says why.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import type { ApiEvent, JobProgress } from '../../src/common/api';
import { EventLog } from '../support/events';
import { ROOT, watchConsole } from './serve-fixture';

/** The preload's bridge, as the page sees it. */
interface Bridge {
  call(method: string, arg: unknown): Promise<{ ok: boolean; value?: unknown }>;
  onEvent(listener: (e: unknown) => void): () => void;
}

function electronBinary(): string | null {
  const pkg = path.join(ROOT, 'node_modules', 'electron');
  const pathFile = path.join(pkg, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const rel = fs.readFileSync(pathFile, 'utf8').trim();
  const dist = process.env['ELECTRON_OVERRIDE_DIST_PATH'] ?? path.join(pkg, 'dist');
  const bin = path.join(dist, rel);
  return fs.existsSync(bin) ? bin : null;
}

function nativeBuild(): string | null {
  const version = (JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/electron/package.json'), 'utf8')) as { version: string })
    .version;
  const file = path.join(ROOT, '.native', `electron-${version}`, 'better_sqlite3_multiple_ciphers.node');
  return fs.existsSync(file) ? file : null;
}

const binary = electronBinary();
const native = nativeBuild();
const skipReason = !binary
  ? 'no Electron binary in node_modules/electron/dist (Electron >= 42 downloads it on first use, and this machine has no network to do so)'
  : !native
    ? 'better-sqlite3-multiple-ciphers is not built for Electron yet (.native/); run npm start once'
    : null;

// Say it in the run's output too, not only in the report's annotations.
if (skipReason) console.warn(`Electron end-to-end test skipped: ${skipReason}`);

test.describe('Electron app', () => {
  test.skip(skipReason !== null, skipReason ?? '');

  test('starts with a locked-down window, offers the demo, loads it, and shows reports', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casegraph-electron-'));
    const app = await electron.launch({
      executablePath: binary ?? undefined,
      args: [ROOT],
      env: { ...process.env, CASEGRAPH_DB: path.join(dir, 'store.db') },
    });
    try {
      const page = await app.firstWindow();
      const problems = watchConsole(page);
      // Context isolation and the sandbox: no Node in the page, only the preload's small wrapper.
      const exposed = await page.evaluate(() => ({
        require: typeof (globalThis as { require?: unknown }).require,
        process: typeof (globalThis as { process?: unknown }).process,
        bridge: Object.keys((globalThis as { casegraph?: object }).casegraph ?? {}).sort(),
      }));
      expect(exposed).toEqual({ require: 'undefined', process: 'undefined', bridge: ['call', 'onEvent', 'pathForFile', 'saveFile'] });
      await page
        .getByRole('button', { name: /演示|demo/i })
        .first()
        .click();
      await expect(page.getByRole('grid').or(page.getByRole('table')).first()).toBeVisible({ timeout: 60_000 });
      await page.screenshot({ path: test.info().outputPath('electron-reports.png') });
      expect(problems).toEqual([]);
    } finally {
      await app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('exports a case bundle to the path chosen in the save dialog', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casegraph-electron-'));
    const target = path.join(dir, 'chosen.casebundle');
    const app = await electron.launch({
      executablePath: binary ?? undefined,
      args: [ROOT],
      env: { ...process.env, CASEGRAPH_DB: path.join(dir, 'store.db') },
    });
    try {
      // The OS dialog cannot be clicked by a test: answer it in the main process as a user would.
      await app.evaluate(({ dialog }, file) => {
        dialog.showSaveDialog = (async () => ({ canceled: false, filePath: file })) as typeof dialog.showSaveDialog;
      }, target);
      const page = await app.firstWindow();
      await page
        .getByRole('button', { name: /演示|demo/i })
        .first()
        .click();
      await expect(page.getByRole('grid').or(page.getByRole('table')).first()).toBeVisible({ timeout: 60_000 });
      // The app's own event stream, handed to the test's EventLog, and its API, as the page calls them.
      const events = new EventLog();
      await page.exposeFunction('casegraphTestEvent', (e: ApiEvent) => events.push(e));
      await page.evaluate(() => {
        const g = globalThis as unknown as { casegraph: Bridge; casegraphTestEvent(e: unknown): void };
        g.casegraph.onEvent((e) => g.casegraphTestEvent(e));
      });
      const call = async <T>(method: string, arg: unknown): Promise<T> =>
        (await page.evaluate(([m, a]) => (globalThis as unknown as { casegraph: Bridge }).casegraph.call(m as string, a), [method, arg]))
          .value as T;
      await events.idle(() => call<JobProgress | null>('job.current', {}));
      const started = await call<{ jobId: string }>('link.start', { full: true });
      await events.outcome(started.jobId);
      const page1 = await call<{ rows: { id: string }[] }>('series.query', { offset: 0, limit: 1 });
      const caseId = (await call<{ id: string }>('cases.create', { title: 'Electron export', series: [page1.rows[0]?.id] })).id;
      await page.evaluate((id) => (window.location.hash = `#/cases/${encodeURIComponent(id)}`), caseId);
      await page.getByRole('button', { name: '导出案件包' }).click();
      await expect(page.getByText('已保存到')).toBeVisible({ timeout: 60_000 });
      expect(fs.readFileSync(target).subarray(0, 2).toString('latin1')).toBe('PK');
    } finally {
      await app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
