// Files the browser host stages (uploads) are never in the clear on disk: each is written
// encrypted, AES-256-GCM in 64 KiB chunks, under a random key made once per launch and held only
// in memory — in worker_threads environment data, so the backend worker and the import workers
// it starts (all started after the key is made) read the uploads back through decryption. The
// key dies with the process: a staged file left behind by a crash cannot be read by anyone.
//
// Layout: "CGSTAGE1", a random 16-byte file id, then records of
// [final: u8][length: u32 BE][nonce: 12][ciphertext: length][tag: 16]. Each record's AAD is the
// file id, its index and its final flag, so records cannot be reordered, moved between files,
// dropped from the end or appended after the last.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { Readable, Transform, type TransformCallback, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { getEnvironmentData, setEnvironmentData } from 'node:worker_threads';

const MAGIC = Buffer.from('CGSTAGE1');
const ID_BYTES = 16;
const HEADER_BYTES = MAGIC.length + ID_BYTES;
const RECORD_HEAD = 1 + 4 + 12;
const TAG_BYTES = 16;
const CHUNK = 64 * 1024;
const ENV = 'casegraph:staging-key';

export class StagedFileError extends Error {
  override readonly name = 'StagedFileError';
}

/** The launch's staging key, made on first use; call before starting the workers that read uploads. */
export function ensureStagingKey(): void {
  if (typeof getEnvironmentData(ENV) !== 'string') setEnvironmentData(ENV, crypto.randomBytes(32).toString('hex'));
}

function stagingKey(): Buffer | null {
  const hex = getEnvironmentData(ENV);
  return typeof hex === 'string' ? Buffer.from(hex, 'hex') : null;
}

function aad(id: Buffer, index: number, final: boolean): Buffer {
  const b = Buffer.alloc(ID_BYTES + 9);
  id.copy(b, 0);
  b.writeBigUInt64BE(BigInt(index), ID_BYTES);
  b[ID_BYTES + 8] = final ? 1 : 0;
  return b;
}

/** A stream that encrypts what passes through it into a staged file's layout. */
export function sealingStream(): Transform {
  const key = stagingKey();
  if (key === null) throw new StagedFileError('no staging key in this process: ensureStagingKey() first');
  const id = crypto.randomBytes(ID_BYTES);
  let index = 0;
  let pending: Buffer = Buffer.alloc(0);
  const record = (plain: Buffer, final: boolean): Buffer => {
    const nonce = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv('aes-256-gcm', key, nonce);
    cipher.setAAD(aad(id, index++, final));
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    const head = Buffer.alloc(5);
    head[0] = final ? 1 : 0;
    head.writeUInt32BE(body.length, 1);
    return Buffer.concat([head, nonce, body, cipher.getAuthTag()]);
  };
  let started = false;
  return new Transform({
    transform(chunk: Buffer, _enc, done: TransformCallback) {
      if (!started) {
        started = true;
        this.push(Buffer.concat([MAGIC, id]));
      }
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      // The last full chunk is held back: only flush knows which record is the final one.
      while (pending.length > CHUNK) {
        this.push(record(pending.subarray(0, CHUNK), false));
        pending = pending.subarray(CHUNK);
      }
      done();
    },
    flush(done: TransformCallback) {
      if (!started) this.push(Buffer.concat([MAGIC, id]));
      this.push(record(pending, true));
      done();
    },
  });
}

/**
 * A file written sealed, as uploads are staged (the browser host's downloads): what is written to
 * `input` reaches the disk only encrypted; `done` settles with the plaintext's length once the
 * file is whole, or rejects (the file is then removed).
 */
export function createSealedFile(file: string): { input: Writable; done: Promise<number> } {
  const seal = sealingStream();
  let bytes = 0;
  const input = new Transform({
    transform(chunk: Buffer, _enc, next: TransformCallback) {
      bytes += chunk.length;
      next(null, chunk);
    },
  });
  const done = pipeline(input, seal, fs.createWriteStream(file, { mode: 0o600 })).then(
    () => bytes,
    (e: unknown) => {
      fs.rmSync(file, { force: true });
      throw e;
    },
  );
  return { input, done };
}

