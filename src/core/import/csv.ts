// CSV reports: the report-format fields flattened into columns. Nested objects use dotted names
// (`loss.amount`, `victim.name`, `location.lat`); arrays either hold JSON in one cell
// (`messages`, `identifiers`) or use indexed columns (`identifiers.0.kind`, `identifiers.0.value`).
// Empty cells are absent fields. Numbers and booleans are read from their text, amounts stay text.

import { parse } from 'csv-parse';
import { openImportFile } from './sealed-staging';

/** One CSV record (or why it could not be read), with the bytes of the file consumed so far. */
export type CsvRow = { readonly line: number; readonly bytesRead: number; readonly raw: string } & (
  { readonly value: unknown } | { readonly error: string }
);

const NUMERIC = new Set(['version', 'victim.age', 'location.lat', 'location.lon']);
const BOOLEAN = new Set(['deleted']);
const JSON_CELLS = new Set(['messages', 'identifiers', 'loss', 'victim', 'location']);

type Tree = Record<string, unknown>;

function setPath(root: Tree, segments: readonly string[], value: unknown): void {
  let node: Tree | unknown[] = root;
  segments.forEach((seg, i) => {
    const last = i === segments.length - 1;
    const nextIsIndex = !last && /^\d+$/.test(segments[i + 1] ?? '');
    const container = node as Record<string, unknown>;
    if (last) {
      container[seg] = value;
      return;
    }
    container[seg] ??= nextIsIndex ? [] : {};
    node = container[seg] as Tree | unknown[];
  });
}

function cellValue(column: string, cell: string): unknown {
  if (NUMERIC.has(column)) {
    const n = Number(cell);
    return cell.trim() !== '' && Number.isFinite(n) ? n : cell;
  }
  if (BOOLEAN.has(column)) {
    const t = cell.trim().toLowerCase();
    return t === 'true' || t === '1' ? true : t === 'false' || t === '0' ? false : cell;
  }
  if (JSON_CELLS.has(column)) {
    try {
      return JSON.parse(cell) as unknown;
    } catch {
      throw new Error(`column "${column}" must hold JSON`);
    }
  }
  return cell;
}

/** Turn one CSV row (column → cell) into the nested record the JSON form would have. */
export function unflatten(row: Readonly<Record<string, string>>): Tree {
  const out: Tree = {};
  for (const [column, cell] of Object.entries(row)) {
    if (cell === '' || column === '') continue;
    setPath(out, column.split('.'), cellValue(column, cell));
  }
  const compact = (v: unknown): unknown => (Array.isArray(v) ? v.filter((x) => x !== undefined).map(compact) : v);
  for (const key of ['messages', 'identifiers']) if (Array.isArray(out[key])) out[key] = compact(out[key]);
  return out;
}

/** Stream a CSV file's records with their line numbers; malformed rows come back as errors. */
export async function* readCsv(file: string): AsyncGenerator<CsvRow> {
  const skipped: CsvRow[] = [];
  let bytesRead = 0;
  const input = openImportFile(file, { highWaterMark: 1 << 20 });
  input.on('data', (chunk) => {
    bytesRead += chunk.length;
  });
  const parser = input.pipe(
    parse({
      bom: true,
      columns: (header: string[]) => header.map((h) => h.trim()),
      info: true,
      raw: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      relax_quotes: false,
      max_record_size: 16 * 1024 * 1024,
    }),
  );
  parser.on('skip', (err: Error & { lines?: number; raw?: string }) => {
    skipped.push({ line: err.lines ?? 0, bytesRead, error: `malformed CSV: ${err.message}`, raw: err.raw ?? '' });
  });
  for await (const item of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number }; raw: string }>) {
    while (skipped.length) yield skipped.shift() as CsvRow;
    try {
      yield { line: item.info.lines, bytesRead, value: unflatten(item.record), raw: item.raw };
    } catch (e) {
      yield { line: item.info.lines, bytesRead, error: (e as Error).message, raw: item.raw };
    }
  }
  while (skipped.length) yield skipped.shift() as CsvRow;
}
