// A streaming RFC 4180 CSV parser: fed text chunk by chunk, it hands back complete records as they
// close. Quoted fields may hold commas, newlines and doubled quotes (""); CRLF, LF and lone CR all end
// records. Lenient where RFC 4180 is silent: a stray quote inside an unquoted field is kept as text.

export interface CsvRecord {
  fields: string[];
  /** Line on which the record starts (1-based). */
  line: number;
}

type State = 'fieldStart' | 'unquoted' | 'quoted' | 'quoteInQuoted';

const SPECIAL = /[,\r\n"]/g;

function countNewlines(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = s.indexOf('\n', from); i >= 0 && i < to; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

export class CsvParser {
  private state: State = 'fieldStart';
  private field = '';
  private fields: string[] = [];
  private line = 1;
  private recordLine = 1;
  private quoteLine = 1;
  private skipLF = false;
  private out: CsvRecord[] = [];

  /** Parse one more chunk; returns the records completed by it. */
  push(chunk: string): CsvRecord[] {
    let i = 0;
    const n = chunk.length;
    while (i < n) {
      if (this.skipLF) {
        this.skipLF = false;
        if (chunk[i] === '\n') {
          i++;
          continue;
        }
      }
      if (this.state === 'quoted') {
        const q = chunk.indexOf('"', i);
        const end = q < 0 ? n : q;
        this.field += chunk.slice(i, end);
        this.line += countNewlines(chunk, i, end);
        if (q < 0) break;
        i = q + 1;
        this.state = 'quoteInQuoted';
        continue;
      }
      if (this.state === 'quoteInQuoted') {
        if (chunk[i] === '"') {
          this.field += '"';
          this.state = 'quoted';
          i++;
          continue;
        }
        this.state = 'unquoted';
      }
      if (this.state === 'fieldStart' && chunk[i] === '"') {
        this.state = 'quoted';
        this.quoteLine = this.line;
        i++;
        continue;
      }
      SPECIAL.lastIndex = i;
      const m = SPECIAL.exec(chunk);
      const j = m ? m.index : n;
      if (j > i) {
        this.field += chunk.slice(i, j);
        this.state = 'unquoted';
      }
      if (!m) break;
      i = j + 1;
      const c = chunk[j];
      if (c === ',') this.endField();
      else if (c === '"') {
        this.field += '"';
        this.state = 'unquoted';
      } else {
        this.line++;
        this.endRecord();
        this.skipLF = c === '\r';
      }
    }
    return this.take();
  }

  /** No more input: the last record (if any). Throws on a quoted field that never closes. */
  end(): CsvRecord[] {
    if (this.state === 'quoted') throw new Error(`unterminated quoted field starting on line ${this.quoteLine}`);
    if (this.state !== 'fieldStart' || this.fields.length > 0) this.endRecord();
    return this.take();
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = '';
    this.state = 'fieldStart';
  }

  private endRecord(): void {
    this.endField();
    const blankLine = this.fields.length === 1 && this.fields[0] === '';
    if (!blankLine) this.out.push({ fields: this.fields, line: this.recordLine });
    this.fields = [];
    this.recordLine = this.line;
  }

  private take(): CsvRecord[] {
    const out = this.out;
    this.out = [];
    return out;
  }
}

/** Parse a whole string (tests, small inputs). */
export function parseCsv(text: string): CsvRecord[] {
  const parser = new CsvParser();
  return [...parser.push(text), ...parser.end()];
}
