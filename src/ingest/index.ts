// Ingest: paths, directories and globs → RawDocument (decoded text), or an IngestError naming the file.
// (Minimal first version: UTF-8 .txt only. The ingest work replaces this.)
import { createHash } from 'node:crypto';
import { readFileSync, statSync, readdirSync } from 'node:fs';
import { join, extname } from 'node:path';
import type { IngestError, RawDocument } from '../types.ts';
import { errorMessage } from '../util/errors.ts';

export function documentId(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

export function expandInputs(inputs: string[]): string[] {
  const out: string[] = [];
  for (const input of inputs) {
    const st = statSync(input, { throwIfNoEntry: false });
    if (st?.isDirectory()) {
      for (const name of readdirSync(input).sort()) out.push(...expandInputs([join(input, name)]));
    } else out.push(input);
  }
  return out;
}

export async function* ingest(inputs: string[]): AsyncGenerator<RawDocument | IngestError> {
  for (const path of expandInputs(inputs)) {
    try {
      const text = readFileSync(path, 'utf8');
      yield { id: documentId(text), path, format: extname(path) === '.md' ? 'md' : 'txt', text, meta: {} };
    } catch (err) {
      yield { path, message: errorMessage(err) };
    }
  }
}

export function isIngestError(x: RawDocument | IngestError): x is IngestError {
  return !('text' in x);
}
