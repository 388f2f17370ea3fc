// Ingest: files, directories and globs → RawDocument (decoded text) per document, or an IngestError
// naming the file and the problem. One bad input never stops the batch.
//
//   inputs.ts      paths, directories, globs → files in a deterministic order
//   formats.ts     whole files: .txt .md .html .docx .pdf (decode.ts, markdown.ts, html.ts, docx.ts, pdf.ts)
//   containers.ts  .jsonl and .csv: one document per record, streamed (csv.ts)
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { IngestError, RawDocument } from '../types.ts';
import { csvDocuments, jsonlDocuments, mb, type RecordOptions } from './containers.ts';
import { describeFailure, IngestFailure } from './failure.ts';
import { FILE_READERS } from './formats.ts';
import { resolveInputs, SUPPORTED_EXTENSIONS } from './inputs.ts';

export { expandInputs, resolveInputs, SUPPORTED_EXTENSIONS } from './inputs.ts';
export { DEFAULT_TEXT_FIELDS } from './containers.ts';

export const DEFAULT_MAX_BYTES = 200 * 1024 * 1024;

export interface IngestOptions {
  /** JSONL/CSV: field holding the text (default: the first of content, full_text, text). */
  textField?: string;
  /** JSONL/CSV: field holding the title (default: title). */
  titleField?: string;
  /** JSONL/CSV: field naming each record, used in its path `${file}#${id}`. */
  idField?: string;
  /** Largest file read whole (and largest container record), in bytes. Default 200 MB. */
  maxBytes?: number;
}

export function documentId(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

export function isIngestError(x: RawDocument | IngestError): x is IngestError {
  return !('text' in x);
}

const CONTAINERS = { '.jsonl': jsonlDocuments, '.csv': csvDocuments };

export async function* ingest(inputs: string[], options: IngestOptions = {}): AsyncGenerator<RawDocument | IngestError> {
  for (const entry of resolveInputs(inputs)) {
    if (entry.error) yield { path: entry.path, message: entry.error };
    else yield* ingestFile(entry.path, options);
  }
}

/** Warnings go to stderr as they happen, from whichever thread reads the file. */
function warn(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** One file → its document(s) or error(s). */
export async function* ingestFile(path: string, options: IngestOptions = {}): AsyncGenerator<RawDocument | IngestError> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const ext = extname(path).toLowerCase();
  try {
    // First whether it exists at all: a mistyped directory is missing, not of an unsupported type.
    const st = await stat(path);
    const container = CONTAINERS[ext as keyof typeof CONTAINERS];
    const reader = FILE_READERS[ext];
    if (!container && !reader) {
      throw new IngestFailure(`unsupported file type "${ext || '(no extension)'}"; supported: ${SUPPORTED_EXTENSIONS.join(' ')}`);
    }
    if (st.isDirectory()) throw new IngestFailure('is a directory with a file extension; name the directory without it or its files');
    if (!st.isFile()) throw new IngestFailure('not a regular file');
    if (st.size === 0) throw new IngestFailure('empty file');
    if (container) {
      const recordOptions: RecordOptions = { ...options, maxBytes };
      yield* container(path, recordOptions, documentId);
      return;
    }
    if (st.size > maxBytes) {
      throw new IngestFailure(`file too large (${mb(st.size)} MB > ${mb(maxBytes)} MB limit); split it or raise --max-bytes`);
    }
    const { format, text, meta } = await reader(await readFile(path));
    if (meta.replaced) warn(`warning: ${path}: ${meta.replaced} undecodable byte sequence(s) replaced with U+FFFD; the rest of the document is read`);
    yield { id: documentId(text), path, format, text, meta };
  } catch (err) {
    yield { path, message: describeFailure(err) };
  }
}
