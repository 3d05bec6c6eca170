// The browser host's downloads over real HTTP on 127.0.0.1: each GET opens the sealed file once,
// for both its Content-Length and its bytes, served whole and in the clear; and the file is closed
// again (no descriptor of it left in this process) after a download that completed, one the
// client aborted part-way, and one refused because the file is damaged.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSealedFile, ensureStagingKey } from '../../src/core/import/sealed-staging';
import { startHost, type RunningHost } from '../../src/serve/http-host';
import { tempDir } from '../support/tmp';

const TOKEN = 'd0wnl0ad-t0k3n';
const hosts: RunningHost[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  while (hosts.length) await hosts.pop()?.close();
});

async function hostWith(files: Record<string, Buffer>): Promise<{ h: RunningHost; paths: Record<string, string> }> {
  ensureStagingKey();
  const dir = tempDir();
  const downloads = path.join(dir, 'downloads');
  const paths: Record<string, string> = {};
  for (const [name, content] of Object.entries(files)) {
    const id = crypto.randomBytes(16).toString('hex');
    fs.mkdirSync(path.join(downloads, id), { recursive: true });
    const file = path.join(downloads, id, name);
    const sealed = createSealedFile(file);
    sealed.input.end(content);
    expect(await sealed.done).toBe(content.length);
    paths[name] = file;
  }
  const h = await startHost({
    api: { call: async () => ({ ok: true, value: null }), onEvent: () => () => {} },
    rendererDir: path.join(dir, 'no-renderer'),
    stagingDir: path.join(dir, 'staging'),
    downloadDir: downloads,
    token: TOKEN,
  });
  hosts.push(h);
  return { h, paths };
}

const idOf = (file: string): string => path.basename(path.dirname(file));

/** How many of this process's open file descriptors are on the file. */
function descriptorsOn(file: string): number {
  let n = 0;
  for (const fd of fs.readdirSync('/proc/self/fd')) {
    try {
      if (fs.readlinkSync(path.join('/proc/self/fd', fd)) === file) n++;
    } catch {
      // Closed between the listing and the look (the listing's own descriptor, for one).
    }
  }
  return n;
}

async function closed(file: string): Promise<number> {
  for (let i = 0; i < 200 && descriptorsOn(file) > 0; i++) await new Promise((r) => setTimeout(r, 10));
  return descriptorsOn(file);
}

function get(h: RunningHost, id: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(`${h.origin}/api/download/${id}`, { headers: { Cookie: `casegraph_token=${TOKEN}` } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

/** Text the size asked for, different in every 64 KiB chunk. */
function content(bytes: number): Buffer {
  const out = Buffer.alloc(bytes);
  for (let at = 0, i = 0; at < bytes; i++) at += out.write(`<node id="n${i}" name="欧阳晓测-${i}"/>\n`, at);
  return out;
}

describe.skipIf(!fs.existsSync('/proc/self/fd'))('downloads from the browser host', () => {
  it('serves each whole with its Content-Length from one opening of the file, and closes it after', async () => {
    const sizes = { 'empty.csv': 0, 'two-chunks.csv': 2 * 64 * 1024, 'flow.graphml': 5 * 1024 * 1024 + 123 };
    const files = Object.fromEntries(Object.entries(sizes).map(([name, size]) => [name, content(size)]));
    const { h, paths } = await hostWith(files);
    const openSync = vi.spyOn(fs, 'openSync');
    const open = vi.spyOn(fs, 'open');
    for (const [name, file] of Object.entries(paths)) {
      openSync.mockClear();
      open.mockClear();
      const r = await get(h, idOf(file));
      expect(r.status, name).toBe(200);
      expect(r.headers['content-length'], name).toBe(String(sizes[name as keyof typeof sizes]));
      expect(r.body.equals(files[name] as Buffer), name).toBe(true);
      const openings = [...openSync.mock.calls, ...open.mock.calls].filter(([p]) => p === file);
      expect(openings, name).toHaveLength(1);
      expect(await closed(file), name).toBe(0);
    }
    // As often as the link is followed.
    const again = await get(h, idOf(paths['flow.graphml'] as string));
    expect(again.body.equals(files['flow.graphml'] as Buffer)).toBe(true);
    expect(await closed(paths['flow.graphml'] as string)).toBe(0);
  });

  it('closes the file when the client goes away part-way through a download', async () => {
    const body = content(32 * 1024 * 1024);
    const { h, paths } = await hostWith({ 'flow.graphml': body });
    const file = paths['flow.graphml'] as string;
    const got = await new Promise<{ bytes: number; openWhileServing: number }>((resolve, reject) => {
      const req = http.get(`${h.origin}/api/download/${idOf(file)}`, { headers: { Cookie: `casegraph_token=${TOKEN}` } }, (res) => {
        expect(res.headers['content-length']).toBe(String(body.length));
        let bytes = 0;
        res.on('data', (c: Buffer) => {
          bytes += c.length;
          if (bytes < 256 * 1024) return;
          const openWhileServing = descriptorsOn(file);
          req.destroy();
          resolve({ bytes, openWhileServing });
        });
      });
      req.on('error', (e) => (req.destroyed ? undefined : reject(e)));
    });
    expect(got.bytes).toBeLessThan(body.length);
    expect(got.openWhileServing).toBe(1);
    expect(await closed(file)).toBe(0);
    // The host serves the next request as before.
    expect((await get(h, idOf(file))).body.equals(body)).toBe(true);
    expect(await closed(file)).toBe(0);
  });

  it('refuses a damaged download and leaves no descriptor of it open', async () => {
    const { h, paths } = await hostWith({ 'case.casebundle': content(200_000) });
    const file = paths['case.casebundle'] as string;
    const raw = fs.readFileSync(file);
    raw[raw.length - 5] = (raw[raw.length - 5] as number) ^ 1;
    fs.writeFileSync(file, raw);
    expect((await get(h, idOf(file))).status).toBe(404);
    expect(await closed(file)).toBe(0);
    expect((await get(h, 'f'.repeat(32))).status).toBe(404);
  });
});
