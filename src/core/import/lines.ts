// Streaming a file as lines without ever holding more than one chunk and one line in memory:
// a 1 GB export must import with flat memory. Overlong lines are reported, not buffered.

import { openImportFile } from './sealed-staging';

export interface Line {
  readonly number: number;
  /** The line, or null when it was longer than the cap (its text was dropped). */
  readonly text: string | null;
}

export interface LineChunk {
  readonly lines: readonly Line[];
  /** Bytes of the file consumed so far, for progress. */
  readonly bytesRead: number;
}

export const MAX_LINE_BYTES = 16 * 1024 * 1024;

/** Yields the file's lines in chunk-sized batches (one batch per read of the file). */
export async function* readLines(file: string, maxLineBytes = MAX_LINE_BYTES): AsyncGenerator<LineChunk> {
  const stream = openImportFile(file, { highWaterMark: 1 << 20 });
  const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });
  let carry = '';
  let carryBytes = 0;
  let overlong = false;
  let number = 0;
  let bytesRead = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    bytesRead += chunk.length;
    const text = decoder.decode(chunk, { stream: true });
    const lines: Line[] = [];
    let start = 0;
    for (let nl = text.indexOf('\n', start); nl !== -1; nl = text.indexOf('\n', start)) {
      number += 1;
      if (overlong) {
        lines.push({ number, text: null });
        overlong = false;
        carry = '';
        carryBytes = 0;
      } else {
        let line = carry + text.slice(start, nl);
        carry = '';
        carryBytes = 0;
        if (line.endsWith('\r')) line = line.slice(0, -1);
        lines.push({ number, text: line });
      }
      start = nl + 1;
    }
    if (!overlong) {
      const rest = text.slice(start);
      carryBytes += rest.length * 2;
      if (carryBytes > maxLineBytes) {
        overlong = true;
        carry = '';
      } else {
        carry += rest;
      }
    }
    yield { lines, bytesRead };
  }
  const tail = carry + decoder.decode();
  if (overlong || tail.length > 0) {
    number += 1;
    yield { lines: [{ number, text: overlong ? null : tail.endsWith('\r') ? tail.slice(0, -1) : tail }], bytesRead };
  }
}
