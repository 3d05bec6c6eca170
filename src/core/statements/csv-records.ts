// CSV records from decoded text given in pieces, as the banks' CSV exports write them (RFC 4180):
// fields split by commas, a field in double quotes may hold commas, line breaks and doubled
// quotes. Rows end at LF or CRLF (a lone CR ends rows only in a file whose first line break is a
// lone CR, as old Mac exports have it). Rows may differ in length; an empty line is a record of
// one empty field (row numbers stay those a spreadsheet shows). Written for speed on the common
// line without quotes, which is split whole; malformed quoting is read leniently: a quote inside
// an unquoted field, or one in a quoted field not followed by a comma or the line's end, is kept
// as a character.
const QUOTE = 34;
const COMMA = 44;
const CR = 13;
const LF = 10;

export class CsvRecords {
  private carry = '';
  /** null until the first line break says which ends rows. */
  private crOnly: boolean | null = null;
  private started = false;

  /** The records completed by `text`; a record cut by the piece's end waits for the next. */
  push(text: string): string[][] {
    let buf = this.carry + text;
    if (!this.started && buf.length > 0) {
      this.started = true;
      if (buf.charCodeAt(0) === 0xfeff) buf = buf.slice(1);
    }
    const out: string[][] = [];
    this.carry = buf.slice(this.parse(buf, out, false));
    return out;
  }

  /** The last record, when the text does not end with a line break. */
  end(): string[][] {
    const out: string[][] = [];
    if (this.carry !== '') this.parse(this.carry, out, true);
    this.carry = '';
    return out;
  }

  /** Parses whole records of `buf` into `out`; returns where the unfinished rest starts. */
  private parse(buf: string, out: string[][], final: boolean): number {
    let pos = 0;
    const n = buf.length;
    while (pos < n) {
      let eol: number;
      if (this.crOnly === null) {
        const lf = buf.indexOf('\n', pos);
        const cr = buf.indexOf('\r', pos);
        eol = cr === -1 ? lf : lf === -1 ? cr : Math.min(cr, lf);
      } else eol = buf.indexOf(this.crOnly ? '\r' : '\n', pos);
      const quote = buf.indexOf('"', pos);
      if (quote !== -1 && (eol === -1 || quote < eol)) {
        const next = this.quoted(buf, pos, out, final);
        if (next === -1) return pos;
        pos = next;
        continue;
      }
      if (eol === -1) {
        if (!final) return pos;
        out.push(buf.slice(pos).split(','));
        return n;
      }
      if (this.crOnly === null) {
        // The first line break says how rows end: a CR alone (old Mac exports), or LF / CRLF.
        if (buf.charCodeAt(eol) === CR) {
          if (eol + 1 >= n && !final) return pos;
          this.crOnly = buf.charCodeAt(eol + 1) !== LF;
          if (!this.crOnly) eol += 1;
        } else this.crOnly = false;
      }
      let end = eol;
      if (!this.crOnly && end > pos && buf.charCodeAt(end - 1) === CR) end -= 1;
      out.push(buf.slice(pos, end).split(','));
      pos = eol + 1;
    }
    return pos;
  }

  /** Whether the CR at `i` ends the record (-1: the piece ends before that is known). */
  private crEnds(buf: string, i: number, final: boolean): boolean | -1 {
    if (this.crOnly === true) return true;
    if (i + 1 >= buf.length) return final ? true : -1;
    const lf = buf.charCodeAt(i + 1) === LF;
    return this.crOnly === null || lf;
  }

  /** One record holding quotes, from `start`; -1 when the piece ends inside it. */
  private quoted(buf: string, start: number, out: string[][], final: boolean): number {
    const n = buf.length;
    const fields: string[] = [];
    let pos = start;
    for (;;) {
      // A field, at `pos`.
      if (pos < n && buf.charCodeAt(pos) === QUOTE) {
        let value = '';
        let from = pos + 1;
        let at = from;
        for (;;) {
          const q = buf.indexOf('"', at);
          if (q === -1) {
            if (!final) return -1;
            // An unclosed quote at the file's end: the rest is the field.
            fields.push(value + buf.slice(from));
            out.push(fields);
            return n;
          }
          if (q + 1 >= n && !final) return -1;
          const after = q + 1 < n ? buf.charCodeAt(q + 1) : -1;
          if (after === QUOTE) {
            value += buf.slice(from, q + 1);
            from = q + 2;
            at = from;
            continue;
          }
          if (after === COMMA || after === -1 || after === LF || after === CR) {
            value += buf.slice(from, q);
            pos = q + 1;
            break;
          }
          // A stray quote inside the quoted field: kept.
          at = q + 1;
        }
        fields.push(value);
      } else {
        let end = pos;
        for (; end < n; end++) {
          const c = buf.charCodeAt(end);
          if (c === COMMA || c === LF) break;
          if (c === CR) {
            const ends = this.crEnds(buf, end, final);
            if (ends === -1) return -1;
            if (ends) break;
          }
        }
        if (end >= n && !final) return -1;
        fields.push(buf.slice(pos, end));
        pos = end;
      }
      // After a field: a comma, the record's end, or the text's end.
      if (pos >= n) {
        if (!final) return -1;
        out.push(fields);
        return n;
      }
      const c = buf.charCodeAt(pos);
      if (c === COMMA) {
        pos += 1;
        continue;
      }
      out.push(fields);
      if (c === LF) {
        this.crOnly ??= false;
        return pos + 1;
      }
      // A CR.
      if (pos + 1 >= n && !final && this.crOnly !== true) {
        out.pop();
        return -1;
      }
      const crlf = pos + 1 < n && buf.charCodeAt(pos + 1) === LF;
      this.crOnly ??= !crlf;
      return crlf && !this.crOnly ? pos + 2 : pos + 1;
    }
  }
}
