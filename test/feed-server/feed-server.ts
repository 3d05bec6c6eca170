// The reference precinct feed (feed-protocol.md v1), for tests and demos — never shipped in the
// app. It serves records in a fixed delivery order per precinct, on 127.0.0.1, with opaque
// cursors, a bearer-token check, a precinct check, and switches for everything a real feed may do
// within the protocol (ragged pages, empty pages with more: true, replays, gzip) and outside it
// (faults.ts). Records are served exactly as given, valid or not.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { CursorCodec } from './cursor';
import { seededRandom, type Fault, type FaultPlan } from './faults';

export interface FeedServerOptions {
  /** Records per precinct, in delivery order (tombstones and later versions included). */
  readonly feeds: Readonly<Record<string, readonly unknown[]>>;
  /** Like `feeds`, already serialised, one JSON text per record (big feeds for benchmarks). */
  readonly jsonFeeds?: Readonly<Record<string, readonly string[]>>;
  /** Bearer token → the precincts it may read ('*' for all). */
  readonly tokens: Readonly<Record<string, readonly string[] | '*'>>;
  readonly port?: number;
  /** Path the protocol's paths hang under, e.g. '/feed' for a base URL http://127.0.0.1:P/feed. */
  readonly prefix?: string;
  /** Seed of every random choice the server makes. */
  readonly seed?: number;
  /** Page sizes at random from 0 to the limit asked (0 is an empty page with more: true). */
  readonly ragged?: boolean;
  /** At each position, with this probability, serve 1–`maxRun` empty pages with more: true first. */
  readonly emptyPages?: { readonly probability: number; readonly maxRun: number };
  /**
   * Re-delivery (at-least-once): with `probability` a page starts up to `maxBack` records before
   * the position asked, and with `probability` its `next` points back to where it started, so
   * the client fetches the same page again. Each position is replayed at most once.
   */
  readonly replay?: { readonly probability: number; readonly maxBack: number };
  /** Never say more: false; at the end, answer empty pages with more: true forever. */
  readonly neverDone?: boolean;
  /** Delay every answer by this many ms (a slow feed). */
  readonly latencyMs?: number;
  /** Compress pages with gzip when the client accepts it. */
  readonly gzip?: boolean;
  readonly faults?: FaultPlan;
}

export interface RequestLog {
  readonly precinct: string;
  /** The `after` the client sent (null: none). */
  readonly after: string | null;
  readonly offset: number | null;
  readonly limit: number | null;
  /** The status answered, or the fault kind. */
  readonly answer: number | Fault['kind'];
  /** Records in the page served (0 for anything but a page). */
  readonly served: number;
  readonly authorization: string | null;
}

export interface FeedServer {
  /** Base URL for the client, e.g. http://127.0.0.1:41234 (plus the prefix). */
  readonly url: string;
  readonly requests: RequestLog[];
  /** The position a cursor this server issued stands for (tests only: clients must not look inside). */
  offsetOf(cursor: string | null): number | null;
  /** New records arriving at the platform: served after the ones already there. */
  append(precinct: string, records: readonly unknown[]): void;
  close(): Promise<void>;
}

const MAX_LIMIT = 5000;
const DEFAULT_LIMIT = 100;

interface Entry {
  readonly json: string;
}

function send(res: http.ServerResponse, status: number, body: string, headers: http.OutgoingHttpHeaders = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), ...headers });
  res.end(body);
}

const error = (message: string): string => JSON.stringify({ error: message });

