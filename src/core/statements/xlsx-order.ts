// An xlsx workbook rewritten, as a stream, into the order a streaming reader needs it: the
// relationships, the workbook and the shared strings before any worksheet. Excel writes the
// shared strings after the sheets, and exceljs' streaming reader parks every sheet it meets before
// them in a temporary file of the system's temp folder — in the clear, the holders' names and
// card numbers of a bank statement. Read at random from its central directory (a staged upload
// decrypting only the records each read covers), each entry is inflated, checked against its
// size and CRC, and passed on stored behind a fresh local header; a workbook without shared
// strings gets an empty table, which exceljs otherwise never marks as read. Nothing is written to
// disk.
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import yauzl from 'yauzl';
import { openImportRandomAccess, type RandomAccess } from '../import/sealed-staging';

export class XlsxArchiveError extends Error {
  override readonly name = 'XlsxArchiveError';
}

const SHARED_STRINGS = 'xl/sharedStrings.xml';
const EMPTY_SHARED_STRINGS = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>',
);
/** Local header bit 3: sizes and CRC in a descriptor after the data. The copy writes them up front. */
const DATA_DESCRIPTOR = 0x0008;
const ENCRYPTED = 0x0001;
const ZIP64 = 0xffffffff;

function rank(name: string): number {
  if (name === '[Content_Types].xml') return 0;
  if (name === '_rels/.rels') return 1;
  if (name === 'xl/_rels/workbook.xml.rels') return 2;
  if (name === 'xl/workbook.xml') return 3;
  if (name === SHARED_STRINGS) return 4;
  if (name === 'xl/styles.xml') return 5;
  if (/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) return 7;
  return 6;
}

class Reader extends yauzl.RandomAccessReader {
  constructor(private readonly file: RandomAccess) {
    super();
  }

  override _readStreamForRange(start: number, end: number): Readable {
    const file = this.file;
    return Readable.from(
      (function* () {
        for (let p = start; p < end;) {
          const part = file.read(p, Math.min(1 << 20, end - p));
          if (part.length === 0) return;
          yield part;
          p += part.length;
        }
      })(),
      { objectMode: false },
    );
  }
}

interface Copied {
  readonly name: Buffer;
  readonly flags: number;
  readonly method: number;
  readonly time: number;
  readonly date: number;
  readonly crc: number;
  readonly compressed: number;
  readonly size: number;
}

function localHeader(e: Copied): Buffer {
  const b = Buffer.alloc(30);
  b.writeUInt32LE(0x04034b50, 0);
  b.writeUInt16LE(20, 4);
  b.writeUInt16LE(e.flags, 6);
  b.writeUInt16LE(e.method, 8);
  b.writeUInt16LE(e.time, 10);
  b.writeUInt16LE(e.date, 12);
  b.writeUInt32LE(e.crc, 14);
  b.writeUInt32LE(e.compressed, 18);
  b.writeUInt32LE(e.size, 22);
  b.writeUInt16LE(e.name.length, 26);
  b.writeUInt16LE(0, 28);
  return Buffer.concat([b, e.name]);
}

function centralDirectory(entries: readonly { entry: Copied; offset: number }[], start: number): Buffer {
  const parts: Buffer[] = [];
  for (const { entry: e, offset } of entries) {
    const b = Buffer.alloc(46);
    b.writeUInt32LE(0x02014b50, 0);
    b.writeUInt16LE(20, 4);
    b.writeUInt16LE(20, 6);
    b.writeUInt16LE(e.flags, 8);
    b.writeUInt16LE(e.method, 10);
    b.writeUInt16LE(e.time, 12);
    b.writeUInt16LE(e.date, 14);
    b.writeUInt32LE(e.crc, 16);
    b.writeUInt32LE(e.compressed, 20);
    b.writeUInt32LE(e.size, 24);
    b.writeUInt16LE(e.name.length, 28);
    b.writeUInt32LE(offset, 42);
    parts.push(b, e.name);
  }
  const body = Buffer.concat(parts);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(body.length, 12);
  end.writeUInt32LE(start, 16);
  return Buffer.concat([body, end]);
}

/** How many of `b`'s bytes end with a whole UTF-8 character (a sequence cut at the end is left out). */
export function wholeUtf8(b: Buffer): number {
  let i = b.length - 1;
  // Back over at most three continuation bytes to the last lead byte.
  while (i >= 0 && b.length - i <= 3 && ((b[i] as number) & 0xc0) === 0x80) i -= 1;
  if (i < 0 || ((b[i] as number) & 0xc0) === 0x80) return b.length;
  const lead = b[i] as number;
  const size = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return i + size <= b.length ? b.length : i;
}

