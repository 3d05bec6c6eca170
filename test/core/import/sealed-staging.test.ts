// Staged uploads sealed under the launch's key: what goes in comes out, across chunk boundaries;
// nothing of it is on disk in the clear; a damaged, truncated or extended file is refused; files
// not staged (the desktop app's, the CLI's) are read as they are.
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import {
  ensureStagingKey,
  openImportFile,
  openImportSized,
  readImportFile,
  readImportHead,
  sealingStream,
} from '../../../src/core/import/sealed-staging';
import { tempDir } from '../../support/tmp';

async function seal(file: string, content: Buffer): Promise<void> {
  ensureStagingKey();
  await pipeline(Readable.from([content.subarray(0, 1000), content.subarray(1000)]), sealingStream(), fs.createWriteStream(file));
}

describe('sealed staging', () => {
  const text = Buffer.from(`{"victim":{"name":"欧阳晓测","phone":"13987654321"}}\n`.repeat(5000));

  it('round-trips a file of several chunks, with nothing of it in the clear', async () => {
    const file = path.join(tempDir(), 'upload.ndjson');
    await seal(file, text);
    const raw = fs.readFileSync(file);
    expect(raw.includes(Buffer.from('13987654321'))).toBe(false);
    expect(raw.includes(Buffer.from('欧阳晓测'))).toBe(false);
    expect((await readImportFile(file)).equals(text)).toBe(true);
    expect((await readImportHead(file, 12)).toString()).toBe('{"victim":{"');
    const parts: Buffer[] = [];
    for await (const p of openImportFile(file)) parts.push(p as Buffer);
    expect(Buffer.concat(parts).equals(text)).toBe(true);
  });

  it('seals an empty upload too', async () => {
    const file = path.join(tempDir(), 'empty.csv');
    await seal(file, Buffer.alloc(0));
    expect((await readImportFile(file)).length).toBe(0);
  });

  it('refuses a staged file that was damaged, truncated or extended', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'upload.ndjson');
    await seal(file, text);
    const raw = fs.readFileSync(file);
    const flipped = Buffer.from(raw);
    flipped[raw.length - 100] = (flipped[raw.length - 100] as number) ^ 1;
    const cases = { flipped, truncated: raw.subarray(0, 70_000), extended: Buffer.concat([raw, raw.subarray(24)]) };
    for (const [name, bytes] of Object.entries(cases)) {
      const f = path.join(dir, `${name}.ndjson`);
      fs.writeFileSync(f, bytes);
      await expect(readImportFile(f), name).rejects.toThrow(/is damaged or was not staged in this session/);
    }
  });

  it('reads a file that was not staged as it is', async () => {
    const file = path.join(tempDir(), 'plain.csv');
    fs.writeFileSync(file, 'a,b\n1,2\n');
    expect((await readImportFile(file)).toString()).toBe('a,b\n1,2\n');
    expect((await readImportHead(file, 3)).toString()).toBe('a,b');
  });

  it('opens a file once for its length in the clear and its bytes, staged or not', async () => {
    const dir = tempDir();
    const sealed = path.join(dir, 'upload.ndjson');
    await seal(sealed, text);
    const plain = path.join(dir, 'plain.csv');
    fs.writeFileSync(plain, 'a,b\n1,2\n');
    for (const [file, expected] of [
      [sealed, text],
      [plain, Buffer.from('a,b\n1,2\n')],
    ] as const) {
      const { size, stream } = openImportSized(file);
      expect(size).toBe(expected.length);
      const parts: Buffer[] = [];
      for await (const p of stream) parts.push(p as Buffer);
      expect(Buffer.concat(parts).equals(expected)).toBe(true);
    }
  });

  it.skipIf(!fs.existsSync('/proc/self/fd'))('closes the file when the stream is destroyed, even before it is read', async () => {
    const file = path.join(tempDir(), 'upload.ndjson');
    await seal(file, text);
    const open = (): number =>
      fs.readdirSync('/proc/self/fd').filter((fd) => {
        try {
          return fs.readlinkSync(path.join('/proc/self/fd', fd)) === file;
        } catch {
          return false;
        }
      }).length;
    const { stream } = openImportSized(file);
    expect(open()).toBe(1);
    stream.destroy();
    for (let i = 0; i < 100 && open() > 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(open()).toBe(0);
  });
});
