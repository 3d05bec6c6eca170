// `casegraph import` and the UI's import: stream NDJSON or CSV files into the store.
// Chunks of a file are applied in transactions of a few MiB; a rejected record is quarantined
// with its line, field and reason while the valid records around it are stored. Cancelling
// stops between chunks and commits what was applied, so whole records only are ever committed.
//
// Two threads share the work of a large file when the built import worker is available: the
// worker reads, decodes, validates and prepares the rows (pipeline.ts), this thread only runs
// SQLite. Small files, and every file when running from TypeScript sources (tests), go through
// the same pipeline in this thread, batch by batch.

import fs from 'node:fs';
import path from 'node:path';
import type { Rejection } from '../../common/api';
import { appendAudit } from '../store/audit';
import type { Db } from '../store/db';
import { finishBulkLoad, startBulkLoad } from '../store/bulk-load';
import { ensureSource } from '../store/sources';
import { Ingestor, PendingText, count, emptyCounts, type Counts } from '../ingest/ingest';
import { preparedBatches, type FileFormat, type PreparedBatch } from './pipeline';
import { importWorkerFile, workerBatches } from './worker-batches';
import { readImportHead } from './sealed-staging';

export type { FileFormat } from './pipeline';

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
  /** The import worker script; null runs everything in this thread. Default: the built worker if present (used for files of 4 MiB and more). */
  readonly workerFile?: string | null;
  /** Load in bulk (see store/bulk-load.ts); default: when the files are large next to the store. */
  readonly bulk?: boolean;
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

export async function detectFormat(file: string): Promise<FileFormat> {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.csv' || ext === '.tsv') return 'csv';
  if (ext === '.ndjson' || ext === '.jsonl' || ext === '.json') return 'ndjson';
  const head = (await readImportHead(file, 64))
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  return head.startsWith('{') ? 'ndjson' : 'csv';
}

// Input applied per transaction. Committing every 1 MiB chunk cost about 15% more than every
// 4 MiB (each commit writes the touched index pages to the WAL again and flushes a small
// full-text segment); larger gains nothing measurable. Progress is still per chunk.
const COMMIT_BYTES = 4 << 20;
// WAL pages between checkpoints during an import (64 MiB of 16 KiB pages; restored after).
const IMPORT_CHECKPOINT_PAGES = 4096;
// Starting the worker costs about 0.1 s (its module graph); a smaller file imports in less
// time than the second thread would save.
const WORKER_MIN_BYTES = 4 << 20;
// Bulk loading (store/bulk-load.ts) pays off for an import of at least this many bytes (about
// 40,000 demo records) that is larger than the store's reports, estimated at this many bytes each.
const BULK_MIN_BYTES = 48 << 20;
const BYTES_PER_RECORD = 1200;

function shouldBulkLoad(db: Db, bytes: number): boolean {
  if (bytes < BULK_MIN_BYTES) return false;
  const stored = (db.prepare('SELECT count(*) FROM report').pluck().get() as number) ?? 0;
  return bytes / BYTES_PER_RECORD > stored;
}

/**
 * One file's records into the store. A transaction spans chunks until COMMIT_BYTES of input
 * (a savepoint, so an import inside a caller's transaction nests); `commit` ends it, between
 * chunks, so only whole records are ever committed. Other calls on the connection between
 * chunks (the UI's queries) see the uncommitted rows, as they are the same connection.
 */
class FileImport {
  readonly counts = emptyCounts();
  readonly rejections: Rejection[] = [];
  private readonly pending = new PendingText();
  private open = false;
  private uncommitted = 0;

  constructor(
    private readonly db: Db,
    private readonly ingestor: Ingestor,
    private readonly keep: number,
  ) {}

