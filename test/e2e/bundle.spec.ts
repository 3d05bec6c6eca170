// Case bundles from the UI: export from a case file (a download in the browser host), then, on
// another workstation's store, trust the sender's key in Settings and import the bundle by drag
// and drop; the provenance is listed. A damaged bundle is refused with the reason.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { showFingerprint } from '../../src/renderer/src/bundles/fingerprint';
import { call, openView, relink, seriousViolations } from './casework';
import { expect, keepScreenshot, makeDemoStore, startServe, test } from './serve-fixture';

test.describe.configure({ mode: 'serial' });

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'casegraph-bundle-e2e-'));
let bundleFile = '';
let senderPem = '';
let senderFingerprint = '';

/** Drop files on an element as the OS would (a DataTransfer carrying File objects). */
async function dropFile(page: Page, selector: string, file: string): Promise<void> {
  const bytes = fs.readFileSync(file).toString('base64');
  const name = path.basename(file);
  const transfer = await page.evaluateHandle(
    ({ bytes: b64, name: fileName }) => {
      const raw = atob(b64);
      const data = new Uint8Array(raw.length);
      for (let i = 0; i < raw.length; i++) data[i] = raw.charCodeAt(i);
      const dt = new DataTransfer();
      dt.items.add(new File([data], fileName, { type: 'application/zip' }));
      return dt;
    },
    { bytes, name },
  );
  await page.dispatchEvent(selector, 'dragenter', { dataTransfer: transfer });
  await page.dispatchEvent(selector, 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent(selector, 'drop', { dataTransfer: transfer });
}

test('a case is exported as a redacted bundle from the UI and downloaded', async ({ page, served, consoleProblems }) => {
  await page.goto(served.url);
  const { origin } = served;
  await relink(page.request, origin);
  const series = (await call(page.request, origin, 'series.query', { offset: 0, limit: 1 })).rows[0];
  if (!series) throw new Error('no series');
  const created = await call(page.request, origin, 'cases.create', { title: '跨区刷单团伙', series: [series.id] });
  const key = await call(page.request, origin, 'keys.get', {});
  senderPem = key.publicPem;
  senderFingerprint = key.fingerprint;

  // The issuing bureau's name goes into every bundle.
  await openView(page, served.url, '#/settings');
  await page.getByRole('textbox', { name: '本单位名称' }).fill('南京市公安局玄武分局反诈中心');
  await page.getByRole('button', { name: '保存单位名称' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已保存' }).first()).toBeVisible();

  await openView(page, served.url, `#/cases/${encodeURIComponent(created.id)}`);
  await expect(page.getByRole('heading', { name: '导出案件包' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: '对受害人信息脱敏' })).toBeChecked();
  await page.getByRole('button', { name: '导出案件包' }).click();
  const link = page.getByTestId('bundle-download');
  await expect(link).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('status').filter({ hasText: '受害人信息已脱敏' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('heading', { name: '导出案件包' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('export.png') });
  keepScreenshot(test.info().outputPath('export.png'), 'export.png');

  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toMatch(/\.casebundle$/);
  bundleFile = path.join(work, download.suggestedFilename());
  await download.saveAs(bundleFile);
  const head = fs.readFileSync(bundleFile).subarray(0, 2).toString('latin1');
  expect(head).toBe('PK'); // a ZIP archive

  // The export is attached to the case.
  await page.reload();
  await expect(page.getByTestId('case-exports').locator('tbody tr')).toHaveCount(1);
  await expect(page.getByTestId('case-exports')).toContainText('受害人信息已脱敏');
  expect(consoleProblems).toEqual([]);
});

test('another bureau trusts the key, drops the bundle on Import, sees the signer, imports it and sees the provenance', async ({
  page,
  consoleProblems,
}) => {
  expect(bundleFile).not.toBe('');
  const db = makeDemoStore(200, 7);
  const { child, url } = await startServe(db);
  try {
    const origin = new URL(url).origin;
    await page.goto(url);

    // Trust the sender's key in Settings, pasting its PEM.
    await openView(page, url, '#/settings');
    await page.getByRole('textbox', { name: '单位名称', exact: true }).fill('南京市公安局玄武分局');
    // The key arrives as a .pem file (picked here; pasting works too).
    const pemFile = path.join(work, 'nanjing-xuanwu.pem');
    fs.writeFileSync(pemFile, `Nanjing Xuanwu PSB signing key\n${senderPem}`);
    await page.getByTestId('trust-file-input').setInputFiles(pemFile);
    await expect(page.getByRole('textbox', { name: '公钥（PEM）' }).last()).toHaveValue(senderPem.trim());
    await page.getByRole('button', { name: '信任此密钥' }).click();
    await expect(page.getByTestId('trust-table')).toContainText('南京市公安局玄武分局');
    await expect(page.getByTestId('trust-table')).toContainText(showFingerprint(senderFingerprint));

    // A damaged copy is refused before anything is stored.
    const damaged = path.join(work, 'damaged.casebundle');
    const bytes = fs.readFileSync(bundleFile);
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = (bytes[middle] ?? 0) ^ 0xff;
    fs.writeFileSync(damaged, bytes);
    await openView(page, url, '#/import');
    await dropFile(page, '.drop-zone', damaged);
    await expect(page.getByTestId('bundle-signer')).toContainText('不完整');
    await expect(page.getByRole('button', { name: '导入案件包' })).toHaveCount(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '放弃' }).click();

    // The real one: trusted signer, then imported.
    await dropFile(page, '.drop-zone', bundleFile);
    await expect(page.getByTestId('bundle-signer')).toContainText('南京市公安局玄武分局');
    await page.getByRole('button', { name: '导入案件包' }).click();
    await expect(page.getByTestId('bundle-imported')).toBeVisible({ timeout: 60_000 });
    const provenance = page.getByTestId('bundle-provenance');
    await expect(provenance.locator('tbody tr')).toHaveCount(1);
    await expect(provenance).toContainText('受信任');
    await expect(provenance).toContainText('受害人信息已脱敏');
    await expect(provenance).toContainText('跨区刷单团伙');
    await expect(provenance).toContainText('南京市公安局玄武分局反诈中心');
    expect(await seriousViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 1150 });
    await page.screenshot({ path: test.info().outputPath('bundle-import.png') });
    await page.setViewportSize({ width: 1280, height: 720 });
    keepScreenshot(test.info().outputPath('bundle-import.png'), 'bundle-import.png');
    const imports = await call(page.request, origin, 'bundle.imports', {});
    expect(imports).toHaveLength(1);
    expect(showFingerprint(imports[0]?.signerFingerprint ?? '')).toBe(showFingerprint(senderFingerprint));

    // Picking the same bundle again (file input) changes nothing.
    await page.getByTestId('import-file-input').setInputFiles(bundleFile);
    await page.getByRole('button', { name: '导入案件包' }).click();
    await expect(page.getByTestId('bundle-imported')).toContainText('以前已导入过');
    expect(consoleProblems).toEqual([]);
  } finally {
    child.kill('SIGTERM');
    fs.rmSync(path.dirname(db), { recursive: true, force: true });
  }
});

test.afterAll(() => fs.rmSync(work, { recursive: true, force: true }));