function isSealed(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(MAGIC.length);
    return fs.readSync(fd, head, 0, head.length, 0) === head.length && head.equals(MAGIC);
  } finally {
    fs.closeSync(fd);
  }
}

async function* decrypt(file: string, source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const key = stagingKey();
  if (key === null) throw new StagedFileError(`${file} was staged by another session and cannot be read; upload it again`);
  let buf: Buffer = Buffer.alloc(0);
  let id: Buffer | null = null;
  let index = 0;
  let ended = false;
  const broken = (): StagedFileError =>
    new StagedFileError(`the staged upload ${file} is damaged or was not staged in this session; upload it again`);
  for await (const chunk of source) {
    buf = buf.length === 0 ? chunk : Buffer.concat([buf, chunk]);
    if (id === null) {
      if (buf.length < HEADER_BYTES) continue;
      id = Buffer.from(buf.subarray(MAGIC.length, HEADER_BYTES));
      buf = buf.subarray(HEADER_BYTES);
    }
    while (buf.length >= RECORD_HEAD) {
      if (ended) throw broken();
      const final = buf[0] === 1;
      const length = buf.readUInt32BE(1);
      if (length > CHUNK) throw broken();
      const total = RECORD_HEAD + length + TAG_BYTES;
      if (buf.length < total) break;
      const decipher = crypto.createDecipheriv('aes-256-gcm', key, buf.subarray(5, RECORD_HEAD));
      decipher.setAAD(aad(id, index++, final));
      decipher.setAuthTag(buf.subarray(RECORD_HEAD + length, total));
      let plain: Buffer;
      try {
        plain = Buffer.concat([decipher.update(buf.subarray(RECORD_HEAD, RECORD_HEAD + length)), decipher.final()]);
      } catch {
        throw broken();
      }
      buf = buf.subarray(total);
      ended = final;
      if (plain.length > 0) yield plain;
    }
  }
  if (!ended || buf.length > 0) throw broken();
}

/**
 * A file to import, as a stream of its bytes: a staged upload decrypted, any other file (the
 * desktop app's, the CLI's) as it is.
 */
export function openImportFile(file: string, options: { highWaterMark?: number } = {}): Readable {
  if (!isSealed(file)) return fs.createReadStream(file, options);
  return Readable.from(decrypt(file, fs.createReadStream(file, { highWaterMark: options.highWaterMark ?? 1 << 20 })), {
    objectMode: false,
  });
}

