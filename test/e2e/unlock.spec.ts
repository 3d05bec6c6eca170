// The store's lock in the browser, through `casegraph serve` started without CASEGRAPH_PASSPHRASE
// and without a terminal: the unlock screen (a wrong passphrase said in one sentence, the right
// one opens the app), a new store's passphrase chosen twice, and Settings → store and backups:
// change the passphrase (the store then opens with the new one only), back up (the file opens
// with the passphrase) and restore (the backup's data is back, the replaced store kept).
import { spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { CLI, apiCall, expect, makeDemoStore, startServe, test, watchConsole } from './serve-fixture';

const PASSPHRASE = process.env['CASEGRAPH_PASSPHRASE'] as string;
const NEW_PASSPHRASE = 'a new passphrase for the store';

/** The environment of a host started without the passphrase. */
function withoutPassphrase(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env['CASEGRAPH_PASSPHRASE'];
  return env;
}

const children: ChildProcess[] = [];
const dirs: string[] = [];
test.afterEach(() => {
  while (children.length) children.pop()?.kill('SIGTERM');
});
test.afterAll(() => {
  while (dirs.length) fs.rmSync(dirs.pop() as string, { recursive: true, force: true });
});

async function serveLocked(db: string): Promise<{ url: string; origin: string; token: string }> {
  const { child, url } = await startServe(db, withoutPassphrase());
  children.push(child);
  const parsed = new URL(url);
  return { url, origin: parsed.origin, token: parsed.searchParams.get('token') ?? '' };
}

async function stop(): Promise<void> {
  const child = children.pop();
  if (!child) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

async function unlock(page: Page, passphrase: string): Promise<void> {
  await expect(page.getByRole('heading', { name: '解锁数据库' })).toBeVisible();
  await page.getByLabel('口令', { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: '解锁' }).click();
}

test('a locked store: a wrong passphrase is said in one sentence, nothing answers meanwhile, the right one opens the app', async ({
  page,
}) => {
  const problems = watchConsole(page);
  const db = makeDemoStore(200);
  dirs.push(path.dirname(db));
  const served = await serveLocked(db);
  await expect(apiCall(served, 'reports.query', { offset: 0, limit: 5 })).rejects.toThrow('the store is locked');
  await page.goto(served.url);
  await expect(page.getByText(db)).toBeVisible();
  await unlock(page, 'not the passphrase at all');
  const alert = page.getByRole('alert');
  await expect(alert).toHaveText('口令不正确，无法打开这个数据库，请检查后重试。');
  await expect(page.getByText(/file is not a database/)).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('unlock-wrong.png') });
  await unlock(page, PASSPHRASE);
  await expect(page).toHaveURL(/#\/overview$/);
  const { reports } = await apiCall<{ reports: number }>(served, 'store.info', {});
  expect(reports).toBeGreaterThan(150);
  await expect(page.getByTestId('status-report-count')).toContainText(`${reports} 条报案`);
  expect(problems).toEqual([]);
});

test('a new store: the passphrase is chosen twice, at least 10 characters, and the store is made under it', async ({ page }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casegraph-e2e-'));
  dirs.push(dir);
  const db = path.join(dir, 'store.db');
  const served = await serveLocked(db);
  await page.goto(served.url);
  await expect(page.getByRole('heading', { name: '设置数据库口令' })).toBeVisible();
  const first = page.getByLabel('新口令');
  const again = page.getByLabel('再输入一次');
  const create = page.getByRole('button', { name: '创建数据库' });
  await first.fill('short');
  await create.click();
  await expect(page.getByText('口令至少需要 10 个字符。')).toBeVisible();
  await first.fill(NEW_PASSPHRASE);
  await again.fill(`${NEW_PASSPHRASE}!`);
  await create.click();
  await expect(page.getByText('两次输入的口令不一致。')).toBeVisible();
  expect(fs.existsSync(db)).toBe(false);
  await again.fill(NEW_PASSPHRASE);
  await create.click();
  await expect(page.getByRole('navigation').first()).toBeVisible();
  await expect(page.getByRole('heading', { name: '设置数据库口令' })).toHaveCount(0);
  expect(fs.existsSync(`${db}.key`)).toBe(true);
  // The CLI opens it with the chosen passphrase, and not with another.
  const cli = (passphrase: string) =>
    spawnSync(process.execPath, [CLI, 'series', '--db', db, '--json'], {
      encoding: 'utf8',
      env: { ...withoutPassphrase(), CASEGRAPH_PASSPHRASE: passphrase },
    });
  const right = cli(NEW_PASSPHRASE);
  expect(right.status, right.stderr).toBe(0);
  const wrong = cli(PASSPHRASE);
  expect(wrong.status).not.toBe(0);
  expect(wrong.stderr).toContain('the passphrase does not open the store');
});

test('settings: change the passphrase, back up, restore a backup', async ({ page }) => {
  test.setTimeout(180_000);
  const problems = watchConsole(page);
  const db = makeDemoStore(200);
  dirs.push(path.dirname(db));
  let served = await serveLocked(db);
  await page.goto(served.url);
  await unlock(page, PASSPHRASE);
  await expect(page).toHaveURL(/#\/overview$/);
  await page.goto(`${served.origin}/#/settings`);
  const section = page.getByRole('region', { name: '数据库与备份' });
  await expect(section.getByText(path.join(path.dirname(db), 'backups'), { exact: true })).toBeVisible();

  // Change the passphrase: a wrong current one is refused at its field, then it changes.
  const change = section.getByRole('form', { name: '更改口令' });
  await change.getByLabel('当前口令').fill('not the passphrase at all');
  await change.getByLabel('新口令', { exact: true }).fill(NEW_PASSPHRASE);
  await change.getByLabel('再输入一次新口令').fill(NEW_PASSPHRASE);
  await change.getByRole('button', { name: '更改口令' }).click();
  await expect(change.getByText('这不是数据库的当前口令，未做任何更改。')).toBeVisible();
  await change.getByLabel('当前口令').fill(PASSPHRASE);
  await change.getByLabel('新口令', { exact: true }).fill(NEW_PASSPHRASE);
  await change.getByLabel('再输入一次新口令').fill(NEW_PASSPHRASE);
  await change.getByRole('button', { name: '更改口令' }).click();
  await expect(change.getByText('口令已更改。')).toBeVisible();

  // Back up now, under the (new) passphrase: listed with its size, and it restores with the passphrase.
  const backup = section.getByRole('form', { name: '立即备份' });
  await backup.getByLabel('数据库口令').fill(NEW_PASSPHRASE);
  await backup.getByRole('button', { name: '立即备份' }).click();
  await expect(backup.getByText(/^已备份到 .*\.db（.+）。$/)).toBeVisible();
  const files = fs.readdirSync(path.join(path.dirname(db), 'backups')).filter((f) => f.endsWith('.db'));
  expect(files).toHaveLength(1);
  const file = path.join(path.dirname(db), 'backups', files[0] as string);
  expect(fs.existsSync(`${file}.key`)).toBe(true);
  await expect(section.getByTestId('backups').getByRole('row').filter({ hasText: file })).toBeVisible();
  const elsewhere = path.join(path.dirname(db), 'check.db');
  const check = spawnSync(process.execPath, [CLI, 'restore', file, '--db', elsewhere, '--json'], {
    encoding: 'utf8',
    env: { ...withoutPassphrase(), CASEGRAPH_PASSPHRASE: NEW_PASSPHRASE },
  });
  expect(check.status, check.stderr).toBe(0);

  // The store changes after the backup (a value on the ignore list)...
  await apiCall(served, 'ignore.set', { kind: 'phone', value: '4008123123', ignored: true, note: 'after the backup' });
  await page.reload();
  const ignoreTable = page.getByTestId('ignore-table');
  await expect(ignoreTable.getByRole('row').filter({ hasText: '4008123123' })).toBeVisible();

  // ...and the restore, once confirmed, brings back the backup's store without it, keeping the replaced store.
  const row = section.getByTestId('backups').getByRole('row').filter({ hasText: file });
  await row.getByRole('button', { name: '恢复…' }).click();
  const confirm = section.getByRole('alertdialog', { name: '恢复这个备份？' });
  await expect(confirm).toContainText(db);
  await expect(confirm).toContainText('被替换的数据库不会删除');
  await confirm.getByLabel('备份口令').fill(PASSPHRASE);
  await confirm.getByRole('button', { name: '用这个备份替换数据库' }).click();
  await expect(confirm.getByText('口令无法打开这个备份，未替换任何内容。')).toBeVisible();
  await confirm.getByLabel('备份口令').fill(NEW_PASSPHRASE);
  await confirm.getByRole('button', { name: '用这个备份替换数据库' }).click();
  await expect(section.getByText(/被替换的数据库保留为/)).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('restored.png') });
  const kept = fs.readdirSync(path.dirname(db)).filter((f) => /^store\.db\.replaced-\d{8}T\d{6}Z$/.test(f));
  expect(kept).toHaveLength(1);
  await section.getByRole('button', { name: '打开恢复后的数据库' }).click();
  await expect(page.getByRole('region', { name: '数据库与备份' })).toBeVisible();
  await expect(ignoreTable.getByRole('row').filter({ hasText: '95588' })).toBeVisible();
  await expect(ignoreTable.getByRole('row').filter({ hasText: '4008123123' })).toHaveCount(0);
  const audit = await apiCall<{ rows: { action: string }[] }>(served, 'audit.query', { action: 'store_restore', offset: 0, limit: 5 });
  expect(audit.rows).toHaveLength(1);

  expect(problems).toEqual([]);

  // A new launch: the old passphrase no longer opens the store, the new one does.
  await page.goto('about:blank');
  await stop();
  served = await serveLocked(db);
  await page.goto(served.url);
  await unlock(page, PASSPHRASE);
  await expect(page.getByRole('alert')).toHaveText('口令不正确，无法打开这个数据库，请检查后重试。');
  await unlock(page, NEW_PASSPHRASE);
  await expect(page).toHaveURL(/#\/overview$/);
});
