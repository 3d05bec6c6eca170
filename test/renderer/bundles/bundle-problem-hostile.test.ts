// Every way the real verifier refuses a hostile bundle reads in Chinese on the import screen.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, readBundleEntries, type ReadLimits } from '../../../src/core/bundle/read-bundle';
import { verifyBundleFile } from '../../../src/core/bundle/verify';
import { writeBundle } from '../../../src/core/bundle/write-bundle';
import { bundleProblemText } from '../../../src/renderer/src/bundles/bundle-problem-text';
import { zhCN } from '../../../src/renderer/src/i18n/zh-cn';
import { tempDir } from '../../support/tmp';
import { linkedStore } from '../../core/bundle/fixture';
import { craftZip, resign, zipOf } from '../../core/bundle/zip-craft';

let good: Map<string, Buffer>;
let key: Awaited<ReturnType<typeof linkedStore>>['identity']['privateKey'];

beforeAll(async () => {
  const f = await linkedStore(120, 11);
  const out = path.join(f.dir, 'good.casebundle');
  await writeBundle(f.db, { seriesId: f.seriesId, redact: false, sharingKey: null, identity: f.identity, bureau: 'Issuer', out });
  good = await readBundleEntries(out);
  key = f.identity.privateKey;
  f.db.close();
}, 120_000);

async function problemsOf(archive: Buffer, limits: ReadLimits = DEFAULT_LIMITS): Promise<readonly string[]> {
  const file = path.join(tempDir(), 'hostile.casebundle');
  fs.writeFileSync(file, archive);
  const { check } = await verifyBundleFile(null, file, limits);
  expect(check.intact).toBe(false);
  return check.problems;
}

const without = (name: string): Map<string, Buffer> => new Map([...good].filter(([n]) => n !== name));

describe('hostile bundles, as the investigator reads them', () => {
  it('has a Chinese sentence for every refusal', async () => {
    const sig = Buffer.from(good.get('manifest.sig') as Buffer);
    sig[5] = (sig[5] as number) ^ 0xff;
    const ndjson = Buffer.from(good.get('reports.ndjson') as Buffer);
    ndjson[ndjson.indexOf('"version":1') + 10] = '2'.charCodeAt(0);
    const gml = (good.get('graph.graphml') as Buffer).toString('utf8');
    const cases: [Buffer, ReadLimits?][] = [
      [zipOf(without('manifest.sig'))],
      [zipOf(new Map([...good, ['manifest.sig', sig]]))],
      [zipOf(new Map([...good, ['manifest.sig', sig.subarray(0, 10)]]))],
      [zipOf(new Map([...good, ['signer.pem', Buffer.from('not a key')]]))],
      [zipOf(new Map([...good, ['reports.ndjson', ndjson]]))],
      [zipOf(good, [{ name: 'extra.txt', data: Buffer.from('hello') }])],
      [zipOf(without('summary.pdf'))],
      [zipOf(resign(without('graph.graphml'), key))],
      [zipOf(good, [{ name: '../evil.txt', data: Buffer.from('x') }])],
      [zipOf(good, [{ name: '/etc/cron.d/evil', data: Buffer.from('x') }])],
      [zipOf(good, [{ name: 'link', data: Buffer.from('/etc/passwd'), mode: 0o120777 }])],
      [zipOf(good, [{ name: 'Reports.ndjson', data: Buffer.from('{}\n') }])],
      [zipOf(good, [{ name: 'bomb.bin', data: Buffer.alloc(40 * 1024 * 1024), deflate: true }])],
      [zipOf(good, [{ name: 'lie.bin', data: Buffer.alloc(2 * 1024 * 1024, 1), deflate: true, declaredSize: 1024 }])],
      [
        zipOf(good, [{ name: 'big.bin', data: Buffer.alloc(100 * 1024, 7) }]),
        { ...DEFAULT_LIMITS, maxEntryBytes: 64 * 1024, maxTotalBytes: 10 * 1024 * 1024 },
      ],
      [zipOf(good), { ...DEFAULT_LIMITS, maxTotalBytes: 64 * 1024 }],
      [craftZip(Array.from({ length: 80 }, (_, i) => ({ name: `f${i}`, data: Buffer.from('x') })))],
      [Buffer.from('PK\u0003\u0004 not really a zip')],
      [zipOf(resign(good, key, (m) => (m['format_version'] = 2)))],
      [
        zipOf(
          resign(
            new Map([
              ...good,
              ['reports.ndjson', Buffer.concat([good.get('reports.ndjson') as Buffer, Buffer.from('{"id": "X", "version": \n')])],
            ]),
            key,
          ),
        ),
      ],
      [
        zipOf(
          resign(
            new Map([
              ...good,
              [
                'reports.ndjson',
                Buffer.concat([
                  good.get('reports.ndjson') as Buffer,
                  Buffer.from('{"id":"X","version":1,"precinct":"P","reported_at":"yesterday","category":"loan"}\n'),
                ]),
              ],
            ]),
            key,
          ),
        ),
      ],
      [zipOf(resign(new Map([...good, ['graph.graphml', Buffer.from(gml.replace('</graph>', ''))]]), key))],
    ];
    const untranslated: string[] = [];
    for (const [archive, limits] of cases) {
      for (const problem of await problemsOf(archive, limits)) {
        const { text, translated } = bundleProblemText(problem, zhCN);
        if (!translated) untranslated.push(problem);
        else expect(text).toMatch(/[\u4e00-\u9fff]/);
      }
    }
    expect(untranslated).toEqual([]);
  }, 120_000);
});
