// `casegraph import` and the UI's import: stream NDJSON or CSV files into the store.
// Each chunk of a file is one transaction; a rejected record is quarantined with its line,
// field and reason while the valid records around it are stored. Cancelling stops between
// chunks, so whole records only are ever committed.

import fs from 'node:fs';
import path from 'node:path';
import type { Rejection } from '../../common/api';
import { parseRecord } from '../report/parse';
import { appendAudit } from '../store/audit';
import type { Db } from '../store/db';
import { ensureSource } from '../store/sources';
import { Ingestor, count, emptyCounts, type Counts } from '../ingest/ingest';
import { readCsv } from './csv';
import { readLines } from './lines';

export type FileFormat = 'ndjson' | 'csv';

export interface ImportFile {
  readonly path: string;
  /** Name recorded as the source (provenance) and used in messages; defaults to the file name. */
  readonly name?: string;
}

export interface ImportProgress {
  readonly file: string;
  readonly bytesDone: number;
  readonly bytesTotal: number;
  readonly records: number;
}

export interface ImportOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (p: ImportProgress) => void;
  /** How many rejections to return in the result (all are in the quarantine). */
  readonly keepRejections?: number;
}

export interface ImportResult extends Counts {
  readonly files: readonly string[];
  readonly rejections: readonly Rejection[];
  readonly cancelled: boolean;
  readonly elapsedMs: number;
}

export class ImportError extends Error {
  override readonly name = 'ImportError';
}

const MAX_RAW = 64 * 1024;
const CSV_BATCH = 2000;

export function detectFormat(file: string): FileFormat {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.csv' || ext === '.tsv') return 'csv';
  if (ext === '.ndjson' || ext === '.jsonl' || ext === '.json') return 'ndjson';
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(64);
    const n = fs.readSync(fd, buf, 0, 64, 0);
    const head = buf.subarray(0, n).toString('utf8').replace(/^\uFEFF/, '').trimStart();
    return head.startsWith('{') ? 'ndjson' : 'csv';
  } finally {
    fs.closeSync(fd);
  }
}

interface Pending {
  readonly where: string;
  readonly line: number;
  readonly value?: unknown;
  readonly parseError?: string;
  readonly raw: string;
}

class FileImport {
  readonly counts = emptyCounts();
  readonly rejections: Rejection[] = [];
  private readonly applyBatch: (batch: readonly Pending[]) => void;

  constructor(
    db: Db,
    private readonly ingestor: Ingestor,
    private readonly keep: number,
  ) {
    this.applyBatch = db.transaction((batch: readonly Pending[]) => {
      for (const p of batch) this.applyOne(p);
    });
  }

  run(batch: readonly Pending[]): void {
    if (batch.length > 0) this.applyBatch(batch);
  }

  private reject(where: string, recordId: string | null, field: string, reason: string, raw: string): void {
    this.counts.rejected += 1;
    const named = recordId ? `${where} (${recordId})` : where;
    if (this.rejections.length < this.keep) this.rejections.push({ where: named, field, reason });
    this.ingestor.quarantine({ location: where, recordId, field, reason, raw: raw.length > MAX_RAW ? raw.slice(0, MAX_RAW) : raw });
  }

  private applyOne(p: Pending): void {
    if (p.parseError !== undefined) {
      this.reject(p.where, null, '(line)', p.parseError, p.raw);
      return;
    }
    const parsed = parseRecord(p.value);
    if (!parsed.ok) {
      this.reject(p.where, parsed.error.id, parsed.error.field, parsed.error.reason, p.raw);
      return;
    }
    count(this.counts, this.ingestor.apply(parsed.value.record, parsed.value.reportedMs, p.raw));
  }
}

function ndjsonPending(name: string, number: number, text: string | null): Pending | null {
  const where = `${name} line ${number}`;
  if (text === null) return { where, line: number, parseError: 'line is longer than 16 MiB', raw: '' };
  if (text.trim() === '') return null;
  try {
    return { where, line: number, value: JSON.parse(text) as unknown, raw: text };
  } catch (e) {
    return { where, line: number, parseError: `is not valid JSON (${(e as Error).message})`, raw: text };
  }
}

export async function importFiles(db: Db, files: readonly ImportFile[], options: ImportOptions = {}): Promise<ImportResult> {
  const started = performance.now();
  const sizes = files.map((f) => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(f.path);
    } catch {
      throw new ImportError(`cannot read ${f.name ?? f.path}: no such file`);
    }
    if (!stat.isFile()) throw new ImportError(`cannot read ${f.name ?? f.path}: not a file`);
    return stat.size;
  });
  const bytesTotal = sizes.reduce((a, b) => a + b, 0);
  const total = emptyCounts();
  const rejections: Rejection[] = [];
  const keep = options.keepRejections ?? 100;
  let bytesBefore = 0;
  let records = 0;
  let cancelled = false;

  for (const [i, f] of files.entries()) {
    const name = f.name ?? path.basename(f.path);
    const format = detectFormat(f.path);
    const sourceId = ensureSource(db, 'file', name);
    const job = new FileImport(db, new Ingestor(db, sourceId), keep - rejections.length);
    const progress = (bytes: number): void => options.onProgress?.({ file: name, bytesDone: bytesBefore + bytes, bytesTotal, records });

    if (format === 'ndjson') {
      for await (const chunk of readLines(f.path)) {
        if (options.signal?.aborted) {
          cancelled = true;
          break;
        }
        const batch: Pending[] = [];
        for (const line of chunk.lines) {
          const p = ndjsonPending(name, line.number, line.text);
          if (p) batch.push(p);
        }
        job.run(batch);
        records += batch.length;
        progress(chunk.bytesRead);
      }
    } else {
      let batch: Pending[] = [];
      let bytes = 0;
      for await (const row of readCsv(f.path)) {
        const where = `${name} line ${row.line}`;
        bytes = row.bytesRead;
        batch.push('error' in row ? { where, line: row.line, parseError: row.error, raw: row.raw } : { where, line: row.line, value: row.value, raw: JSON.stringify(row.value) });
        if (batch.length >= CSV_BATCH) {
          if (options.signal?.aborted) {
            cancelled = true;
            break;
          }
          job.run(batch);
          records += batch.length;
          batch = [];
          progress(bytes);
        }
      }
      if (!cancelled) {
        job.run(batch);
        records += batch.length;
      }
    }
    for (const k of ['new', 'updated', 'unchanged', 'withdrawn', 'rejected'] as const) total[k] += job.counts[k];
    rejections.push(...job.rejections);
    bytesBefore += sizes[i] ?? 0;
    options.onProgress?.({ file: name, bytesDone: bytesBefore, bytesTotal, records });
    if (cancelled) break;
  }

  const result: ImportResult = { ...total, files: files.map((f) => f.name ?? path.basename(f.path)), rejections, cancelled, elapsedMs: Math.round(performance.now() - started) };
  appendAudit(db, { action: 'import', subject: result.files.join(', '), detail: { ...total, cancelled } });
  return result;
}
