// ApiClient for the browser host (`casegraph serve`): same-origin HTTP. Authentication is
// the cookie the server set when the page was opened with ?token=; every request sends it
// (credentials: 'same-origin') and the X-Casegraph header the server requires against CSRF.

import type { ApiArg, ApiClient, ApiEvent, ApiMethod, ApiValue, Result } from '../../../common/api';
import { failure, isResult } from './result-shape';
import { SseParser } from './sse-parser';

const HEADERS = { 'X-Casegraph': '1' } as const;
const RETRY_MIN_MS = 1000;
const RETRY_MAX_MS = 30_000;

async function readResult(response: Response): Promise<Result<unknown>> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (isResult(body)) return body;
  if (response.status === 401 || response.status === 403) {
    return failure('unauthorized', 'The session is not authorised; open the link casegraph serve printed again.');
  }
  return failure('bad_response', `The server answered with HTTP ${response.status} and no result.`);
}

/** A fetch that threw: the server is down or unreachable. */
function offline(error: unknown): ReturnType<typeof failure> {
  return failure('offline', error instanceof Error ? error.message : 'The server cannot be reached.');
}

/** One shared event stream for all listeners, reconnecting with back-off while anyone listens. */
class EventStream {
  private readonly listeners = new Set<(event: ApiEvent) => void>();
  private abort: AbortController | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private retryMs = RETRY_MIN_MS;

  constructor(private readonly url: string) {}

  subscribe(listener: (event: ApiEvent) => void): () => void {
    this.listeners.add(listener);
    if (this.listeners.size === 1) this.connect();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  }

  private stop(): void {
    this.abort?.abort();
    this.abort = null;
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private connect(): void {
    const abort = new AbortController();
    this.abort = abort;
    this.read(abort.signal).then(
      () => this.scheduleReconnect(abort),
      () => this.scheduleReconnect(abort),
    );
  }

  private scheduleReconnect(abort: AbortController): void {
    if (abort.signal.aborted || this.abort !== abort || this.listeners.size === 0) return;
    const delay = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.listeners.size > 0) this.connect();
    }, delay);
  }

  private async read(signal: AbortSignal): Promise<void> {
    const response = await fetch(this.url, {
      credentials: 'same-origin',
      headers: { ...HEADERS, Accept: 'text/event-stream' },
      cache: 'no-store',
      signal,
    });
    if (!response.ok || response.body === null) return;
    this.retryMs = RETRY_MIN_MS;
    const parser = new SseParser();
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      for (const data of parser.push(value)) this.dispatch(data);
    }
  }

  private dispatch(data: string): void {
    let event: ApiEvent;
    try {
      // The server implements the same contract; a line that is not JSON is dropped.
      event = JSON.parse(data) as ApiEvent;
    } catch {
      return;
    }
    for (const listener of [...this.listeners]) listener(event);
  }
}

export function createHttpClient(base = ''): ApiClient {
  const events = new EventStream(`${base}/api/events`);

  async function upload(file: File): Promise<Result<{ readonly path: string }>> {
    try {
      const response = await fetch(`${base}/api/upload?name=${encodeURIComponent(file.name)}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { ...HEADERS, 'Content-Type': 'application/octet-stream' },
        body: file,
      });
      const result = await readResult(response);
      if (!result.ok) return result;
      const value: unknown = result.value;
      if (typeof value === 'object' && value !== null && 'path' in value && typeof value.path === 'string') {
        return { ok: true, value: { path: value.path } };
      }
      return failure('bad_response', 'The server did not say where it stored the upload.');
    } catch (error) {
      return offline(error);
    }
  }

  return {
    async call<M extends ApiMethod>(method: M, arg: ApiArg<M>): Promise<Result<ApiValue<M>>> {
      try {
        const response = await fetch(`${base}/api/call/${method}`, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { ...HEADERS, 'Content-Type': 'application/json' },
          body: JSON.stringify(arg),
        });
        // The server implements the same contract, so a result's value has the method's type.
        return (await readResult(response)) as Result<ApiValue<M>>;
      } catch (error) {
        return offline(error);
      }
    },
    onEvent(listener: (event: ApiEvent) => void): () => void {
      return events.subscribe(listener);
    },
    async stageFiles(files: readonly File[]): Promise<Result<readonly string[]>> {
      const paths: string[] = [];
      // One at a time: the files can be large and the server writes each to disk as it streams.
      for (const file of files) {
        const result = await upload(file);
        if (!result.ok) return result;
        paths.push(result.value.path);
      }
      return { ok: true, value: paths };
    },
    chooseSaveFile(): Promise<Result<{ readonly path: string } | 'download' | null>> {
      return Promise.resolve({ ok: true, value: 'download' });
    },
    downloadUrl(downloadId: string): string | null {
      return `${base}/api/download/${encodeURIComponent(downloadId)}`;
    },
  };
}
