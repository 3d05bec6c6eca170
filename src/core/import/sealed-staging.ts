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
import { Readable, Transform, type TransformCallback } from 'node:stream';
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
