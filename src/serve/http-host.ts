// The browser host: the same API contract as the Electron preload, carried over HTTP to a
// browser on this machine. Police data must not leak to other local programs or web pages, so:
// - it listens on 127.0.0.1 only;
// - every request needs the per-launch random token (first as ?token= in the printed address,
//   then as an HttpOnly SameSite=Strict cookie), compared in constant time;
// - the Host header must name this server (defeats DNS rebinding), API calls must carry
//   X-Casegraph: 1 and, when the browser sends an Origin, our own origin (defeats cross-site posts).

import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { ApiEvent, Result } from '../common/api';
import { STORE_LOCKED } from '../core/backend/store-gate';
import { openDownload, type Download } from '../core/bundle/downloads';
import { ensureStagingKey, sealingStream } from '../core/import/sealed-staging';

export interface ApiTarget {
  call(method: string, arg: unknown): Promise<Result<unknown>>;
  onEvent(listener: (e: ApiEvent) => void): () => void;
  /** While true (the store is locked), uploads and downloads are refused as every call but the lock's is. */
  readonly locked?: boolean;
}

export interface HostOptions {
  readonly api: ApiTarget;
  /** The built renderer (out/renderer). */
  readonly rendererDir: string;
  /** Private folder for uploaded files; the backend only imports from here. */
  readonly stagingDir: string;
  /** Where the backend writes exported bundles for the browser (GET /api/download/<id>). */
  readonly downloadDir?: string;
  readonly port?: number;
  /** Fixed token for tests; random otherwise. */
  readonly token?: string;
}

export interface RunningHost {
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  close(): Promise<void>;
}

const COOKIE = 'casegraph_token';
const MAX_JSON = 1 << 20;
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

function cookieToken(req: http.IncomingMessage): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === COOKIE) return v.join('=');
  }
  return null;
}

// A refused request's body is read (up to this much) before the answer, so the client reads the
// answer instead of a reset connection; a larger one is cut off.
const MAX_DRAIN = 1024 * 1024;

function send(res: http.ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  const write = (): void => {
    if (res.headersSent || res.destroyed) return;
    res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
    res.end(body);
  };
  const req = res.req;
  if (req.readableEnded || req.destroyed) return write();
  let seen = 0;
  req.on('data', (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > MAX_DRAIN) req.destroy();
  });
  req.once('end', write);
  req.once('close', write);
  req.resume();
}

function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');
}

async function readJson(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_JSON) throw new Error('request body is larger than 1 MiB');
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text.trim() === '' ? {} : (JSON.parse(text) as unknown);
}

