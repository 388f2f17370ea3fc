import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const GENRE = '/work/shared/corpus/genre';
export const REPORTS = '/work/shared/corpus/reports';

/** The first `n` genre documents (plain text), in name order. */
export function genreFiles(n: number): string[] {
  return readdirSync(GENRE)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .slice(0, n)
    .map((f) => join(GENRE, f));
}

export const tempDir = (prefix = 'zt-pipeline-') => mkdtempSync(join(tmpdir(), prefix));

/** graph.json as text, with the build timestamp blanked: what must match between two builds. */
export function graphText(out: string): string {
  const data = JSON.parse(readFileSync(join(out, 'graph.json'), 'utf8'));
  data.attributes.builtAt = '';
  return JSON.stringify(data);
}

export const readDocuments = (out: string) => JSON.parse(readFileSync(join(out, 'documents.json'), 'utf8')) as { id: string; path: string; text: string }[];