/** The workbook at `file` as a zip stream in reading order. Throws XlsxArchiveError naming the problem. */
export async function orderedXlsx(file: string, name: string): Promise<Readable> {
  const access = openImportRandomAccess(file);
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromRandomAccessReaderPromise(new Reader(access), access.size, {
      lazyEntries: true,
      decodeStrings: true,
      validateEntrySizes: true,
      autoClose: false,
    });
  } catch (e) {
    access.close();
    throw new XlsxArchiveError(`${name} is not a readable xlsx workbook (${(e as Error).message})`);
  }
  const entries: yauzl.Entry[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: yauzl.Entry) => {
        entries.push(entry);
        zip.readEntry();
      });
      zip.on('end', () => resolve());
      zip.on('error', reject);
      zip.readEntry();
    });
  } catch (e) {
    zip.close();
    access.close();
    throw new XlsxArchiveError(`${name} is not a readable xlsx workbook (${(e as Error).message})`);
  }
  const problem = entries.find(
    (e) => (e.generalPurposeBitFlag & ENCRYPTED) !== 0 || e.compressedSize === ZIP64 || e.uncompressedSize === ZIP64,
  );
  if (problem) {
    zip.close();
    access.close();
    throw new XlsxArchiveError(
      (problem.generalPurposeBitFlag & ENCRYPTED) !== 0
        ? `${name} is password-protected; save it again without a password`
        : `${name} is over 4 GiB; export the statement in parts`,
    );
  }
  const ordered = entries
    .filter((e) => !e.fileName.endsWith('/'))
    .map((e, i) => ({ e, i }))
    .sort((a, b) => rank(a.e.fileName) - rank(b.e.fileName) || a.i - b.i)
    .map((x) => x.e);
  const hasStrings = ordered.some((e) => e.fileName === SHARED_STRINGS);

  async function* bytes(): AsyncGenerator<Buffer> {
    const written: { entry: Copied; offset: number }[] = [];
    let offset = 0;
    const emit = (b: Buffer): Buffer => {
      offset += b.length;
      return b;
    };
    try {
      for (const e of ordered) {
        if (!hasStrings && rank(e.fileName) === 7 && !written.some((w) => w.entry.name.toString() === SHARED_STRINGS)) {
          const strings: Copied = {
            name: Buffer.from(SHARED_STRINGS),
            flags: 0,
            method: 0,
            time: 0,
            date: 0x21,
            crc: zlib.crc32(EMPTY_SHARED_STRINGS),
            compressed: EMPTY_SHARED_STRINGS.length,
            size: EMPTY_SHARED_STRINGS.length,
          };
          written.push({ entry: strings, offset });
          yield emit(localHeader(strings));
          yield emit(EMPTY_SHARED_STRINGS);
        }
        if (e.compressionMethod !== 0 && e.compressionMethod !== 8)
          throw new XlsxArchiveError(`${name}: ${e.fileName} uses a compression Excel does not write (method ${e.compressionMethod})`);
        // Inflated here and checked against its size and CRC, then passed on stored: a damaged
        // entry is an error of this stream, never a reader waiting for bytes that do not come.
        const copied: Copied = {
          name: Buffer.from(e.fileName),
          flags: (e.generalPurposeBitFlag & ~DATA_DESCRIPTOR) | 0x0800,
          method: 0,
          time: e.lastModFileTime,
          date: e.lastModFileDate,
          crc: e.crc32,
          compressed: e.uncompressedSize,
          size: e.uncompressedSize,
        };
        written.push({ entry: copied, offset });
        yield emit(localHeader(copied));
        const raw = await zip.openReadStreamPromise(e, { decompress: false });
        let data: AsyncIterable<Buffer> = raw;
        if (e.compressionMethod === 8) {
          const inflate = zlib.createInflateRaw();
          raw.on('error', (err) => inflate.destroy(err));
          data = raw.pipe(inflate);
        }
        let crc = 0;
        let length = 0;
        // Each part passed on ends with a whole UTF-8 character: exceljs decodes every chunk of a
        // sheet's XML on its own, and a character cut between two chunks became two U+FFFD.
        let held: Buffer = Buffer.alloc(0);
        try {
          for await (const part of data) {
            length += part.length;
            if (length > e.uncompressedSize) throw new Error('longer than its declared size');
            crc = zlib.crc32(part, crc);
            const joined = held.length === 0 ? (part as Buffer) : Buffer.concat([held, part as Buffer]);
            const cut = wholeUtf8(joined);
            held = joined.subarray(cut);
            if (cut > 0) yield emit(joined.subarray(0, cut));
          }
          if (held.length > 0) yield emit(held);
        } catch (err) {
          raw.destroy();
          throw new XlsxArchiveError(`${name} is not a readable xlsx workbook (${e.fileName} is damaged: ${(err as Error).message})`);
        }
        if (length !== e.uncompressedSize || crc !== e.crc32)
          throw new XlsxArchiveError(`${name} is not a readable xlsx workbook (${e.fileName} is damaged: its checksum does not match)`);
      }
      yield centralDirectory(written, offset);
    } finally {
      zip.close();
      access.close();
    }
  }
  return Readable.from(bytes(), { objectMode: false });
}
