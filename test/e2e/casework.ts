// Helpers for the case-file, audit and bundle specs: call the API as the page's session does,
// and wait for long jobs to finish.
import AxeBuilder from '@axe-core/playwright';
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import type { ApiArg, ApiEvent, ApiMethod, ApiValue, Result } from '../../src/common/api';
import { EventLog } from '../support/events';

export async function call<M extends ApiMethod>(
  request: APIRequestContext,
  origin: string,
  method: M,
  arg: ApiArg<M>,
): Promise<ApiValue<M>> {
  const answer = await request.post(`${origin}/api/call/${method}`, { headers: { 'X-Casegraph': '1' }, data: arg });
  const result = (await answer.json()) as Result<ApiValue<M>>;
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
  return result.value;
}

/** The backend's event stream (/api/events), read as the page reads it, with the session's token, into the tests' EventLog. */
class JobEvents {
  readonly log = new EventLog();
  private constructor(private readonly abort: AbortController) {}

  static async open(request: APIRequestContext, origin: string): Promise<JobEvents> {
    const token = (await request.storageState()).cookies.find((c) => c.name === 'casegraph_token')?.value;
    if (token === undefined) throw new Error('no session: open the served address first');
    const abort = new AbortController();
    const response = await fetch(`${origin}/api/events`, {
      headers: { 'X-Casegraph': '1', Authorization: `Bearer ${token}` },
      signal: abort.signal,
    });
    if (!response.ok || response.body === null) throw new Error(`the event stream answered ${response.status}`);
    const events = new JobEvents(abort);
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let resolveConnected: () => void = () => undefined;
    const connected = new Promise<void>((resolve) => (resolveConnected = resolve));
    void (async (): Promise<void> => {
      let buffer = '';
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          buffer += value;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) !== -1) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (block.startsWith(': connected')) resolveConnected();
            if (block.startsWith('data: ')) events.log.push(JSON.parse(block.slice(6)) as ApiEvent);
          }
        }
      } catch {
        // Aborted on close.
      }
    })();
    await connected;
    return events;
  }

  close(): void {
    this.abort.abort();
  }
}

const JOB_TIMEOUT_MS = 120_000;

/** Wait until no job is running (the link run after a change, a relink we started): each running job's end, as its event says. */
export async function idle(request: APIRequestContext, origin: string): Promise<void> {
  const events = await JobEvents.open(request, origin);
  try {
    await events.log.idle(() => call(request, origin, 'job.current', {}), JOB_TIMEOUT_MS);
  } finally {
    events.close();
  }
}

/** Run `change`, then wait for the link run it starts (a correction's relink) to finish. */
export async function afterRelink<T>(request: APIRequestContext, origin: string, change: () => Promise<T>): Promise<T> {
  const events = await JobEvents.open(request, origin);
  try {
    const value = await change();
    await events.log.done((o) => o.kind === 'link', { timeoutMs: JOB_TIMEOUT_MS });
    return value;
  } finally {
    events.close();
  }
}

/** Run a full relink through the API and wait for it to end. */
export async function relink(request: APIRequestContext, origin: string): Promise<void> {
  await idle(request, origin);
  const events = await JobEvents.open(request, origin);
  try {
    const { jobId } = await call(request, origin, 'link.start', { full: true });
    await events.log.outcome(jobId, JOB_TIMEOUT_MS);
  } finally {
    events.close();
  }
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
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
}
