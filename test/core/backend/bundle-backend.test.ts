// Case bundles through the API contract, on real stores: the workstation key sealed by the host's
// vault, the sharing key, export as a job with a browser download over real HTTP, verify and
// import on a second workstation that trusts the first, provenance, idempotence, a tampered
// bundle rejected by the import job, the trust list, and the audit trail.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BundleCheck, JobOutcome, KeyInfo, TrustedKeyView } from '../../../src/common/api';
import { Backend } from '../../../src/core/backend/backend';
import { WORKSTATION_KEY_FILE } from '../../../src/core/bundle/identity';
import { openStore } from '../../../src/core/store/db';
import { FileTokenVault } from '../../../src/core/sync/file-token-vault';
import { startHost } from '../../../src/serve/http-host';
import { currentJobOf, EventLog } from '../../support/events';
import { tempDir } from '../../support/tmp';
import { linkedStore } from '../bundle/fixture';

function backendOn(dbPath: string, downloadRoot?: string): { b: Backend; events: EventLog } {
  const events = new EventLog();
  const vault = new FileTokenVault(path.join(path.dirname(dbPath), 'token-vault.key'));
  const b = new Backend({ dbPath, vault, onEvent: events.push, ...(downloadRoot ? { downloadRoot } : {}) });
  return { b, events };
}

const outcome = (events: EventLog, jobId: string): Promise<JobOutcome> => events.outcome(jobId);

async function value<T>(p: Promise<{ ok: true; value: unknown } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
}

