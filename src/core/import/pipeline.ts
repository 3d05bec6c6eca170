// The half of a file import that needs no store: read the file, decode and validate each
// record, and reduce it to its rows (ingest/prepare.ts). It yields one batch per chunk of the
// file; the SQLite half (import-files.ts) applies each batch in one transaction. The same
// generator runs on the import worker thread, so that reading and parsing overlap the SQLite
// work on a second core, or in-thread when no worker is available (tests run from sources).

import { prepareReport, type PreparedReport } from '../ingest/prepare';
import { parseRecord } from '../report/parse';
import { readCsv } from './csv';
import { readLines } from './lines';

export type FileFormat = 'ndjson' | 'csv';

/** A record to store, with its text as received (kept verbatim in the history). */
export type ReportItem = readonly [tag: 0, body: string, report: PreparedReport];
/** A record refused: where it was, its id when it had one, the field and the reason. */
export type RejectedItem = readonly [tag: 1, where: string, recordId: string | null, field: string, reason: string, raw: string];
export type BatchItem = ReportItem | RejectedItem;

export interface PreparedBatch {
  readonly items: readonly BatchItem[];
  /** Bytes of the file consumed once this batch was read, for progress. */
  readonly bytesRead: number;
}

// The raw text kept in the quarantine for one rejected record.
const MAX_RAW = 64 * 1024;
// CSV rows per batch (NDJSON batches are one read of the file, about 1 MiB).
const CSV_BATCH = 2000;

function rejected(where: string, recordId: string | null, field: string, reason: string, raw: string): RejectedItem {
  return [1, where, recordId, field, reason, raw.length > MAX_RAW ? raw.slice(0, MAX_RAW) : raw];
}

/** Validate one decoded value and reduce it to rows, or say why it is refused. */
export function prepareItem(where: string, value: unknown, body: string): BatchItem {
  const parsed = parseRecord(value);
  if (!parsed.ok) return rejected(where, parsed.error.id, parsed.error.field, parsed.error.reason, body);
  return [0, body, prepareReport(parsed.value.record, parsed.value.reportedMs)];
}

/** One NDJSON line (null: longer than the cap); blank lines are no record. */
export function ndjsonItem(name: string, number: number, text: string | null): BatchItem | null {
  const where = `${name} line ${number}`;
  if (text === null) return rejected(where, null, '(line)', 'line is longer than 16 MiB', '');
  if (text.trim() === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return rejected(where, null, '(line)', `is not valid JSON (${(e as Error).message})`, text);
  }
  return prepareItem(where, value, text);
}

async function* ndjsonBatches(file: string, name: string): AsyncGenerator<PreparedBatch> {
  for await (const chunk of readLines(file)) {
    const items: BatchItem[] = [];
    for (const line of chunk.lines) {
      const item = ndjsonItem(name, line.number, line.text);
      if (item) items.push(item);
    }
    yield { items, bytesRead: chunk.bytesRead };
  }
}

async function* csvBatches(file: string, name: string): AsyncGenerator<PreparedBatch> {
  let items: BatchItem[] = [];
  let bytesRead = 0;
  for await (const row of readCsv(file)) {
    const where = `${name} line ${row.line}`;
    bytesRead = row.bytesRead;
    items.push(
      'error' in row ? rejected(where, null, '(line)', row.error, row.raw) : prepareItem(where, row.value, JSON.stringify(row.value)),
    );
    if (items.length >= CSV_BATCH) {
      yield { items, bytesRead };
      items = [];
    }
  }
  if (items.length > 0) yield { items, bytesRead };
}

/** The file's records, validated and prepared, one batch per chunk of the file. */
export function preparedBatches(file: string, name: string, format: FileFormat): AsyncGenerator<PreparedBatch> {
  return format === 'ndjson' ? ndjsonBatches(file, name) : csvBatches(file, name);
}