  apply(batch: PreparedBatch, bytes: number): void {
    if (!this.open) {
      this.db.exec('SAVEPOINT import_file');
      this.open = true;
    }
    for (const item of batch.items) {
      if (item[0] === 0) count(this.counts, this.ingestor.applyPrepared(item[2], item[1], this.pending));
      else this.reject(item[1], item[2], item[3], item[4], item[5]);
    }
    this.uncommitted += bytes;
    if (this.uncommitted >= COMMIT_BYTES) this.commit();
  }

  commit(): void {
    if (!this.open) return;
    this.ingestor.writeText(this.pending);
    this.db.exec('RELEASE import_file');
    this.open = false;
    this.uncommitted = 0;
  }

  /** Undo the open transaction after an error (the error is the caller's to report). */
  abandon(): void {
    if (!this.open) return;
    this.open = false;
    this.pending.clear();
    this.db.exec('ROLLBACK TO import_file; RELEASE import_file');
  }

  private reject(where: string, recordId: string | null, field: string, reason: string, raw: string): void {
    this.counts.rejected += 1;
    const named = recordId ? `${where} (${recordId})` : where;
    if (this.rejections.length < this.keep) this.rejections.push({ where: named, field, reason });
    this.ingestor.quarantine({ location: where, recordId, field, reason, raw });
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

  const workerFile = options.workerFile === undefined ? importWorkerFile() : options.workerFile;
  // Checkpoint the WAL less often while importing: every checkpoint ends in fsyncs of the
  // store, and at the default 1000 pages they took a tenth of the import's wall time (a third
  // less at 4096). Left alone when automatic checkpoints are off.
  const checkpointPages = db.pragma('wal_autocheckpoint', { simple: true }) as number;
  if (checkpointPages > 0) db.pragma(`wal_autocheckpoint = ${Math.max(checkpointPages, IMPORT_CHECKPOINT_PAGES)}`);
  const bulk = options.bulk ?? shouldBulkLoad(db, bytesTotal);
  if (bulk) startBulkLoad(db);
  try {
    for (const [i, f] of files.entries()) {
      const name = f.name ?? path.basename(f.path);
      const format = await detectFormat(f.path);
      const sourceId = ensureSource(db, 'file', name);
      const job = new FileImport(db, new Ingestor(db, sourceId), keep - rejections.length);
      const batches: AsyncGenerator<PreparedBatch, void, undefined> =
        workerFile && (sizes[i] ?? 0) >= WORKER_MIN_BYTES
          ? workerBatches(workerFile, { file: f.path, name, format })
          : preparedBatches(f.path, name, format);
      // Leaving the loop early (cancel, error) closes the generator, which stops the worker.
      let bytesRead = 0;
      try {
        for await (const batch of batches) {
          if (options.signal?.aborted) {
            cancelled = true;
            break;
          }
          job.apply(batch, batch.bytesRead - bytesRead);
          bytesRead = batch.bytesRead;
          records += batch.items.length;
          options.onProgress?.({ file: name, bytesDone: bytesBefore + bytesRead, bytesTotal, records });
        }
        job.commit();
      } catch (e) {
        job.abandon();
        throw e;
      }
      for (const k of ['new', 'updated', 'unchanged', 'withdrawn', 'rejected'] as const) total[k] += job.counts[k];
      rejections.push(...job.rejections);
      bytesBefore += sizes[i] ?? 0;
      options.onProgress?.({ file: name, bytesDone: bytesBefore, bytesTotal, records });
      if (cancelled) break;
    }
  } finally {
    // The import is done when its indexes are: built again after a cancel or an error too.
    if (bulk) finishBulkLoad(db);
    db.pragma(`wal_autocheckpoint = ${checkpointPages}`);
  }

  const result: ImportResult = {
    ...total,
    files: files.map((f) => f.name ?? path.basename(f.path)),
    rejections,
    cancelled,
    elapsedMs: Math.round(performance.now() - started),
  };
  appendAudit(db, { action: 'import', subject: result.files.join(', '), detail: { ...total, cancelled } });
  return result;
}