export async function startFeedServer(options: FeedServerOptions): Promise<FeedServer> {
  const feeds = new Map<string, Entry[]>();
  for (const [precinct, records] of Object.entries(options.feeds))
    feeds.set(
      precinct,
      records.map((r) => ({ json: JSON.stringify(r) })),
    );
  for (const [precinct, lines] of Object.entries(options.jsonFeeds ?? {}))
    feeds.set(
      precinct,
      lines.map((json) => ({ json })),
    );
  const random = seededRandom(options.seed ?? 1);
  const cursors = new CursorCodec();
  const prefix = (options.prefix ?? '').replace(/\/+$/, '');
  const requests: RequestLog[] = [];
  const attempts = new Map<string, number>();
  const replayed = new Set<string>();
  const emptiesLeft = new Map<string, number>();
  let requestCount = 0;

  const pageFor = (
    precinct: string,
    entries: readonly Entry[],
    offset: number,
    limit: number,
  ): { start: number; end: number; next: number; more: boolean } => {
    const key = `${precinct}\u0000${offset}`;
    const total = entries.length;
    if (offset >= total) return { start: total, end: total, next: total, more: options.neverDone === true };
    if (options.emptyPages) {
      if (!emptiesLeft.has(key)) {
        emptiesLeft.set(key, random() < options.emptyPages.probability ? 1 + Math.floor(random() * options.emptyPages.maxRun) : 0);
      }
      const left = emptiesLeft.get(key) as number;
      if (left > 0) {
        emptiesLeft.set(key, left - 1);
        return { start: offset, end: offset, next: offset, more: true };
      }
    }
    const size = options.ragged ? Math.floor(random() * (limit + 1)) : limit;
    let start = offset;
    let next: number;
    const end = Math.min(total, offset + size);
    next = end;
    if (options.replay && !replayed.has(key)) {
      replayed.add(key);
      if (random() < options.replay.probability) start = Math.max(0, offset - 1 - Math.floor(random() * options.replay.maxBack));
      if (random() < options.replay.probability && end > offset) next = Math.max(0, offset - Math.floor(random() * options.replay.maxBack));
    }
    return { start, end, next, more: next < total || options.neverDone === true };
  };

  const answerFault = (fault: Fault, res: http.ServerResponse, page: () => Buffer): void => {
    switch (fault.kind) {
      case 'status':
        send(res, fault.status, error(`fault ${fault.status}`), fault.retryAfter !== undefined ? { 'Retry-After': fault.retryAfter } : {});
        return;
      case 'reset':
        res.socket?.destroy();
        return;
      case 'reset-mid-body': {
        const body = page();
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': body.length });
        res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.socket?.destroy());
        return;
      }
      case 'stall-body': {
        const body = page();
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': body.length });
        res.write(body.subarray(0, Math.floor(body.length / 2)));
        setTimeout(() => res.socket?.destroy(), fault.ms).unref();
        return;
      }
      case 'body':
        res.writeHead(200, { 'Content-Type': fault.contentType ?? 'application/json', 'Content-Length': Buffer.byteLength(fault.body) });
        res.end(fault.body);
        return;
      case 'redirect':
        res.writeHead(fault.status ?? 302, { Location: fault.location, 'Content-Length': 0 });
        res.end();
        return;
      case 'delay':
        return;
    }
  };

  const handle = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const auth = req.headers['authorization'] ?? null;
    const log = (entry: Omit<RequestLog, 'authorization'>): void => {
      requests.push({ ...entry, authorization: auth });
    };
    const match = url.pathname.startsWith(`${prefix}/`)
      ? /^\/v1\/precincts\/([^/]+)\/reports$/.exec(url.pathname.slice(prefix.length))
      : null;
    if (!match) {
      log({ precinct: '', after: null, offset: null, limit: null, answer: 404, served: 0 });
      send(res, 404, error('not found'));
      return;
    }
    const precinct = decodeURIComponent(match[1] as string);
    const after = url.searchParams.get('after');
    const reject = (status: number, message: string, limit: number | null = null): void => {
      log({ precinct, after, offset: null, limit, answer: status, served: 0 });
      send(res, status, error(message));
    };
    if (req.method !== 'GET') return reject(405, 'method not allowed');
    const token = typeof auth === 'string' && auth.startsWith('Bearer ') ? auth.slice(7) : null;
    const allowed = token !== null && Object.hasOwn(options.tokens, token) ? options.tokens[token] : undefined;
    if (allowed === undefined) return reject(401, 'unknown token');
    const entries = feeds.get(precinct);
    if (!entries) return reject(404, 'unknown precinct');
    if (allowed !== '*' && !allowed.includes(precinct)) return reject(403, 'token not valid for this precinct');
    const limitText = url.searchParams.get('limit');
    const limit = limitText === null ? DEFAULT_LIMIT : Number(limitText);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) return reject(400, 'limit must be 1-5000');
    const offset = cursors.decode(after);
    if (offset === null) return reject(400, 'not a cursor of this feed', limit);

    const key = `${precinct}\u0000${offset}`;
    const attempt = attempts.get(key) ?? 0;
    attempts.set(key, attempt + 1);
    const fault = options.faults?.({ request: requestCount++, precinct, offset, attempt });

    let built: { body: Buffer; served: number } | null = null;
    const page = (): Buffer => {
      if (!built) {
        const p = pageFor(precinct, entries, offset, limit);
        const slice = entries.slice(p.start, p.end);
        const text = `{"reports":[${slice.map((e) => e.json).join(',')}],"next":${JSON.stringify(cursors.encode(p.next))},"more":${p.more}}`;
        built = { body: Buffer.from(text), served: slice.length };
      }
      return built.body;
    };
    const answer = (): void => {
      if (fault && fault.kind !== 'delay') {
        answerFault(fault, res, page);
        log({ precinct, after, offset, limit, answer: fault.kind === 'status' ? fault.status : fault.kind, served: 0 });
        return;
      }
      const body = page();
      const served = built?.served ?? 0;
      log({ precinct, after, offset, limit, answer: fault?.kind === 'delay' ? 'delay' : 200, served });
      if (options.gzip && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
        const zipped = zlib.gzipSync(body);
        res.writeHead(200, {
          'Content-Type': 'application/json; charset=utf-8',
          'Content-Encoding': 'gzip',
          'Content-Length': zipped.length,
        });
        res.end(zipped);
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': body.length });
      res.end(body);
    };
    const delay = (options.latencyMs ?? 0) + (fault?.kind === 'delay' ? fault.ms : 0);
    if (delay > 0) setTimeout(answer, delay).unref();
    else answer();
  };

  const server = http.createServer((req, res) => {
    res.on('error', () => undefined);
    handle(req, res);
  });
  // A client that gave up (timeout) leaves sockets we may still write to: ignore those errors.
  server.on('connection', (socket) => socket.on('error', () => undefined));
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    requests,
    offsetOf: (cursor) => cursors.decode(cursor),
    append(precinct, records) {
      const list = feeds.get(precinct) ?? [];
      list.push(...records.map((r) => ({ json: JSON.stringify(r) })));
      feeds.set(precinct, list);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
