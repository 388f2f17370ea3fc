import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ingest, isIngestError, type IngestOptions } from '../../src/ingest/index.ts';
import type { IngestError, RawDocument } from '../../src/types.ts';

/** A fresh temporary directory holding `files` (relative path → content). */
export function tempTree(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), 'zt-ingest-'));
  for (const [rel, content] of Object.entries(files)) {
    const path = join(root, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  return root;
}

export async function collect(inputs: string[], options?: IngestOptions) {
  const docs: RawDocument[] = [];
  const errors: IngestError[] = [];
  for await (const item of ingest(inputs, options)) (isIngestError(item) ? errors : docs).push(item as never);
  return { docs, errors };
}