/** The whole of a file to import (a case bundle, whose size is capped), decrypted when staged. */
export async function readImportFile(file: string): Promise<Buffer> {
  if (!isSealed(file)) return fs.readFileSync(file);
  const parts: Buffer[] = [];
  for await (const part of openImportFile(file)) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

/** The first bytes of a file to import (format detection), decrypted when staged. */
export async function readImportHead(file: string, bytes: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let have = 0;
  const stream = openImportFile(file, { highWaterMark: Math.max(bytes, 1024) });
  for await (const part of stream) {
    parts.push(part as Buffer);
    have += (part as Buffer).length;
    if (have >= bytes) break;
  }
  stream.destroy();
  return Buffer.concat(parts).subarray(0, bytes);
}

/** A file to import read at any position: a staged upload by its records, any other file as it is. */
export interface RandomAccess {
  readonly size: number;
  read(position: number, length: number): Buffer;
  close(): void;
}

/**
 * A file to import opened for reads at any position (a zip's central directory, then its entries
 * in the order a reader needs them): a staged upload decrypts only the records a read covers.
 */
export function openImportRandomAccess(file: string): RandomAccess {
  const fd = fs.openSync(file, 'r');
  try {
    const { size, read } = accessOn(file, fd);
    return { size, read, close: () => fs.closeSync(fd) };
  } catch (e) {
    fs.closeSync(fd);
    throw e;
  }
}

/**
 * A file to import opened once for both its length in the clear and its bytes (a download served
 * with its Content-Length): the header and the last record (authenticated) give the length, then
 * the stream reads the file from the start through the same descriptor, which is closed when the
 * stream ends, fails or is destroyed. The caller must read the stream to its end or destroy it.
 */
export function openImportSized(file: string, options: { highWaterMark?: number } = {}): { size: number; stream: Readable } {
  const fd = fs.openSync(file, 'r');
  let opened: { size: number; sealed: boolean };
  try {
    opened = accessOn(file, fd);
  } catch (e) {
    fs.closeSync(fd);
    throw e;
  }
  const source = fs.createReadStream(file, { fd, start: 0, autoClose: true, highWaterMark: options.highWaterMark ?? 1 << 20 });
  if (!opened.sealed) return { size: opened.size, stream: source };
  const stream = Readable.from(decrypt(file, source), { objectMode: false });
  // Destroyed before its end (a download aborted), even before its first read, when the decrypting
  // generator never ran and so would never close its source: the file goes with it.
  stream.once('close', () => source.destroy());
  return { size: opened.size, stream };
}

/**
 * Reads at any position through an open descriptor, which the caller owns (and closes, also when
 * this throws): a staged upload's header is checked and its last record read and authenticated.
 */
function accessOn(file: string, fd: number): { size: number; sealed: boolean; read(position: number, length: number): Buffer } {
  const fileSize = fs.fstatSync(fd).size;
  const readAt = (position: number, length: number): Buffer => {
    const out = Buffer.alloc(length);
    let got = 0;
    while (got < length) {
      const n = fs.readSync(fd, out, got, length - got, position + got);
      if (n === 0) break;
      got += n;
    }
    return got === length ? out : out.subarray(0, got);
  };
  const head = readAt(0, HEADER_BYTES);
  if (head.length < MAGIC.length || !head.subarray(0, MAGIC.length).equals(MAGIC)) {
    return { size: fileSize, sealed: false, read: (position, length) => readAt(position, length) };
  }
  const key = stagingKey();
  const broken = (): StagedFileError =>
    new StagedFileError(`the staged upload ${file} is damaged or was not staged in this session; upload it again`);
  if (key === null) throw new StagedFileError(`${file} was staged by another session and cannot be read; upload it again`);
  const id = head.subarray(MAGIC.length, HEADER_BYTES);
  const stride = RECORD_HEAD + CHUNK + TAG_BYTES;
  const records = Math.max(1, Math.ceil((fileSize - HEADER_BYTES) / stride));
  const record = (index: number): Buffer => {
    const at = HEADER_BYTES + index * stride;
    const recordHead = readAt(at, RECORD_HEAD);
    if (recordHead.length < RECORD_HEAD) throw broken();
    const final = recordHead[0] === 1;
    const length = recordHead.readUInt32BE(1);
    // Every record but the last holds a whole chunk; the last is marked final.
    if (final !== (index === records - 1) || length > CHUNK || (!final && length !== CHUNK)) throw broken();
    const body = readAt(at + RECORD_HEAD, length + TAG_BYTES);
    if (body.length < length + TAG_BYTES) throw broken();
    const decipher = crypto.createDecipheriv('aes-256-gcm', key, recordHead.subarray(5, RECORD_HEAD));
    decipher.setAAD(aad(id, index, final));
    decipher.setAuthTag(body.subarray(length));
    try {
      return Buffer.concat([decipher.update(body.subarray(0, length)), decipher.final()]);
    } catch {
      throw broken();
    }
  };
  const last = record(records - 1);
  const size = (records - 1) * CHUNK + last.length;
  let cached: { index: number; plain: Buffer } = { index: records - 1, plain: last };
  const plainOf = (index: number): Buffer => {
    if (cached.index !== index) cached = { index, plain: record(index) };
    return cached.plain;
  };
  return {
    size,
    sealed: true,
    read(position, length) {
      const end = Math.min(size, position + length);
      const parts: Buffer[] = [];
      for (let p = position; p < end;) {
        const index = Math.floor(p / CHUNK);
        const plain = plainOf(index);
        const from = p - index * CHUNK;
        const take = Math.min(plain.length - from, end - p);
        parts.push(plain.subarray(from, from + take));
        p += take;
      }
      return Buffer.concat(parts);
    },
  };
}
