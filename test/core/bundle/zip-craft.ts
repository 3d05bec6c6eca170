// Hand-made ZIP archives for the hostile-bundle tests: names, attributes, duplicates and declared
// sizes exactly as a hostile sender would write them (a library would refuse to write most).
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { MANIFEST, SIGNATURE } from '../../../src/core/bundle/manifest';

export interface CraftEntry {
  readonly name: string | Buffer;
  readonly data: Buffer;
  readonly deflate?: boolean;
  /** Unix mode in the high 16 bits of the external attributes (default 0o100644). */
  readonly mode?: number;
  /** Declared uncompressed size (default: the real one). */
  readonly declaredSize?: number;
}

export function craftZip(entries: readonly CraftEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = typeof e.name === 'string' ? Buffer.from(e.name, 'utf8') : e.name;
    const body = e.deflate ? zlib.deflateRawSync(e.data) : e.data;
    const crc = zlib.crc32(e.data);
    const size = e.declaredSize ?? e.data.length;
    const method = e.deflate ? 8 : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(0, 10);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(0, 12);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(((e.mode ?? 0o100644) << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** Entries with the manifest rewritten (hashes of the entries as they are now) and signed again. */
export function resign(
  entries: Map<string, Buffer>,
  privateKey: crypto.KeyObject,
  edit: (m: Record<string, unknown>) => void = () => {},
): Map<string, Buffer> {
  const out = new Map(entries);
  const m = JSON.parse((entries.get(MANIFEST) as Buffer).toString('utf8')) as Record<string, unknown> & {
    entries: { path: string; size: number; sha256: string }[];
  };
  m.entries = m.entries
    .filter((e) => out.has(e.path))
    .map((e) => {
      const data = out.get(e.path) as Buffer;
      return { path: e.path, size: data.length, sha256: crypto.createHash('sha256').update(data).digest('hex') };
    });
  edit(m);
  const bytes = Buffer.from(JSON.stringify(m, null, 2), 'utf8');
  out.set(MANIFEST, bytes);
  out.set(SIGNATURE, crypto.sign(null, bytes, privateKey));
  return out;
}

export function zipOf(entries: ReadonlyMap<string, Buffer>, extra: readonly CraftEntry[] = []): Buffer {
  return craftZip([...[...entries].map(([name, data]) => ({ name, data, deflate: true })), ...extra]);
}
