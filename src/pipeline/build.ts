// `build` composes the stages: ingest → clean → (extract → resolve → relate) → graph → outputs.
import { mkdirSync, writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { Document, IngestError } from '../types.ts';
import { ingest, isIngestError } from '../ingest/index.ts';
import { cleanDocument } from '../clean/index.ts';
import { errorMessage } from '../util/errors.ts';

export interface BuildOptions {
  out: string;
  /** Called once a document is cleaned; for progress. */
  onDocument?: (doc: Document) => void;
  onError?: (err: IngestError) => void;
}

export interface BuildResult {
  documents: Document[];
  failures: IngestError[];
}

export async function build(inputs: string[], options: BuildOptions): Promise<BuildResult> {
  const documents: Document[] = [];
  const failures: IngestError[] = [];
  for await (const item of ingest(inputs)) {
    if (isIngestError(item)) {
      failures.push(item);
      options.onError?.(item);
      continue;
    }
    try {
      const doc = cleanDocument(item);
      documents.push(doc);
      options.onDocument?.(doc);
    } catch (err) {
      const failure = { path: item.path, message: `cleaning failed: ${errorMessage(err)}` };
      failures.push(failure);
      options.onError?.(failure);
    }
  }
  mkdirSync(options.out, { recursive: true });
  writeJSON(join(options.out, 'documents.json'), documents);
  return { documents, failures };
}

export function writeJSON(path: string, value: unknown): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, JSON.stringify(value));
  renameSync(tmp, path);
}
