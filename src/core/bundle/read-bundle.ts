// Reading an untrusted bundle: the ZIP's entries into memory, bounded, never onto disk paths taken
// from the archive. Refused, each with its own sentence: names that are not plain relative paths
// (absolute, drive letters, backslashes, '..', empty segments), links and other non-regular files
// (by the Unix mode in the external attributes), duplicate names (also differing only in case),
// encrypted entries, too many entries, entries sharing bytes, and zip bombs: the declared sizes are checked against the
// caps and the compression ratio before inflating, and the inflated bytes are counted while
// streaming (yauzl also checks them against the declared size), so a lying header stops at the cap.
import fs from 'node:fs';
import yauzl from 'yauzl';
import { readImportFile } from '../import/sealed-staging';

export interface ReadLimits {
  readonly maxArchiveBytes: number;
  readonly maxEntries: number;
  readonly maxEntryBytes: number;
  readonly maxTotalBytes: number;
  /** Uncompressed / compressed, checked for entries over `ratioFloorBytes`. */
  readonly maxRatio: number;
  readonly ratioFloorBytes: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxArchiveBytes: 512 * 1024 * 1024,
  maxEntries: 64,
  maxEntryBytes: 512 * 1024 * 1024,
  maxTotalBytes: 1024 * 1024 * 1024,
  maxRatio: 100,
  ratioFloorBytes: 1024 * 1024,
};

export class UnsafeBundleError extends Error {
  override readonly name = 'UnsafeBundleError';
}

const mib = (n: number): string => `${(n / 1024 / 1024).toFixed(n < 1024 * 1024 ? 2 : 0)} MiB`;

/** Why `name` is not a plain relative path, or null when it is. */
export function unsafeName(name: string): string | null {
  if (name.length === 0) return 'an entry has an empty name';
  if (name.includes('\\')) return `entry "${name}" has a backslash in its name`;
  if (name.startsWith('/')) return `entry "${name}" has an absolute path`;
  if (/^[A-Za-z]:/.test(name)) return `entry "${name}" names a drive`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(name)) return `entry "${name.replace(/[^\x20-\x7e]/g, '?')}" has control characters in its name`;
  const parts = name.split('/');
  if (parts.includes('..')) return `entry "${name}" climbs out of the bundle (..)`;
  if (parts.some((p) => p === '' || p === '.')) return `entry "${name}" is not a plain path`;
  return null;
}

function open(buffer: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true }, (err, zip) =>
      err || !zip ? reject(err ?? new Error('no archive')) : resolve(zip),
    );
  });
}

/** The archive's entries by name. Throws UnsafeBundleError naming the first problem. */
export async function readBundleEntries(file: string, limits: ReadLimits = DEFAULT_LIMITS): Promise<Map<string, Buffer>> {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    throw new UnsafeBundleError(`cannot read ${file}: no such file`);
  }
  if (size > limits.maxArchiveBytes)
    throw new UnsafeBundleError(`the bundle is ${mib(size)}, over the limit of ${mib(limits.maxArchiveBytes)}`);
  // A staged upload is decrypted into memory (its size is capped above), never onto disk.
  const buffer = await readImportFile(file);
  let zip: yauzl.ZipFile;
  try {
    zip = await open(buffer);
  } catch (e) {
    throw new UnsafeBundleError(`not a readable ZIP archive (${(e as Error).message})`);
  }
  if (zip.entryCount > limits.maxEntries) {
    zip.close();
    throw new UnsafeBundleError(`the archive has ${zip.entryCount} entries, more than a bundle may have (${limits.maxEntries})`);
  }
  const entries = new Map<string, Buffer>();
  const folded = new Set<string>();
  const spans: [start: number, end: number][] = [];
  let declaredTotal = 0;
  let inflatedTotal = 0;
  const decoder = new TextDecoder('utf-8', { fatal: true });

  const readEntry = (entry: yauzl.Entry): Promise<Buffer> =>
    new Promise((resolve, reject) => {
      zip.openReadStream(entry, (err, stream) => {
        if (err || !stream) return reject(new UnsafeBundleError(`entry cannot be read (${err?.message ?? 'no stream'})`));
        const chunks: Buffer[] = [];
        let n = 0;
        stream.on('data', (c: Buffer) => {
          n += c.length;
          inflatedTotal += c.length;
          if (n > limits.maxEntryBytes || n > entry.uncompressedSize || inflatedTotal > limits.maxTotalBytes) {
            stream.destroy();
            reject(new UnsafeBundleError(`an entry inflates beyond its declared size or the limits (zip bomb?)`));
            return;
          }
          chunks.push(c);
        });
        stream.on('error', (e: Error) => reject(new UnsafeBundleError(`an entry is damaged (${e.message})`)));
        stream.on('end', () => resolve(Buffer.concat(chunks)));
      });
    });

  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', (e: Error) => reject(new UnsafeBundleError(`the archive is damaged (${e.message})`)));
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        void (async () => {
          let name: string;
          try {
            name = decoder.decode(entry.fileName as unknown as Buffer);
          } catch {
            throw new UnsafeBundleError('an entry name is not valid UTF-8');
          }
          const bad = unsafeName(name);
          if (bad) throw new UnsafeBundleError(bad);
          const mode = (entry.externalFileAttributes >>> 16) & 0o170000;
          if (mode === 0o120000) throw new UnsafeBundleError(`entry "${name}" is a symbolic link`);
          if ((mode !== 0 && mode !== 0o100000) || name.endsWith('/')) throw new UnsafeBundleError(`entry "${name}" is not a regular file`);
          if (entry.isEncrypted()) throw new UnsafeBundleError(`entry "${name}" is encrypted`);
          if (entries.has(name) || folded.has(name.toLowerCase())) throw new UnsafeBundleError(`entry "${name}" appears more than once`);
          folded.add(name.toLowerCase());
          // Each entry's local header and data are bytes of its own: entries that share them are
          // the overlapping kind of zip bomb (one compressed stream inflated many times).
          const start = entry.relativeOffsetOfLocalHeader;
          const end = start + 30 + entry.compressedSize;
          if (spans.some(([a, b]) => start < b && a < end))
            throw new UnsafeBundleError(`entry "${name}" overlaps another entry's bytes (zip bomb?)`);
          spans.push([start, end]);
          if (entry.uncompressedSize > limits.maxEntryBytes)
            throw new UnsafeBundleError(
              `entry "${name}" is ${mib(entry.uncompressedSize)} uncompressed, over the limit of ${mib(limits.maxEntryBytes)}`,
            );
          declaredTotal += entry.uncompressedSize;
          if (declaredTotal > limits.maxTotalBytes)
            throw new UnsafeBundleError(`the entries add up to more than ${mib(limits.maxTotalBytes)} uncompressed`);
          if (
            entry.uncompressedSize > limits.ratioFloorBytes &&
            entry.uncompressedSize > limits.maxRatio * Math.max(1, entry.compressedSize)
          ) {
            throw new UnsafeBundleError(`entry "${name}" is compressed more than ${limits.maxRatio}:1 (zip bomb?)`);
          }
          let data: Buffer;
          try {
            data = await readEntry(entry);
          } catch (e) {
            throw e instanceof UnsafeBundleError ? new UnsafeBundleError(`entry "${name}": ${e.message}`) : e;
          }
          entries.set(name, data);
          zip.readEntry();
        })().catch(reject);
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
  return entries;
}
