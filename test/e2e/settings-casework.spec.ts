// The ignore list in Settings: a shipped default turned off and on again, an investigator's
// value added and removed; each change is in the audit log.
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