function get(
  origin: string,
  pathname: string,
  cookie: string,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(`${origin}${pathname}`, { headers: { Cookie: cookie } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

describe('bundle API', () => {
  it('exports for a browser download, and a trusting workstation verifies and imports it once', async () => {
    const f = await linkedStore(300, 9);
    f.db.close();
    fs.rmSync(path.join(f.dir, WORKSTATION_KEY_FILE));
    const downloads = path.join(f.dir, 'downloads');
    const issuer = backendOn(f.dbPath, downloads);
    expect(await issuer.b.call('settings.update', { bureauName: '南京市公安局玄武分局' })).toMatchObject({ ok: true });
    const key = await value<KeyInfo>(issuer.b.call('keys.get', {}));
    expect(key).toMatchObject({ sharingKeySet: false, publicPem: expect.stringMatching(/^-----BEGIN PUBLIC KEY-----/) });
    expect(key.fingerprint).toMatch(/^([0-9a-f]{4} ){15}[0-9a-f]{4}$/);
    const keyFile = path.join(f.dir, WORKSTATION_KEY_FILE);
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(keyFile, 'utf8')).toMatch(/^casegraph sealed workstation key v1\nsealed-by: key file\n/);
    expect(fs.readFileSync(keyFile, 'utf8')).not.toContain('PRIVATE KEY');

    expect(await issuer.b.call('sharingKey.set', { key: 'short' })).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    expect(await value(issuer.b.call('sharingKey.set', { key: 'the secret both bureaus agreed' }))).toEqual({ sharingKeySet: true });
    expect(await value<KeyInfo>(issuer.b.call('keys.get', {}))).toMatchObject({ sharingKeySet: true });

    expect(await issuer.b.call('bundle.export', { seriesId: 'nope', redact: false })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(
      await issuer.b.call('bundle.export', { seriesId: f.seriesId, redact: false, file: path.join(f.dir, 'anywhere.casebundle') }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    const { jobId } = await value<{ jobId: string }>(issuer.b.call('bundle.export', { seriesId: f.seriesId, redact: true }));
    const done = await outcome(issuer.events, jobId);
    if (!done.ok || done.kind !== 'export') throw new Error(JSON.stringify(done));
    expect(done.summary).toMatchObject({
      seriesId: f.seriesId,
      reports: f.reportIds.length,
      redaction: 'victims',
      downloadId: expect.stringMatching(/^[0-9a-f]{32}$/),
    });

    // The browser fetches it from the host, behind the same token as every other route.
    const host = await startHost({
      api: { call: (m, a) => issuer.b.call(m, a), onEvent: () => () => {} },
      rendererDir: path.join(f.dir, 'no-renderer'),
      stagingDir: path.join(f.dir, 'staging'),
      downloadDir: downloads,
      token: 't0k3n',
    });
    try {
      const unauthorised = await get(host.origin, `/api/download/${done.summary.downloadId as string}`, '');
      expect(unauthorised.status).toBe(401);
      expect((await get(host.origin, '/api/download/..%2F..%2Fissuer.db', 'casegraph_token=t0k3n')).status).toBe(404);
      const dl = await get(host.origin, `/api/download/${done.summary.downloadId as string}`, 'casegraph_token=t0k3n');
      expect(dl.status).toBe(200);
      expect(dl.headers['content-disposition']).toMatch(/^attachment; filename=".*-redacted\.casebundle"/);
      expect(dl.headers['content-type']).toBe('application/zip');
      expect(dl.body.subarray(0, 2).toString()).toBe('PK');
      const received = path.join(tempDir(), 'received.casebundle');
      fs.writeFileSync(received, dl.body);

      // The receiving workstation.
      const rdir = tempDir();
      const receiver = backendOn(path.join(rdir, 'receiver.db'));
      const self = await value<BundleCheck>(receiver.b.call('bundle.verify', { file: received }));
      expect(self).toMatchObject({ intact: true, signer: 'self-consistent', bureau: '南京市公安局玄武分局', redaction: 'victims' });
      expect(await receiver.b.call('trust.add', { publicPem: 'garbage', name: 'X' })).toMatchObject({
        ok: false,
        error: { code: 'invalid_argument' },
      });
      const trusted = await value<TrustedKeyView>(receiver.b.call('trust.add', { publicPem: key.publicPem, name: '玄武分局' }));
      expect(trusted.fingerprint).toBe(key.fingerprint.replace(/ /g, ''));
      expect(await value<BundleCheck>(receiver.b.call('bundle.verify', { file: received }))).toMatchObject({
        signer: 'trusted',
        signerName: '玄武分局',
      });

      const imp = await value<{ jobId: string }>(receiver.b.call('bundle.import', { file: received }));
      const imported = await outcome(receiver.events, imp.jobId);
      if (!imported.ok || imported.kind !== 'bundle') throw new Error(JSON.stringify(imported));
      expect(imported.summary).toMatchObject({ new: f.reportIds.length, alreadyImported: false, check: { signer: 'trusted' } });
      expect(await value(receiver.b.call('bundle.imports', {}))).toEqual([
        expect.objectContaining({ bureau: '南京市公安局玄武分局', trusted: true, redaction: 'victims', reports: f.reportIds.length }),
      ]);
      // The job's end asks for a link run (none here: this backend has no link worker); whatever
      // runs ends before the next job.
      await receiver.events.idle(currentJobOf(receiver.b));
      const again = await value<{ jobId: string }>(receiver.b.call('bundle.import', { file: received }));
      const second = await outcome(receiver.events, again.jobId);
      expect(second).toMatchObject({ ok: true, summary: { new: 0, alreadyImported: true } });

      const tampered = Buffer.from(dl.body);
      const mid = Math.floor(tampered.length / 2);
      tampered[mid] = (tampered[mid] as number) ^ 0xff;
      const bad = path.join(rdir, 'bad.casebundle');
      fs.writeFileSync(bad, tampered);
      const rejected = await outcome(
        receiver.events,
        (await value<{ jobId: string }>(receiver.b.call('bundle.import', { file: bad }))).jobId,
      );
      expect(rejected).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^bundle rejected, nothing was stored: /) } });

      expect(await value(receiver.b.call('trust.remove', { fingerprint: key.fingerprint }))).toEqual({ removed: true });
      expect(await value(receiver.b.call('trust.list', {}))).toEqual([]);
      receiver.b.close();
      const audit = openStore(path.join(rdir, 'receiver.db'), { readonly: true });
      expect(audit.prepare('SELECT action FROM audit_log ORDER BY id').pluck().all()).toEqual(
        expect.arrayContaining(['trust', 'bundle_import']),
      );
      audit.close();
    } finally {
      await host.close();
    }
    issuer.b.close();
    const db = openStore(f.dbPath, { readonly: true });
    expect(db.prepare("SELECT count(*) FROM audit_log WHERE action = 'export'").pluck().get()).toBe(1);
    expect(db.prepare("SELECT value FROM setting WHERE key = 'sharingKey.sealed'").pluck().get()).not.toContain('agreed');
    db.close();
  }, 120_000);
});
