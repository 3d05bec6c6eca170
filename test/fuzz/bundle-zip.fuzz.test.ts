// Mutation fuzzing of the case-bundle reader: a well-formed archive truncated, with bytes
// overwritten, with sizes and offsets in its headers rewritten (huge declared sizes, overlapping
// entries, a damaged central directory), and nested archives. Every input is read or refused with
// an UnsafeBundleError sentence; never another error, never a hang, never past the limits.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { readBundleEntries, UnsafeBundleError, type ReadLimits } from '../../src/core/bundle/read-bundle';
import { tempDir } from '../support/tmp';
import { budget, LONG } from './budget';

const LIMITS: ReadLimits = {
  maxArchiveBytes: 4 * 1024 * 1024,
  maxEntries: 16,
  maxEntryBytes: 1024 * 1024,
  maxTotalBytes: 2 * 1024 * 1024,
  maxRatio: 100,
  ratioFloorBytes: 64 * 1024,
};

function zip(entries: readonly [string, Buffer, boolean][]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const z = new yazl.ZipFile();
    for (const [name, data, compress] of entries) z.addBuffer(data, name, { compress, mtime: new Date(2026, 0, 1) });
    z.end();
    const chunks: Buffer[] = [];
    z.outputStream.on('data', (c: Buffer) => chunks.push(c));
    z.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    z.outputStream.on('error', reject);
  });
}

const MANIFEST = Buffer.from(JSON.stringify({ format: 'casegraph-bundle', version: 1, files: { 'reports.ndjson': 'x' } }));
const REPORTS = Buffer.from('{"id":"A","version":1}\n'.repeat(200));

type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'bytes'; at: number; bytes: number[] }
  | { kind: 'u32'; at: number; value: number }
  | { kind: 'u16'; at: number; value: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('bytes' as const),
    at: fc.nat(),
    bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 8 }),
  }),
  fc.record({
    kind: fc.constant('u32' as const),
    at: fc.nat(),
    value: fc.oneof(fc.constantFrom(0, 1, 0xffffffff, 0x7fffffff, 0x10000000), fc.nat()),
  }),
  fc.record({ kind: fc.constant('u16' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 0xffff }) }),
);

/** Header positions worth hitting: where the signatures of local and central headers and the end record are. */
function signatures(b: Buffer): number[] {
  const at: number[] = [];
  for (let i = 0; i + 4 <= b.length; i++) {
    const s = b.readUInt32LE(i);
    if (s === 0x04034b50 || s === 0x02014b50 || s === 0x06054b50) at.push(i);
  }
  return at;
}

function apply(b: Buffer, ms: readonly Mutation[], anchors: readonly number[]): Buffer {
  let out = Buffer.from(b);
  for (const m of ms) {
    // Half the mutations land in a header (its fields are at offsets 0–46 from the signature).
    const base = anchors.length > 0 && m.at % 2 === 0 ? (anchors[m.at % anchors.length] as number) + ((m.at >> 1) % 46) : m.at;
    const at = base % Math.max(1, out.length);
    if (m.kind === 'truncate') out = out.subarray(0, at);
    else if (m.kind === 'bytes') m.bytes.forEach((x, i) => at + i < out.length && (out[at + i] = x));
    else if (m.kind === 'u32' && at + 4 <= out.length) out.writeUInt32LE(m.value >>> 0, at);
    else if (m.kind === 'u16' && at + 2 <= out.length) out.writeUInt16LE(m.value, at);
  }
  return out;
}

async function check(dir: string, bytes: Buffer, n: number): Promise<void> {
  const file = path.join(dir, `b${n}.casebundle`);
  fs.writeFileSync(file, bytes);
  try {
    const entries = await readBundleEntries(file, LIMITS);
    let total = 0;
    for (const [name, data] of entries) {
      expect(name.length).toBeGreaterThan(0);
      expect(data.length).toBeLessThanOrEqual(LIMITS.maxEntryBytes);
      total += data.length;
    }
    expect(total).toBeLessThanOrEqual(LIMITS.maxTotalBytes);
  } catch (e) {
    if (!(e instanceof UnsafeBundleError)) throw new Error(`not an UnsafeBundleError: ${(e as Error).stack ?? String(e)}`);
    expect((e as Error).message.length).toBeGreaterThan(0);
  } finally {
    fs.rmSync(file, { force: true });
  }
}

describe('the case-bundle reader under mutation', () => {
  const TIMEOUT = LONG ? 1_200_000 : 60_000;

  it('reads or refuses a mutated bundle with a sentence, within the limits', { timeout: TIMEOUT }, async () => {
    const dir = tempDir();
    const stored = await zip([
      ['manifest.json', MANIFEST, false],
      ['reports.ndjson', REPORTS, true],
      ['summary.pdf', Buffer.alloc(3000, 7), true],
    ]);
    const anchors = signatures(stored);
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), async (ms) => check(dir, apply(stored, ms, anchors), n++)),
      budget(300),
    );
  });

  it(
    'refuses bombs: a highly compressed entry, a zip inside a zip, many entries, quoted overlapping entries',
    { timeout: TIMEOUT },
    async () => {
      const dir = tempDir();
      const bomb = await zip([
        ['manifest.json', MANIFEST, false],
        ['reports.ndjson', Buffer.alloc(3 * 1024 * 1024, 0x20), true],
      ]);
      await expect(readBundleEntries(writeTo(dir, 'bomb', bomb), LIMITS)).rejects.toThrow(UnsafeBundleError);
      const inner = await zip([['reports.ndjson', Buffer.alloc(1024 * 1024, 0x20), true]]);
      const nested = await zip([
        ['manifest.json', MANIFEST, false],
        ['inner.zip', inner, true],
        ['inner2.zip', inner, true],
        ['inner3.zip', inner, true],
      ]);
      // A nested archive is read as the bytes it is, never opened: its size counts, not its contents.
      const read = await readBundleEntries(writeTo(dir, 'nested', nested), LIMITS);
      expect(read.get('inner.zip')?.length).toBe(inner.length);
      const many = await zip(Array.from({ length: 40 }, (_, i) => [`r${i}.ndjson`, Buffer.from('x'), false] as [string, Buffer, boolean]));
      await expect(readBundleEntries(writeTo(dir, 'many', many), LIMITS)).rejects.toThrow(/entries/);
      // Two central-directory records pointing at one local entry (the "quoted" overlap kind).
      const one = await zip([
        ['a.ndjson', REPORTS, true],
        ['b.ndjson', REPORTS, true],
      ]);
      const central = signatures(one).filter((at) => one.readUInt32LE(at) === 0x02014b50);
      const overlapped = Buffer.from(one);
      overlapped.writeUInt32LE(one.readUInt32LE((central[0] as number) + 42), (central[1] as number) + 42);
      await expect(readBundleEntries(writeTo(dir, 'overlap', overlapped), LIMITS)).rejects.toThrow(/overlaps another entry/);
    },
  );
});

function writeTo(dir: string, name: string, bytes: Buffer): string {
  const file = path.join(dir, `${name}.casebundle`);
  fs.writeFileSync(file, bytes);
  return file;
}
