// Helpers for the case-file, audit and bundle specs: call the API as the page's session does,
// and wait for long jobs to finish.
import AxeBuilder from '@axe-core/playwright';
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import type { ApiArg, ApiMethod, ApiValue, Result } from '../../src/common/api';

export async function call<M extends ApiMethod>(request: APIRequestContext, origin: string, method: M, arg: ApiArg<M>): Promise<ApiValue<M>> {
  const answer = await request.post(`${origin}/api/call/${method}`, { headers: { 'X-Casegraph': '1' }, data: arg });
  const result = (await answer.json()) as Result<ApiValue<M>>;
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
  return result.value;
}

/** Wait until no job is running (the link run after a change, a relink we started). */
export async function idle(request: APIRequestContext, origin: string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if ((await call(request, origin, 'job.current', {})) === null) return;
    if (Date.now() > until) throw new Error('a job is still running');
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Run a full relink through the API and wait for it to end. */
export async function relink(request: APIRequestContext, origin: string): Promise<void> {
  await idle(request, origin);
  await call(request, origin, 'link.start', { full: true });
  await new Promise((r) => setTimeout(r, 300));
  await idle(request, origin);
}

/** Open a view by its hash on the served address (keeps the access token in the query). */
export async function openView(page: Page, url: string, hash: string): Promise<void> {
  const u = new URL(url);
  u.hash = hash;
  await page.goto(u.toString());
}

/** axe-core's serious and critical violations on the page as it is now, one line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  expect(result.passes.length, 'axe ran its rules').toBeGreaterThan(10);
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}