export function safeUploadName(name: string): string {
  const base = path
    .basename(name.replace(/\\/g, '/'))
    .replace(/[^\p{L}\p{N}._ -]/gu, '_')
    .slice(0, 120);
  return base === '' || base === '.' || base === '..' ? 'upload' : base;
}

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const token = options.token ?? crypto.randomBytes(24).toString('base64url');
  fs.mkdirSync(options.stagingDir, { recursive: true, mode: 0o700 });
  ensureStagingKey();
  const rendererRoot = path.resolve(options.rendererDir);
  let port = 0;
  const allowedHosts = (): Set<string> => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'failed', message: (e as Error).message } });
      else res.destroy();
    });
  });
  // A request the HTTP parser refuses (malformed, headers too large) is answered with a reason.
  server.on('clientError', (e: NodeJS.ErrnoException, socket) => {
    if (!socket.writable || (socket as { _httpMessage?: unknown })._httpMessage) return void socket.destroy();
    const status = e.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
    const reason = `the request is not well-formed HTTP (${e.code ?? 'parse error'})`;
    socket.end(
      `HTTP/1.1 ${status}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(reason)}\r\nConnection: close\r\n\r\n${reason}`,
    );
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    if (!allowedHosts().has(req.headers.host ?? '')) return send(res, 421, 'wrong Host header');
    // The request target is a path: read against this origin as text, so that "//host/x" stays a
    // path instead of naming another host.
    let url: URL;
    try {
      url = new URL(`http://127.0.0.1:${port}${(req.url ?? '/').startsWith('/') ? (req.url ?? '/') : `/${req.url ?? ''}`}`);
    } catch {
      return send(res, 400, 'the address is not well-formed');
    }

    const queryToken = url.searchParams.get('token');
    if (queryToken !== null && req.method === 'GET' && !url.pathname.startsWith('/api/')) {
      if (!sameSecret(queryToken, token))
        return send(res, 403, 'This address has an old or wrong token. Use the address `casegraph serve` printed.');
      // Move the token into a cookie and drop it from the address bar; the #fragment survives the redirect.
      res.writeHead(303, {
        'Set-Cookie': `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        Location: url.pathname,
        'Cache-Control': 'no-store',
      });
      return void res.end();
    }
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? null;
    const presented = cookieToken(req) ?? bearer;
    if (presented === null || !sameSecret(presented, token)) {
      return send(res, 401, 'Not authorised. Open the address that `casegraph serve` printed (it carries the access token).');
    }

    if (url.pathname.startsWith('/api/')) {
      const origin = req.headers.origin;
      if (origin !== undefined && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`)
        return send(res, 403, 'cross-origin request refused');
      if (req.method === 'GET' && url.pathname === '/api/events') return events(req, res);
      // A bundle the backend exported for this browser: by its random id, as an attachment.
      if (options.api.locked === true && url.pathname !== '/api/events' && !url.pathname.startsWith('/api/call/'))
        return sendJson(res, 423, { ok: false, error: { code: 'store_locked', message: STORE_LOCKED } });
      if (req.method === 'GET' && url.pathname.startsWith('/api/download/'))
        return download(res, url.pathname.slice('/api/download/'.length));
      if (req.method !== 'POST') return send(res, 405, 'use POST');
      if (req.headers['x-casegraph'] !== '1') return send(res, 403, 'missing X-Casegraph header');
      if (url.pathname === '/api/upload') return upload(req, res, url);
      const m = /^\/api\/call\/([\w.]+)$/.exec(url.pathname);
      if (!m?.[1]) return send(res, 404, 'no such API route');
      let arg: unknown;
      try {
        arg = await readJson(req);
      } catch (e) {
        return sendJson(res, 400, {
          ok: false,
          error: { code: 'invalid_argument', message: `the request body is not JSON: ${(e as Error).message}` },
        });
      }
      return sendJson(res, 200, await options.api.call(m[1], arg));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed');
    return serveFile(res, url.pathname);
  }

  function events(req: http.IncomingMessage, res: http.ServerResponse): void {
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    const off = options.api.onEvent((e) => res.write(`data: ${JSON.stringify(e)}\n\n`));
    const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
    req.on('close', () => {
      clearInterval(ping);
      off();
    });
  }

  async function upload(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const name = safeUploadName(url.searchParams.get('name') ?? 'upload');
    const dir = fs.mkdtempSync(path.join(options.stagingDir, 'u-'));
    const file = path.join(dir, name);
    // Encrypted on its way to disk under the launch's key (sealed-staging.ts): never in the clear.
    await pipeline(req, sealingStream(), fs.createWriteStream(file, { mode: 0o600 }));
    sendJson(res, 200, { ok: true, value: { path: file } } satisfies Result<{ path: string }>);
  }

  /** Exports by extension: case bundles (zip) and money-flow exports. */
  const DOWNLOAD_TYPES: Readonly<Record<string, string>> = {
    '.casebundle': 'application/zip',
    '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    '.csv': 'text/csv; charset=utf-8',
    '.graphml': 'application/graphml+xml',
  };

  function download(res: http.ServerResponse, id: string): void {
    let found: Download | null = null;
    try {
      found = options.downloadDir ? openDownload(options.downloadDir, id) : null;
    } catch {
      // Sealed under another launch's key (its key is gone), or damaged: nothing to offer.
    }
    if (!found) return send(res, 404, 'no such download');
    const { name, size, stream } = found;
    try {
      res.writeHead(200, {
        'Content-Type': DOWNLOAD_TYPES[path.extname(name).toLowerCase()] ?? 'application/octet-stream',
        'Content-Length': String(size),
        'Content-Disposition': `attachment; filename="${name.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
        'Cache-Control': 'no-store',
      });
    } catch (e) {
      stream.destroy();
      throw e;
    }
    // The file is open from here: the pipeline destroys the stream (closing it) when the response
    // ends, fails, or the client goes away mid-download.
    pipeline(stream, res).catch(() => res.destroy());
  }

  function serveFile(res: http.ServerResponse, pathname: string): void {
    let rel: string;
    try {
      rel = decodeURIComponent(pathname);
    } catch {
      return send(res, 400, 'bad path');
    }
    const candidate = path.resolve(rendererRoot, `.${rel}`);
    const inside = candidate === rendererRoot || candidate.startsWith(rendererRoot + path.sep);
    let file = inside && fs.existsSync(candidate) && fs.statSync(candidate).isFile() ? candidate : null;
    if (!file && !path.extname(rel)) file = path.join(rendererRoot, 'index.html');
    if (!file || !fs.existsSync(file)) return send(res, 404, 'not found');
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    res.writeHead(200, {
      'Content-Type': type,
      'Content-Security-Policy': CSP,
      'Cache-Control': type.startsWith('text/html') ? 'no-store' : 'private, max-age=3600',
    });
    fs.createReadStream(file).pipe(res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : 0;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
