// Uploads and downloads are never in the clear on disk, checked as an attacker holding the disk
// would: a report file, a statements file and a case bundle uploaded to a real `casegraph serve`
// (its temporary folder pointed into the test's own), imported, then the series exported as a
// bundle and its money flow as GraphML for download; at every step no victim's name, phone or ID
// number from them is found as bytes (UTF-8 or UTF-16LE) anywhere under the temporary folder or
// the store's folder — the store is encrypted, and staged and downloadable files are sealed under a
// key the process holds only in memory — the staged files are gone once imported, the downloads
// are served whole in the clear over the authenticated route, everything is gone at exit, and the
// host's own output (stdout and stderr) carries none of the values.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { builtFile } from '../support/built';
import { secretsOnDisk } from '../support/secrets-on-disk';
import { csvLine, rows } from '../support/statement-files';
import { tempDir } from '../support/tmp';

const NAME = '欧阳晓测';
const PHONE = '13987654321';
const ID_NUMBER = '320102198805061234';
const SECRETS = [NAME, PHONE, ID_NUMBER];

function report(id: string): string {
  return JSON.stringify({
    id,
    version: 1,
    precinct: 'NJ-XUANWU',
    reported_at: '2025-06-03T09:12:00+08:00',
    category: 'fake_prize',
    loss: { amount: '5000.00', currency: 'CNY' },
    victim: { name: NAME, phone: PHONE, id_number: ID_NUMBER, age: 34 },
    narrative: '收到短信称银行送礼品，点击链接后按提示回复验证码，卡内5000元被转走。',
    identifiers: [
      { kind: 'url', value: 'icbc-jf-test.cn/lq', role: 'link' },
      { kind: 'bank_card', value: '6222020000000000001', role: 'payee' },
    ],
  });
}

const STATEMENT = [
  '交易卡号,交易户名,交易时间,交易金额,收付标志,交易对手账卡号,对手户名,交易是否成功,摘要说明',
  `6222020000000000001,王某,2025-03-01 10:00:05,5000.00,进,6222020000000000009,${NAME},是,转账 ${PHONE}`,
  `6222020000000000001,王某,2025-03-01 10:04:10,4900.00,出,6222020000000000002,${NAME},是,转账`,
  // Other cards' rows after them, so that the file (over 1 MiB) is read in the statements worker.
  ...rows(14_000).map((r) => csvLine([r[0] as string, '某某', r[1] as string, r[2] as string, '出', r[5] as string, '某某', '是', '转账'])),
].join('\r\n');

function cli(args: string[], env: NodeJS.ProcessEnv): string {
  const r = spawnSync(process.execPath, [builtFile('casegraph.js'), ...args], { encoding: 'utf8', env });
  if (r.status !== 0) throw new Error(`casegraph ${args[0]} failed: ${r.stderr}`);
  return r.stdout;
}

const children: ChildProcess[] = [];
afterEach(() => {
  while (children.length) children.pop()?.kill('SIGKILL');
});

