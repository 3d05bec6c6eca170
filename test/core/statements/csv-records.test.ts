// The statement CSV reader against csv-parse, an independent implementation, on well-formed CSV
// cut into arbitrary pieces; and its lenient reading of malformed quoting.
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvRecords } from '../../../src/core/statements/csv-records';
import { budget } from '../../fuzz/budget';

function records(text: string, cuts: readonly number[] = []): string[][] {
  const reader = new CsvRecords();
  const out: string[][] = [];
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    out.push(...reader.push(text.slice(at, cut)));
    at = cut;
  }
  out.push(...reader.push(text.slice(at)));
  out.push(...reader.end());
  return out;
}

const reference = (text: string): string[][] =>
  parse(text, { bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false }) as string[][];

const field = fc.oneof(
  fc.constantFrom('', '6222021234567890123', '2025-03-01 10:00:05', '进', '5,000.00', '张"某"', 'a\r\nb', '\t6217', '"', ',,'),
  fc.string({ unit: fc.constantFrom('a', '中', ',', '"', '\n', '\r', ' ', '\t', '1') }),
);

function csvOf(rows: readonly (readonly string[])[], eol: string): string {
  return rows.map((r) => r.map((c) => (/[",\r\n]/.test(c) || c === '' ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join(eol);
}

describe('CsvRecords', () => {
  it('reads what csv-parse reads from well-formed CSV, however the text is cut', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(field, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 }),
        fc.constantFrom('\r\n', '\n', '\r'),
        fc.boolean(),
        fc.array(fc.nat(400), { maxLength: 6 }),
        (rows, eol, trailing, cuts) => {
          const text = csvOf(rows, eol) + (trailing ? eol : '');
          const valid = cuts.map((c) => Math.min(c, text.length));
          expect(records(text, valid)).toEqual(reference(text));
          expect(records(text, valid)).toEqual(rows.map((r) => [...r]));
        },
      ),
      budget(300),
    );
  });

  it('reads unquoted lines, empty lines, a byte-order mark and all three line ends', () => {
    expect(records('\ufeffa,b\r\n\r\nc,,d\r\n')).toEqual([['a', 'b'], [''], ['c', '', 'd']]);
    expect(records('a,b\nc')).toEqual([['a', 'b'], ['c']]);
    expect(records('a,b\rc,d\r')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    // A CR cut from its LF by the piece's end is one line end, not two.
    expect(records('a,b\r\nc', [4])).toEqual([['a', 'b'], ['c']]);
    expect(records('')).toEqual([]);
  });

  it('keeps stray quotes as characters and reads an unclosed quote to the end', () => {
    expect(records('ab"c,d\r\n')).toEqual([['ab"c', 'd']]);
    expect(records('"ab"c",d\n')).toEqual([['ab"c', 'd']]);
    expect(records('x,"open\nstill')).toEqual([['x', 'open\nstill']]);
  });
});
