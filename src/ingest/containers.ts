// Containers: JSONL and CSV files holding one document per record. Read one record at a time (the
// file is never held whole), each record → its own RawDocument with path `${file}#${n}` (or `#${id}`).
// A bad record is one IngestError naming the file and line; the records after it still come through.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import type { IngestError, RawDocument } from '../types.ts';
import { CsvParser } from './csv.ts';
import { normalizeNewlines } from './decode.ts';
import { IngestFailure, oneLine } from './failure.ts';

export interface RecordOptions {
  /** Field holding the document text; default: the first of DEFAULT_TEXT_FIELDS present. */
  textField?: string;
  /** Field holding the title; default `title` when present. */
  titleField?: string;
  /** Field naming the record: path becomes `${file}#${id}` instead of `${file}#${record number}`. */
  idField?: string;
  /** Largest record text, in bytes. */
  maxBytes: number;
}

export const DEFAULT_TEXT_FIELDS = ['content', 'full_text', 'text'];
/** Scalar fields longer than this are not copied into meta (they are text, not metadata). */
const MAX_META_VALUE = 500;

type Item = RawDocument | IngestError;
type Make = (text: string) => string;

/** UTF-8 text of a file, chunk by chunk; invalid bytes stop the file with a clear reason. */
async function* utf8Chunks(path: string): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true }); // strips a leading BOM
  const decode = (bytes?: Uint8Array) => {
    try {
      return bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode();
    } catch {
      throw new IngestFailure('undecodable bytes (containers must be UTF-8); convert the file to UTF-8');
    }
  };
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 16 })) yield decode(chunk as Buffer);
  const rest = decode();
  if (rest) yield rest;
}

function textFieldOf(record: Record<string, unknown>, options: RecordOptions): string | undefined {
  if (options.textField) return options.textField;
  return DEFAULT_TEXT_FIELDS.find((f) => typeof record[f] === 'string');
}

const missingTextField = (options: RecordOptions) =>
  options.textField
    ? `no field "${options.textField}"`
    : `no text field (tried ${DEFAULT_TEXT_FIELDS.join(', ')}); name it with the textField option (--text-field)`;

/** One record → a document, or the reason it is not one. */
export function recordToDocument(
  file: string,
  format: 'jsonl' | 'csv',
  where: { record: number; line: number },
  record: Record<string, unknown>,
  options: RecordOptions,
  documentId: Make,
): Item {
  const at = `record ${where.record} (line ${where.line})`;
  const textField = textFieldOf(record, options);
  const value = textField === undefined ? undefined : record[textField];
  if (typeof value !== 'string') return { path: file, message: `${at}: ${missingTextField(options)}` };
  const text = normalizeNewlines(value);
  if (!text.trim()) return { path: file, message: `${at}: empty text in field "${textField}"` };
  const bytes = Buffer.byteLength(text);
  if (bytes > options.maxBytes) {
    return { path: file, message: `${at}: record too large (${mb(bytes)} MB > ${mb(options.maxBytes)} MB limit); raise --max-bytes` };
  }
  const meta: Record<string, string> = { encoding: 'utf-8', record: String(where.record), line: String(where.line), textField: textField! };
  for (const [key, v] of Object.entries(record)) {
    if (key === textField || key in meta) continue;
    if ((typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') && String(v).length <= MAX_META_VALUE) meta[key] = String(v);
  }
  const titleField = options.titleField ?? 'title';
  if (typeof record[titleField] === 'string' || typeof record[titleField] === 'number') meta.title = String(record[titleField]);
  const id = options.idField !== undefined ? record[options.idField] : undefined;
  const suffix = typeof id === 'string' || typeof id === 'number' ? String(id) : String(where.record);
  return { id: documentId(text), path: `${file}#${suffix}`, format, text, meta };
}

/** Megabytes for messages: 200, 200.3, 0.0019. */
export function mb(bytes: number): string {
  const v = bytes / (1024 * 1024);
  return String(Number(v >= 1 ? v.toFixed(1) : v.toPrecision(2)));
}

export async function* jsonlDocuments(file: string, options: RecordOptions, documentId: Make): AsyncGenerator<Item> {
  const lines = createInterface({ input: Readable.from(utf8Chunks(file)), crlfDelay: Infinity });
  let lineNumber = 0;
  let record = 0;
  let sawText = false;
  for await (const line of lines) {
    lineNumber++;
    if (!line.trim()) continue;
    record++;
    const where = { record, line: lineNumber };
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      yield { path: file, message: `line ${lineNumber}: invalid JSON (${oneLine(err)}); record skipped` };
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      yield { path: file, message: `line ${lineNumber}: not a JSON object; record skipped` };
      continue;
    }
    // A first record without any text field means the whole file needs --text-field: say it once.
    if (!sawText && !textFieldOf(value as Record<string, unknown>, options)) throw new IngestFailure(`line ${lineNumber}: ${missingTextField(options)}`);
    sawText = true;
    yield recordToDocument(file, 'jsonl', where, value as Record<string, unknown>, options, documentId);
  }
  if (record === 0) throw new IngestFailure('empty file (no records)');
}

export async function* csvDocuments(file: string, options: RecordOptions, documentId: Make): AsyncGenerator<Item> {
  const parser = new CsvParser();
  let header: string[] | null = null;
  let record = 0;
  const toItems = function* (records: ReturnType<CsvParser['push']>): Generator<Item> {
    for (const { fields, line } of records) {
      if (!header) {
        header = fields.map((f) => f.trim());
        const probe = Object.fromEntries(header.map((h) => [h, '']));
        if (options.textField ? !header.includes(options.textField) : !textFieldOf(probe, options)) {
          throw new IngestFailure(`header has ${missingTextField(options)}; columns: ${header.join(', ')}`);
        }
        continue;
      }
      record++;
      if (fields.length !== header.length) {
        yield { path: file, message: `record ${record} (line ${line}): ${fields.length} fields, the header has ${header.length}; record skipped` };
        continue;
      }
      const row = Object.fromEntries(header.map((h, i) => [h, fields[i]]));
      yield recordToDocument(file, 'csv', { record, line }, row, options, documentId);
    }
  };
  for await (const chunk of utf8Chunks(file)) yield* toItems(parser.push(chunk));
  let last;
  try {
    last = parser.end();
  } catch (err) {
    throw new IngestFailure(`corrupt CSV: ${oneLine(err)}`);
  }
  yield* toItems(last);
  if (!header) throw new IngestFailure('empty file (no header)');
  if (record === 0) throw new IngestFailure('no records after the header');
}
