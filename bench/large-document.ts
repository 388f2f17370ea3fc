// Linear cost for one very large document: the time per MB of one 8 MB document over that of one 1 MB
// document, for cleaning alone and for the whole per-document pipeline (clean, extract, resolve, relate),
// which both go in bounded pieces (src/clean/pieces.ts). A ratio of two runs in the same process, so the
// machine's speed cancels out; ≤ 1.5 is linear enough. Used by `npm run bench:clean` and a test.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cleanDocument } from '../src/clean/index.ts';
import { processDocument } from '../src/pipeline/document.ts';
import type { RawDocument } from '../src/types.ts';

export const MAX_LARGE_RATIO = 1.5;

/** A newspaper page (the bundled seed, the layout whose article matching was quadratic) repeated to `mb` MB. */
export function largeDocument(mb: number): RawDocument {
  const page = readFileSync(fileURLToPath(new URL('../data/corpus/seed.txt', import.meta.url)), 'utf8');
  const parts: string[] = [];
  let bytes = 0;
  while (bytes < mb * 1e6) {
    parts.push(page);
    bytes += Buffer.byteLength(page) + 1;
  }
  let text = parts.join('\n');
  while (Buffer.byteLength(text) > mb * 1e6) text = text.slice(0, -1000);
  return { id: `large-${mb}`, path: `large-${mb}.txt`, format: 'txt', text, meta: {} };
}

function secondsPerMB(run: (raw: RawDocument) => unknown, raw: RawDocument): number {
  const t0 = performance.now();
  run(raw);
  return (performance.now() - t0) / 1000 / (Buffer.byteLength(raw.text) / 1e6);
}

export interface LargeRatio {
  perMB1: number;
  perMB8: number;
  ratio: number;
}

/** Time per MB at 8 MB ÷ at 1 MB (after a warm-up run at 1 MB, so that compiling is not counted). */
export function largeDocumentRatio(run: (raw: RawDocument) => unknown): LargeRatio {
  const one = largeDocument(1);
  const eight = largeDocument(8);
  run(one);
  const perMB1 = secondsPerMB(run, one);
  const perMB8 = secondsPerMB(run, eight);
  return { perMB1, perMB8, ratio: perMB8 / perMB1 };
}

export const cleanRatio = () => largeDocumentRatio(cleanDocument);
export const pipelineRatio = () => largeDocumentRatio(processDocument);
