// One GET to the feed, over node:http(s), with the protections a client of an untrusted server
// needs: a deadline for the whole answer (headers and body), a cap on the body size after
// decompression, cancellation, and redirects followed only within the feed's own origin, so the
// token is never sent anywhere but the configured feed. Keep-alive: one connection per sync.
import http from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { Cancelled } from '../../common/result';

export type TransportFailure =
  /** No complete answer within the deadline. */
  | 'timeout'
  /** The connection was reset or closed mid-answer. */
  | 'reset'
  /** Nobody listens at the address. */
  | 'refused'
  /** Name resolution, routing and other network failures. */
  | 'network'
  /** Certificate or TLS failure: retrying will not help. */
  | 'tls'
  /** The body was larger than allowed. */
  | 'too_large'
  /** The body could not be decompressed. */
  | 'decode';

export class TransportError extends Error {
  override readonly name = 'TransportError';
  constructor(
    readonly failure: TransportFailure,
    message: string,
  ) {
    super(message);
  }
}

export type HttpAnswer =
  | { readonly kind: 'answer'; readonly status: number; readonly headers: http.IncomingHttpHeaders; readonly body: Buffer | null }
  /** A redirect the client will not follow: to another origin, or one too many. */
  | { readonly kind: 'redirect'; readonly status: number; readonly location: string; readonly reason: 'other_origin' | 'too_many' };

export interface TransportOptions {
  readonly token: string;
  readonly timeoutMs: number;
  readonly maxBodyBytes: number;
  readonly maxRedirects: number;
}

const USER_AGENT = 'Casegraph-feed-sync/1';

const duration = (ms: number): string => (ms < 1000 ? `${ms} ms` : `${Number((ms / 1000).toFixed(1))} s`);

function classify(e: NodeJS.ErrnoException): TransportError {
  const code = e.code ?? '';
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ECONNABORTED' || code === 'UND_ERR_SOCKET')
    return new TransportError('reset', 'the connection was reset');
  if (code === 'ECONNREFUSED') return new TransportError('refused', 'the connection was refused');
  if (code.startsWith('ERR_TLS') || code.startsWith('ERR_SSL') || /CERT|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code) || code === 'EPROTO') {
    return new TransportError('tls', `the TLS connection failed (${code})`);
  }
  return new TransportError('network', code ? `the network failed (${code})` : 'the network failed');
}

function decoder(encoding: string | undefined): zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress | null | undefined {
  const e = (encoding ?? 'identity').trim().toLowerCase();
  if (e === 'identity' || e === '') return null;
  if (e === 'gzip' || e === 'x-gzip') return zlib.createGunzip();
  if (e === 'deflate') return zlib.createInflate();
  if (e === 'br') return zlib.createBrotliDecompress();
  return undefined;
}

export class FeedTransport {
  private readonly agent: http.Agent;
  private readonly origin: string;

  constructor(
    base: string,
    private readonly options: TransportOptions,
  ) {
    const url = new URL(base);
    this.origin = url.origin;
    const agentOptions = { keepAlive: true, maxSockets: 1 };
    this.agent = url.protocol === 'https:' ? new https.Agent(agentOptions) : new http.Agent(agentOptions);
  }

  async get(url: URL, signal?: AbortSignal): Promise<HttpAnswer> {
    let current = url;
    for (let hop = 0; ; hop += 1) {
      const answer = await this.once(current, signal);
      const location = answer.headers['location'];
      if (answer.status < 300 || answer.status >= 400 || answer.status === 304 || typeof location !== 'string') {
        return { kind: 'answer', status: answer.status, headers: answer.headers, body: answer.body };
      }
      let next: URL;
      try {
        next = new URL(location, current);
      } catch {
        return { kind: 'answer', status: answer.status, headers: answer.headers, body: null };
      }
      if (next.origin !== this.origin) return { kind: 'redirect', status: answer.status, location: next.origin, reason: 'other_origin' };
      if (hop >= this.options.maxRedirects) return { kind: 'redirect', status: answer.status, location: next.origin, reason: 'too_many' };
      current = next;
    }
  }

  close(): void {
    this.agent.destroy();
  }

  private once(url: URL, signal?: AbortSignal): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer | null }> {
    const { token, timeoutMs, maxBodyBytes } = this.options;
    const lib = url.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      let settled = false;
      let req: http.ClientRequest | null = null;
      const finish = (): void => {
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
      };
      const fail = (e: Error): void => {
        if (settled) return;
        finish();
        req?.destroy();
        reject(e);
      };
      const onAbort = (): void => fail(new Cancelled());
      const timer = setTimeout(() => fail(new TransportError('timeout', `no complete answer within ${duration(timeoutMs)}`)), timeoutMs);
      if (signal?.aborted) {
        fail(new Cancelled());
        return;
      }
      signal?.addEventListener('abort', onAbort, { once: true });

      req = lib.request(url, {
        method: 'GET',
        agent: this.agent,
        headers: {
          Authorization: `Bearer ${token}`,
          Accept: 'application/json',
          'Accept-Encoding': 'gzip, deflate, br',
          'User-Agent': USER_AGENT,
        },
      });
      req.on('error', (e) => fail(e instanceof TransportError || e instanceof Cancelled ? e : classify(e)));
      req.on('response', (res) => {
        const status = res.statusCode ?? 0;
        if (status < 200 || status >= 300) {
          // Only the status and headers matter; drain the body so the connection can be reused.
          res.on('error', () => undefined);
          res.resume();
          finish();
          resolve({ status, headers: res.headers, body: null });
          return;
        }
        const unzip = decoder(res.headers['content-encoding']);
        if (unzip === undefined) {
          fail(new TransportError('decode', `the body uses an unsupported content encoding (${String(res.headers['content-encoding'])})`));
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        let ended = false;
        const body: Readable = unzip ? res.pipe(unzip) : res;
        body.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBodyBytes) {
            fail(new TransportError('too_large', `the page is larger than ${Math.round(maxBodyBytes / 1048576)} MiB`));
            return;
          }
          chunks.push(chunk);
        });
        body.on('end', () => {
          ended = true;
          if (settled) return;
          finish();
          resolve({ status, headers: res.headers, body: Buffer.concat(chunks, size) });
        });
        res.on('error', () => fail(new TransportError('reset', 'the connection was reset in the middle of the page')));
        res.on('close', () => {
          if (!ended && !res.complete) fail(new TransportError('reset', 'the connection was closed in the middle of the page'));
        });
        if (unzip) unzip.on('error', (e) => fail(new TransportError('decode', `the body could not be decompressed (${e.message})`)));
      });
      req.end();
    });
  }
}
