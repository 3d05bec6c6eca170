// Reading a statement file as sheets of rows, streamed: an xlsx workbook through exceljs' streaming
// reader (a 200k-row sheet is never held whole), a CSV through csv-records.ts after its encoding
// is detected: a byte-order mark, else valid UTF-8, else GB18030 (which GBK is a part of). A CSV
// found to be UTF-8 that later holds an invalid byte is refused there, never decoded by a guess.
import path from 'node:path';
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { Cell } from './statement-row';
import { openImportFile, readImportHead } from '../import/sealed-staging';
import { workerBatches } from '../import/worker-batches';
import { CsvRecords } from './csv-records';
import { orderedXlsx, XlsxArchiveError } from './xlsx-order';

export interface SheetRow {
  readonly sheet: string;
  /** 1-based, as a spreadsheet numbers rows. */
  readonly row: number;
  readonly cells: readonly Cell[];
}

export type Encoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'xlsx';

export class StatementFileError extends Error {
  override readonly name = 'StatementFileError';
}

const SNIFF_BYTES = 64 * 1024;

/** The encoding of a CSV's bytes, from its first 64 KiB. */
export function detectEncoding(head: Buffer): Exclude<Encoding, 'xlsx'> {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  // Valid UTF-8 but for a character cut at the end of the sample.
  for (let cut = 0; cut < 4 && cut < head.length; cut++) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, head.length - cut));
      return 'utf-8';
    } catch {
      // try a shorter sample: the last character may be cut
    }
  }
  return 'gb18030';
}

function isXlsx(file: string, head: Buffer): boolean {
  return head[0] === 0x50 && head[1] === 0x4b && (path.extname(file).toLowerCase() !== '.csv' || head[2] === 0x03);
}

/** The encoding a file is read with, and its rows (read in this thread). */
export async function openStatement(file: string): Promise<{ encoding: Encoding; rows: AsyncIterable<SheetRow> }> {
  const head = await readImportHead(file, SNIFF_BYTES);
  if (isXlsx(file, head)) return { encoding: 'xlsx', rows: xlsxRows(file) };
  if (head.length === 0) throw new StatementFileError(`${path.basename(file)} is empty`);
  const encoding = detectEncoding(head);
  return { encoding, rows: csvRows(file, encoding) };
}

const BATCH_ROWS = 2000;

/** A file's rows in batches, as the statements worker serves them. */
export async function* sheetRowBatches(file: string): AsyncGenerator<SheetRow[]> {
  const { rows } = await openStatement(file);
  let batch: SheetRow[] = [];
  for await (const row of rows) {
    batch.push(row);
    if (batch.length === BATCH_ROWS) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** Files from this size on are read in the statements worker, beside the thread that stores them. */
export const WORKER_MIN_BYTES = 1 << 20;

/**
 * The rows of a file read by the statements worker (its file built, statements-worker.ts), while
 * this thread stores them. A file the worker cannot read fails here with the worker's message.
 */
export async function* workerRows(workerFile: string, file: string): AsyncGenerator<SheetRow> {
  try {
    for await (const batch of workerBatches<SheetRow[]>(workerFile, { file }, 'statements')) yield* batch;
  } catch (e) {
    if (e instanceof Error && e.name === 'StatementFileError') throw new StatementFileError(e.message);
    throw e;
  }
}

/** UTF-8 decoded strictly: an invalid byte is an error naming where it is, never a replacement. */
function strictUtf8(name: string): { write(chunk: Buffer): string; end(): string } {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let offset = 0;
  return {
    write(chunk) {
      try {
        const text = decoder.decode(chunk, { stream: true });
        offset += chunk.length;
        return text;
      } catch {
        throw new StatementFileError(
          `${name} is not UTF-8 after byte ${offset} (its start read as UTF-8); save it as UTF-8 or GB18030 throughout`,
        );
      }
    },
    end() {
      try {
        return decoder.decode();
      } catch {
        throw new StatementFileError(`${name} ends in the middle of a UTF-8 character`);
      }
    },
  };
}

async function* csvRows(file: string, encoding: Exclude<Encoding, 'xlsx'>): AsyncIterable<SheetRow> {
  const name = path.basename(file);
  const sheet = path.basename(file, path.extname(file));
  const decoder =
    encoding === 'utf-8'
      ? strictUtf8(name)
      : (iconv.getDecoder(encoding, { stripBOM: true }) as { write(b: Buffer): string; end(): string | undefined });
  const reader = new CsvRecords();
  let row = 0;
  for await (const chunk of openImportFile(file)) {
    for (const cells of reader.push(decoder.write(chunk as Buffer))) yield { sheet, row: ++row, cells };
  }
  for (const cells of [...reader.push(decoder.end() ?? ''), ...reader.end()]) yield { sheet, row: ++row, cells };
}

function cellValue(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || v instanceof Date) return v;
  if (typeof v === 'boolean') return v ? '1' : '0';
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((t) => t.text).join('');
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v) return cellValue(v.result as ExcelJS.CellValue);
    if ('error' in v) return null;
  }
  return String(v);
}

/**
 * A stream's failure, ending the iterations it guards. exceljs pipes its input into its unzipper,
 * and a pipe drops the input's errors: the reader would wait for ever. Each step of a guarded
 * iteration waits for the next value or the failure, whichever comes first; the waiter is removed
 * after each step (a Promise.race against one lasting promise would keep a reaction per row).
 */
class InputFailure {
  private error: Error | null = null;
  private readonly waiting = new Set<(e: Error) => void>();

  constructor(input: Readable) {
    input.once('error', (e: Error) => {
      this.error = e;
      for (const fail of this.waiting) fail(e);
      this.waiting.clear();
    });
  }

  async *guard<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
    const it = source[Symbol.asyncIterator]();
    for (;;) {
      if (this.error) throw this.error;
      let fail: ((e: Error) => void) | undefined;
      let next: IteratorResult<T>;
      try {
        next = await new Promise<IteratorResult<T>>((resolve, reject) => {
          fail = reject;
          this.waiting.add(reject);
          it.next().then(resolve, reject);
        });
      } finally {
        if (fail) this.waiting.delete(fail);
      }
      if (next.done) return;
      yield next.value;
    }
  }
}

async function* xlsxRows(file: string): AsyncIterable<SheetRow> {
  const name = path.basename(file);
  let input: Readable;
  try {
    // In reading order (xlsx-order.ts): exceljs then never parks a sheet in a temporary file.
    input = await orderedXlsx(file, name);
  } catch (e) {
    if (e instanceof XlsxArchiveError) throw new StatementFileError(e.message);
    throw e;
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    entries: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
  });
  const failure = new InputFailure(input);
  let index = 0;
  try {
    for await (const ws of failure.guard(reader)) {
      index += 1;
      const sheet = (ws as unknown as { name?: string }).name ?? `Sheet${index}`;
      for await (const row of failure.guard(ws as AsyncIterable<ExcelJS.Row>)) {
        const values = row.values as ExcelJS.CellValue[];
        // exceljs numbers cells from 1: values[0] is always empty.
        const cells: Cell[] = [];
        for (let c = 1; c < values.length; c++) cells.push(cellValue(values[c] ?? null));
        yield { sheet, row: row.number, cells };
      }
    }
  } catch (e) {
    if (e instanceof StatementFileError || !(e instanceof Error)) throw e;
    if (e instanceof XlsxArchiveError) throw new StatementFileError(e.message);
    throw new StatementFileError(`${name} is not a readable xlsx workbook (${e.message})`);
  } finally {
    input.destroy();
  }
}
