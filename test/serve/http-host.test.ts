// The browser host over real HTTP on 127.0.0.1: the token, Host and origin checks that keep
// police data from other local programs and web pages, and the API carried faithfully.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiEvent, Result } from '../../src/common/api';
import { readImportFile } from '../../src/core/import/sealed-staging';
import { safeUploadName, startHost, type RunningHost } from '../../src/serve/http-host';
import { tempDir } from '../support/tmp';

const hosts: RunningHost[] = [];
afterEach(async () => {
  while (hosts.length) await hosts.pop()?.close();
});

function raw(
  host: RunningHost,
  opts: { path: string; method?: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  const url = new URL(host.origin);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: url.port, path: opts.path, method: opts.method ?? 'GET', headers: opts.headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

async function host(
  options: { locked?: boolean } = {},
): Promise<{ h: RunningHost; calls: [string, unknown][]; emit: (e: ApiEvent) => void; staging: string }> {
  const dir = tempDir();
  const renderer = path.join(dir, 'renderer');
  fs.mkdirSync(path.join(renderer, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>Casegraph</title>');
  fs.writeFileSync(path.join(renderer, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'police data');
  const calls: [string, unknown][] = [];
  const listeners = new Set<(e: ApiEvent) => void>();
  const staging = path.join(dir, 'staging');
  const h = await startHost({
    rendererDir: renderer,
    stagingDir: staging,
    api: {
      locked: options.locked === true,
      call: async (method, arg): Promise<Result<unknown>> => {
        calls.push([method, arg]);
        return { ok: true, value: { echoed: method } };
      },
      onEvent: (l) => {
        listeners.add(l);
        return () => listeners.delete(l);
      },
    },
  });
  hosts.push(h);
  return { h, calls, emit: (e) => listeners.forEach((l) => l(e)), staging };
}

describe('casegraph serve host', () => {
  it('binds to 127.0.0.1 and prints an address with a long random token', async () => {
    const { h } = await host();
    expect(h.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{32}$/);
  });

  it('turns the token into an HttpOnly SameSite=Strict cookie and removes it from the address', async () => {
    const { h } = await host();
    const host_ = new URL(h.origin).host;
    const r = await raw(h, { path: `/?token=${h.token}`, headers: { Host: host_ } });
    expect(r.status).toBe(303);
    expect(r.headers.location).toBe('/');
    expect(r.headers['set-cookie']?.[0]).toBe(`casegraph_token=${h.token}; HttpOnly; SameSite=Strict; Path=/`);
    const page = await raw(h, { path: '/', headers: { Host: host_, Cookie: `casegraph_token=${h.token}` } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.body).toContain('<title>Casegraph</title>');
    // Deep links fall back to the app; the hash route is the browser's business.
    expect((await raw(h, { path: '/series/abc', headers: { Host: host_, Cookie: `casegraph_token=${h.token}` } })).status).toBe(200);
  });

  it('refuses requests without the token, with a wrong token, or with a foreign Host header', async () => {
    const { h, calls } = await host();
    const host_ = new URL(h.origin).host;
    expect((await raw(h, { path: '/', headers: { Host: host_ } })).status).toBe(401);
    expect((await raw(h, { path: '/?token=wrong', headers: { Host: host_ } })).status).toBe(403);
    expect(
      (
        await raw(h, {
          path: '/api/call/store.info',
          method: 'POST',
          headers: { Host: host_, Cookie: 'casegraph_token=wrong', 'X-Casegraph': '1' },
          body: '{}',
        })
      ).status,
    ).toBe(401);
    // DNS rebinding: evil.example resolving to 127.0.0.1 still sends its own Host.
    expect((await raw(h, { path: `/?token=${h.token}`, headers: { Host: 'evil.example' } })).status).toBe(421);
    expect(calls).toEqual([]);
  });

  it('refuses cross-origin API calls and calls without the X-Casegraph header', async () => {
    const { h, calls } = await host();
    const auth = { Host: new URL(h.origin).host, Cookie: `casegraph_token=${h.token}` };
    expect(
      (
        await raw(h, {
          path: '/api/call/store.info',
          method: 'POST',
          headers: { ...auth, 'X-Casegraph': '1', Origin: 'http://evil.example' },
          body: '{}',
        })
      ).status,
    ).toBe(403);
    expect((await raw(h, { path: '/api/call/store.info', method: 'POST', headers: auth, body: '{}' })).status).toBe(403);
    expect(calls).toEqual([]);
  });

  it('carries API calls, bad JSON as a result, and events over SSE', async () => {
    const { h, calls, emit } = await host();
    const auth = { Host: new URL(h.origin).host, Cookie: `casegraph_token=${h.token}`, 'X-Casegraph': '1' };
    const r = await raw(h, { path: '/api/call/reports.get', method: 'POST', headers: { ...auth, Origin: h.origin }, body: '{"id":"R1"}' });
    expect(JSON.parse(r.body)).toEqual({ ok: true, value: { echoed: 'reports.get' } });
    expect(calls).toEqual([['reports.get', { id: 'R1' }]]);
    const bad = await raw(h, { path: '/api/call/reports.get', method: 'POST', headers: auth, body: '{nope' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });

    const url = new URL(h.origin);
    const received = await new Promise<string>((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port: url.port, path: '/api/events', headers: auth }, (res) => {
        res.setEncoding('utf8');
        let text = '';
        res.on('data', (c: string) => {
          text += c;
          if (text.includes(': connected')) emit({ type: 'store.changed' });
          if (text.includes('data: ')) {
            req.destroy();
            resolve(text);
          }
        });
      });
      req.on('error', reject);
    });
    expect(received).toContain('data: {"type":"store.changed"}');
  });

  it('stages uploads under a private folder with a safe name, never where the name points', async () => {
    const { h, staging } = await host();
    const auth = { Host: new URL(h.origin).host, Cookie: `casegraph_token=${h.token}`, 'X-Casegraph': '1' };
    const r = await raw(h, {
      path: `/api/upload?name=${encodeURIComponent('../../etc/报案 1.ndjson')}`,
      method: 'POST',
      headers: auth,
      body: '{"id":"A"}\n',
    });
    const { value } = JSON.parse(r.body) as { value: { path: string } };
    expect(value.path.startsWith(staging + path.sep)).toBe(true);
    expect(path.basename(value.path)).toBe('报案 1.ndjson');
    // Sealed on disk under the launch's key; read back through decryption.
    expect(fs.readFileSync(value.path).includes(Buffer.from('{"id":"A"}'))).toBe(false);
    expect((await readImportFile(value.path)).toString('utf8')).toBe('{"id":"A"}\n');
    expect(safeUploadName('..')).toBe('upload');
    expect(safeUploadName('a/b\\c;rm -rf.csv')).toBe('c_rm -rf.csv');
  });

  it('refuses uploads and downloads while the store is locked, but carries calls (the lock’s own) and events', async () => {
    const { h, staging, calls } = await host({ locked: true });
    const auth = { Host: new URL(h.origin).host, Cookie: `casegraph_token=${h.token}`, 'X-Casegraph': '1' };
    const up = await raw(h, { path: '/api/upload?name=a.ndjson', method: 'POST', headers: auth, body: '{"id":"A"}\n' });
    expect(up.status).toBe(423);
    expect(JSON.parse(up.body)).toEqual({
      ok: false,
      error: { code: 'store_locked', message: 'the store is locked: enter its passphrase on the unlock screen first' },
    });
    expect(fs.existsSync(staging) ? fs.readdirSync(staging) : []).toEqual([]);
    expect((await raw(h, { path: '/api/download/abc', headers: auth })).status).toBe(423);
    const call = await raw(h, { path: '/api/call/store.status', method: 'POST', headers: auth, body: '{}' });
    expect(call.status).toBe(200);
    expect(calls).toEqual([['store.status', {}]]);
  });

  it('does not serve files outside the built renderer', async () => {
    const { h } = await host();
    const auth = { Host: new URL(h.origin).host, Cookie: `casegraph_token=${h.token}` };
    const r = await raw(h, { path: '/..%2fsecret.txt', headers: auth });
    expect(r.body).not.toContain('police data');
    expect((await raw(h, { path: '/assets/app.js', headers: auth })).body).toBe('console.log(1)');
  });
});
