// Settings for the investigator's work: the ignore list (a shipped default turned off and on
// again, a value added and removed, each change audited), the reference sites (likewise), the
// workstation key and the sharing key.
import { showFingerprint } from '../../src/renderer/src/bundles/fingerprint';
import { call, idle, openView } from './casework';
import { expect, test } from './serve-fixture';

test('the ignore list: turn a shipped default off and on, add and remove a value', async ({ page, served, consoleProblems }) => {
  await page.goto(served.url);
  await openView(page, served.url, '#/settings');
  const table = page.getByTestId('ignore-table');
  const icbc = table.getByRole('row').filter({ hasText: '95588' });
  await expect(icbc).toContainText('工商银行客服热线');
  await expect(icbc).toContainText('已忽略');
  await icbc.getByRole('button', { name: '停止忽略 95588' }).click();
  await expect(icbc).toContainText('已在本机停用');
  await idle(page.request, served.origin);
  await icbc.getByRole('button', { name: '重新忽略 95588' }).click();
  await expect(icbc).toContainText('已忽略');
  await idle(page.request, served.origin);

  const form = page.getByRole('region', { name: '忽略列表' });
  await form.getByRole('button', { name: '加入忽略列表' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '请填写要忽略的值' })).toBeVisible();
  await form.getByRole('combobox', { name: '类型' }).selectOption('phone');
  await form.getByRole('textbox', { name: '值' }).fill('4008123123');
  await form.getByRole('textbox', { name: '说明' }).fill('某快递公司客服');
  await form.getByRole('button', { name: '加入忽略列表' }).click();
  const mine = table.getByRole('row').filter({ hasText: '4008123123' });
  await expect(mine).toContainText('某快递公司客服');
  await expect(mine).toContainText('添加于');
  await page.screenshot({ path: test.info().outputPath('settings-ignore.png') });
  await idle(page.request, served.origin);
  await mine.getByRole('button', { name: '删除 4008123123' }).click();
  await expect(mine).toHaveCount(0);
  await idle(page.request, served.origin);

  const audit = await call(page.request, served.origin, 'audit.query', { text: '4008123123', offset: 0, limit: 10 });
  expect(audit.rows.map((r) => r.action).sort()).toEqual(['ignore_add', 'ignore_remove']);
  expect(consoleProblems).toEqual([]);
});

test('the reference sites: find one, turn a shipped one off and on, add and remove a site', async ({ page, served, consoleProblems }) => {
  await page.goto(served.url);
  await openView(page, served.url, '#/settings');
  const region = page.getByRole('region', { name: '参考网站' });
  const table = page.getByTestId('reference-table');
  const find = region.getByRole('searchbox', { name: '查找网站' });
  await find.fill('virustotal');
  await expect(region.getByRole('status')).toHaveText(/^显示 1 个，共 \d+ 个网站。$/);
  const vt = table.getByRole('row').filter({ hasText: 'virustotal.com' });
  await expect(vt).toContainText('VirusTotal 文件与网址扫描');
  await expect(vt).toContainText('安全扫描');
  await expect(vt).toContainText('生效');
  await vt.getByRole('button', { name: '停用 virustotal.com' }).click();
  await expect(vt).toContainText('已在本机停用');
  await idle(page.request, served.origin);
  await vt.getByRole('button', { name: '重新启用 virustotal.com' }).click();
  await expect(vt).toContainText('生效');
  await idle(page.request, served.origin);

  await region.getByRole('button', { name: '加入参考网站' }).click();
  await expect(region.getByRole('alert').filter({ hasText: '请填写域名' })).toBeVisible();
  const domain = region.getByRole('textbox', { name: '域名' });
  await expect(domain).toHaveAttribute('aria-invalid', 'true');
  await domain.fill('https://www.KB.Example-Forum.cn/');
  await region.getByRole('combobox', { name: '类别' }).selectOption('forum');
  await region.getByRole('textbox', { name: '说明' }).fill('本地论坛，报案人常引用');
  await region.getByRole('button', { name: '加入参考网站' }).click();
  await expect(domain).toHaveValue('');
  await find.fill('example-forum');
  const mine = table.getByRole('row').filter({ hasText: 'kb.example-forum.cn' });
  await expect(mine).toContainText('论坛');
  await expect(mine).toContainText('本地论坛，报案人常引用');
  await expect(mine).toContainText('添加于');
  await page.screenshot({ path: test.info().outputPath('settings-references.png') });
  await idle(page.request, served.origin);
  await mine.getByRole('button', { name: '删除 kb.example-forum.cn' }).click();
  await expect(mine).toHaveCount(0);
  await expect(region.getByRole('status')).toHaveText('没有符合条件的参考网站。');
  await idle(page.request, served.origin);

  const audit = async (text: string): Promise<string[]> =>
    (await call(page.request, served.origin, 'audit.query', { text, offset: 0, limit: 10 })).rows.map((r) => r.action);
  expect(await audit('kb.example-forum.cn')).toEqual(['reference_remove', 'reference_add']);
  expect(await audit('virustotal.com')).toEqual(['reference_add', 'reference_remove']);
  expect(consoleProblems).toEqual([]);
});

test('the workstation key is shown and copied; the sharing key is write-only', async ({ page, served, consoleProblems, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: served.origin });
  await page.goto(served.url);
  const key = await call(page.request, served.origin, 'keys.get', {});
  await openView(page, served.url, '#/settings');
  await expect(page.getByTestId('key-fingerprint')).toHaveText(showFingerprint(key.fingerprint));
  await page.getByRole('button', { name: '复制公钥' }).click();
  await expect(page.getByText('已复制。')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key.publicPem);

  await expect(page.getByTestId('sharing-state')).toContainText('未设置');
  const input = page.getByRole('region', { name: '共享密钥' }).getByLabel('共享密钥', { exact: true });
  await input.fill('short');
  await page.getByRole('button', { name: '保存共享密钥' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '至少需要 16 个字符' })).toBeVisible();
  await input.fill('南京-东莞 2026 协查共享密钥');
  await page.getByRole('button', { name: '保存共享密钥' }).click();
  await expect(page.getByTestId('sharing-state')).toContainText('已设置');
  // Never shown back: the field is empty and the page does not contain the key.
  await expect(page.getByRole('region', { name: '共享密钥' }).getByLabel('新的共享密钥（将替换当前密钥）')).toHaveValue('');
  expect(await page.content()).not.toContain('协查共享密钥');
  expect((await call(page.request, served.origin, 'keys.get', {})).sharingKeySet).toBe(true);
  await page.getByRole('button', { name: '清除共享密钥' }).click();
  await expect(page.getByTestId('sharing-state')).toContainText('未设置');
  expect(consoleProblems).toEqual([]);
});