describe('uploads at rest', () => {
  it(
    'stages a report file, a statements file and a bundle encrypted, and leaves no victim value on disk',
    { timeout: 120_000 },
    async () => {
      const dir = tempDir();
      const tmp = path.join(dir, 'tmp');
      const storeDir = path.join(dir, 'store');
      const outside = path.join(dir, 'investigator');
      for (const d of [tmp, storeDir, outside]) fs.mkdirSync(d, { recursive: true });
      const env = { ...process.env, TMPDIR: tmp };

      // The investigator's own files (outside the folders checked), and a bundle from another store.
      const reports = path.join(outside, 'reports.ndjson');
      fs.writeFileSync(reports, `${report('RPT-LEAK-1')}\n${report('RPT-LEAK-2')}\n{"id": "broken"\n`);
      const statements = path.join(outside, 'statement.csv');
      fs.writeFileSync(statements, STATEMENT);
      const other = path.join(outside, 'other.db');
      cli(['import', reports, '--db', other], env);
      cli(['link', '--db', other], env);
      const series = JSON.parse(cli(['series', '--db', other, '--json'], env)) as { id: string }[] | { rows: { id: string }[] };
      const seriesId = (Array.isArray(series) ? series : series.rows)[0]?.id as string;
      const bundle = path.join(outside, 'case.casebundle');
      cli(['export', seriesId, '--out', bundle, '--db', other], env);
      for (const s of SECRETS) expect(fs.readFileSync(reports, 'utf8')).toContain(s);

      const child = spawn(process.execPath, [builtFile('casegraph.js'), 'serve', '--db', path.join(storeDir, 'store.db'), '--port', '0'], {
        stdio: ['ignore', 'pipe', 'pipe'],
        env,
      });
      children.push(child);
      let hostOutput = '';
      child.stderr.setEncoding('utf8').on('data', (c: string) => (hostOutput += c));
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.setEncoding('utf8').on('data', (c: string) => {
          out += c;
          hostOutput += c;
          const m = /^(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/m.exec(out);
          if (m?.[1]) resolve(m[1]);
        });
        child.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
      });
      const { origin, searchParams } = new URL(url);
      const headers = { Authorization: `Bearer ${searchParams.get('token') ?? ''}`, 'X-Casegraph': '1' };
      const call = async <T>(method: string, arg: unknown): Promise<T> => {
        const r = await fetch(`${origin}/api/call/${method}`, { method: 'POST', headers, body: JSON.stringify(arg) });
        const result = (await r.json()) as { ok: boolean; value?: T; error?: { message: string } };
        if (!result.ok) throw new Error(`${method}: ${result.error?.message}`);
        return result.value as T;
      };
      const upload = async (file: string): Promise<string> => {
        const r = await fetch(`${origin}/api/upload?name=${encodeURIComponent(path.basename(file))}`, {
          method: 'POST',
          headers,
          body: fs.readFileSync(file),
        });
        return ((await r.json()) as { value: { path: string } }).value.path;
      };
      // Job outcomes arrive as server-sent events.
      const outcomes: { kind: string; ok: boolean; summary?: Record<string, unknown> }[] = [];
      const events = await fetch(`${origin}/api/events`, { headers });
      void (async () => {
        const decoder = new TextDecoder();
        let buffered = '';
        for await (const chunk of events.body as unknown as AsyncIterable<Uint8Array>) {
          buffered += decoder.decode(chunk, { stream: true });
          let end: number;
          while ((end = buffered.indexOf('\n\n')) >= 0) {
            const frame = buffered.slice(0, end);
            buffered = buffered.slice(end + 2);
            if (!frame.startsWith('data: ')) continue;
            const e = JSON.parse(frame.slice(6)) as { type: string; outcome?: (typeof outcomes)[number] };
            if (e.type === 'job.done' && e.outcome) outcomes.push(e.outcome);
          }
        }
      })().catch(() => {});
      const download = async (id: string): Promise<Response> => fetch(`${origin}/api/download/${id}`, { headers });
      const idle = async (): Promise<void> => {
        for (let i = 0; i < 600 && (await call('job.current', {})) !== null; i++) await new Promise((r) => setTimeout(r, 100));
      };

      const staged = [await upload(reports), await upload(statements), await upload(bundle)];
      for (const f of staged) expect(f.startsWith(tmp + path.sep)).toBe(true);
      // Staged, not yet imported: sealed, so nothing readable under the temporary folder.
      expect(secretsOnDisk([tmp], SECRETS)).toEqual([]);

      await call('import.start', { files: [staged[0]] });
      await idle();
      await call('statements.import', { files: [staged[1]] });
      await idle();
      const statementsJob = outcomes.find((o) => o.kind === 'statements');
      expect(statementsJob?.ok, JSON.stringify(statementsJob)).toBe(true);
      expect(statementsJob?.summary?.new).toBe(2 + 14_000 - 15);
      await call('bundle.verify', { file: staged[2] });
      await call('bundle.import', { file: staged[2] });
      await idle();
      const info = await call<{ reports: number }>('store.info', {});
      expect(info.reports).toBe(2);
      expect(await call<unknown[]>('bundle.imports', {})).toHaveLength(1);
      // Imported: the staged files are gone, and nothing readable anywhere under either folder.
      for (const f of staged) expect(fs.existsSync(f)).toBe(false);
      expect(secretsOnDisk([tmp], SECRETS)).toEqual([]);
      expect(secretsOnDisk([storeDir], SECRETS)).toEqual([]);

      // Exports for download: written sealed, readable only through the host.
      await call('link.start', { full: true });
      await idle();
      const list = await call<{ rows: { id: string }[] }>('series.query', { offset: 0, limit: 10 });
      const target = list.rows[0]?.id as string;
      await call('bundle.export', { seriesId: target, redact: false });
      await idle();
      const exported = outcomes.find((o) => o.kind === 'export');
      expect(exported?.ok).toBe(true);
      const bundleId = exported?.summary?.downloadId as string;
      const flow = await call<{ downloadId: string; flows: number }>('flow.export', { seriesId: target, format: 'graphml' });
      expect(flow.flows).toBeGreaterThan(0);
      expect(secretsOnDisk([tmp], SECRETS)).toEqual([]);
      expect(secretsOnDisk([storeDir], SECRETS)).toEqual([]);
      const bundleDownload = await download(bundleId);
      expect(bundleDownload.status).toBe(200);
      const bundleBytes = Buffer.from(await bundleDownload.arrayBuffer());
      expect(bundleBytes.subarray(0, 2).toString()).toBe('PK');
      expect(Number(bundleDownload.headers.get('content-length'))).toBe(bundleBytes.length);
      const flowDownload = await download(flow.downloadId);
      expect(flowDownload.status).toBe(200);
      const graphml = await flowDownload.text();
      expect(graphml).toContain('<graphml');
      expect(graphml).toContain(NAME);
      // Served as often as asked, and still sealed on disk after.
      expect((await download(flow.downloadId)).status).toBe(200);
      expect(secretsOnDisk([tmp], SECRETS)).toEqual([]);

      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      expect(fs.readdirSync(tmp).filter((n) => n.startsWith('casegraph-uploads-'))).toEqual([]);
      expect(secretsOnDisk([tmp], SECRETS)).toEqual([]);
      expect(secretsOnDisk([storeDir], SECRETS)).toEqual([]);
      expect(hostOutput).toContain('127.0.0.1');
      for (const s of SECRETS) expect(hostOutput).not.toContain(s);
    },
  );
});
