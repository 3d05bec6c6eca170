// A bundle is untrusted input: every hostile case is rejected with a clear reason, and the
// receiving store is exactly as it was (all tables hashed before and after).
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BundleRejectedError, importBundle } from '../../../src/core/bundle/import-bundle';
import { DEFAULT_LIMITS, readBundleEntries, type ReadLimits } from '../../../src/core/bundle/read-bundle';
import { writeBundle } from '../../../src/core/bundle/write-bundle';
import { openStore, type Db } from '../../../src/core/store/db';
import { importDemo } from '../../../src/core/import/import-demo';
import { tempDir } from '../../support/tmp';
import { linkedStore, snapshot, type Fixture } from './fixture';
import { craftZip, resign, zipOf, type CraftEntry } from './zip-craft';

let f: Fixture;
let good: Map<string, Buffer>;

beforeAll(async () => {
  f = await linkedStore(200, 11);
  const out = path.join(f.dir, 'good.casebundle');
  await writeBundle(f.db, { seriesId: f.seriesId, redact: false, sharingKey: null, identity: f.identity, bureau: 'Issuer', out });
  good = await readBundleEntries(out);
  // The fixture's tempDir is removed after the first test: keep what the cases need in memory.
}, 120_000);

async function expectRejected(archive: Buffer, reason: RegExp, limits: ReadLimits = DEFAULT_LIMITS): Promise<void> {
  const dir = tempDir();
  const db: Db = openStore(path.join(dir, 'receiver.db'));
  await importDemo(db, { reports: 20, seed: 5 });
  const before = snapshot(db);
  const file = path.join(dir, 'hostile.casebundle');
  fs.writeFileSync(file, archive);
  let error: unknown = null;
  try {
    await importBundle(db, file, { limits });
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(BundleRejectedError);
  expect((error as Error).message).toMatch(/^bundle rejected, nothing was stored: /);
  expect((error as BundleRejectedError).check.problems.join('\n')).toMatch(reason);
  expect((error as BundleRejectedError).check.intact).toBe(false);
  expect(snapshot(db)).toBe(before);
  db.close();
}

const without = (name: string): Map<string, Buffer> => {
  const m = new Map(good);
  m.delete(name);
  return m;
};

describe('hostile bundles', () => {
  it('accepts the untouched bundle (the cases below differ from it in one way each)', async () => {
    const dir = tempDir();
    const db = openStore(path.join(dir, 'r.db'));
    const file = path.join(dir, 'ok.casebundle');
    fs.writeFileSync(file, zipOf(good));
    expect((await importBundle(db, file)).new).toBe(f.reportIds.length);
    db.close();
  });

  it('rejects a missing or bad signature and a manifest altered after signing', async () => {
    await expectRejected(zipOf(without('manifest.sig')), /manifest\.sig is missing/);
    const sig = Buffer.from(good.get('manifest.sig') as Buffer);
    sig[5] = (sig[5] as number) ^ 0xff;
    await expectRejected(zipOf(new Map([...good, ['manifest.sig', sig]])), /signature does not match/);
    await expectRejected(zipOf(new Map([...good, ['manifest.sig', sig.subarray(0, 10)]])), /not a 64-byte Ed25519 signature/);
    const manifest = Buffer.from((good.get('manifest.json') as Buffer).toString('utf8').replace('"Issuer"', '"Forger"'));
    await expectRejected(zipOf(new Map([...good, ['manifest.json', manifest]])), /signature does not match/);
    await expectRejected(zipOf(new Map([...good, ['signer.pem', Buffer.from('not a key')]])), /signer\.pem: not a public key/);
  });

  it('rejects an entry whose bytes do not match the manifest', async () => {
    const ndjson = Buffer.from(good.get('reports.ndjson') as Buffer);
    const at = ndjson.indexOf('"version":1');
    ndjson[at + 10] = '2'.charCodeAt(0);
    await expectRejected(zipOf(new Map([...good, ['reports.ndjson', ndjson]])), /reports\.ndjson does not match its SHA-256/);
  });

  it('rejects unlisted extra entries and missing required entries', async () => {
    await expectRejected(zipOf(good, [{ name: 'extra.txt', data: Buffer.from('hello') }]), /extra\.txt is in the archive but not listed/);
    await expectRejected(zipOf(without('summary.pdf')), /summary\.pdf is listed in the manifest but missing/);
    await expectRejected(zipOf(resign(without('graph.graphml'), f.identity.privateKey)), /graph\.graphml is missing/);
    await expectRejected(zipOf(without('signer.pem')), /signer\.pem is missing/);
  });

  it('rejects path traversal, absolute paths, backslashes, drive letters and links', async () => {
    const payload = { data: Buffer.from('x') };
    await expectRejected(zipOf(good, [{ name: '../evil.txt', ...payload }]), /climbs out of the bundle/);
    await expectRejected(zipOf(good, [{ name: 'notes/../../evil.txt', ...payload }]), /climbs out of the bundle/);
    await expectRejected(zipOf(good, [{ name: '/etc/cron.d/evil', ...payload }]), /absolute path/);
    await expectRejected(zipOf(good, [{ name: '..\\evil.txt', ...payload }]), /backslash/);
    await expectRejected(zipOf(good, [{ name: 'C:/Windows/evil.txt', ...payload }]), /names a drive/);
    await expectRejected(zipOf(good, [{ name: 'link', data: Buffer.from('/etc/passwd'), mode: 0o120777 }]), /symbolic link/);
  });

  it('rejects duplicate entry names, also differing only in case', async () => {
    await expectRejected(zipOf(good, [{ name: 'reports.ndjson', data: Buffer.from('{}\n') }]), /"reports\.ndjson" appears more than once/);
    await expectRejected(zipOf(good, [{ name: 'Reports.ndjson', data: Buffer.from('{}\n') }]), /appears more than once/);
  });

  it('rejects zip bombs: ratio, total and per-entry size, and inflated bytes beyond the declared size', async () => {
    const zeros = Buffer.alloc(40 * 1024 * 1024);
    await expectRejected(zipOf(good, [{ name: 'bomb.bin', data: zeros, deflate: true }]), /compressed more than 100:1/);
    // A header that lies: declares 1 KiB, inflates to 2 MiB.
    const lying: CraftEntry = { name: 'lie.bin', data: Buffer.alloc(2 * 1024 * 1024, 1), deflate: true, declaredSize: 1024 };
    await expectRejected(zipOf(good, [lying]), /inflates beyond its declared size|damaged/);
    const small: ReadLimits = { ...DEFAULT_LIMITS, maxEntryBytes: 64 * 1024, maxTotalBytes: 10 * 1024 * 1024 };
    await expectRejected(zipOf(good, [{ name: 'big.bin', data: Buffer.alloc(100 * 1024, 7) }]), /over the limit/, small);
    const tight: ReadLimits = { ...DEFAULT_LIMITS, maxTotalBytes: 64 * 1024 };
    await expectRejected(zipOf(good), /add up to more than/, tight);
    await expectRejected(craftZip(Array.from({ length: 80 }, (_, i) => ({ name: `f${i}`, data: Buffer.from('x') }))), /80 entries/);
    await expectRejected(Buffer.from('PK\u0003\u0004 not really a zip'), /not a readable ZIP archive/);
  });

  it('rejects a wrong format version, malformed NDJSON and malformed GraphML even when signed', async () => {
    const key = f.identity.privateKey;
    await expectRejected(zipOf(resign(good, key, (m) => (m['format_version'] = 2))), /format version 2 is not supported/);
    const badLine = Buffer.concat([good.get('reports.ndjson') as Buffer, Buffer.from('{"id": "X", "version": \n')]);
    await expectRejected(zipOf(resign(new Map([...good, ['reports.ndjson', badLine]]), key)), /reports\.ndjson line \d+ is not valid JSON/);
    const invalid = Buffer.concat([
      good.get('reports.ndjson') as Buffer,
      Buffer.from('{"id":"X","version":1,"precinct":"P","reported_at":"yesterday","category":"loan"}\n'),
    ]);
    await expectRejected(zipOf(resign(new Map([...good, ['reports.ndjson', invalid]]), key)), /\(X\): reported_at/);
    const gml = (good.get('graph.graphml') as Buffer).toString('utf8');
    await expectRejected(
      zipOf(resign(new Map([...good, ['graph.graphml', Buffer.from(gml.replace('</graph>', ''))]]), key)),
      /graph\.graphml: <\/graphml> does not close/,
    );
    await expectRejected(
      zipOf(
        resign(new Map([...good, ['graph.graphml', Buffer.from(gml.replace('<graph ', '<!DOCTYPE x [<!ENTITY a "b">]><graph '))]]), key),
      ),
      /graph\.graphml/,
    );
    await expectRejected(
      zipOf(resign(new Map([...good, ['graph.graphml', Buffer.from(gml.replace(/source="[^"]*"/, 'source="nowhere"'))]]), key)),
      /undeclared node/,
    );
  });
});
