import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from '../../src/pipeline/build.ts';
import { genreFiles, readDocuments, tempDir } from './helpers.ts';

describe('build', () => {
  it('writes documents.json for the bundled seed page', async () => {
    const out = tempDir();
    const result = await build(['data/corpus/seed.txt'], { out, workers: 1 });
    expect(result.failures).toEqual([]);
    const docs = readDocuments(out) as unknown as { sentences: unknown[] }[];
    expect(docs).toHaveLength(1);
    expect(docs[0].sentences.length).toBeGreaterThan(50);
    expect(result.graph.order).toBeGreaterThan(10);
  });

  it('reports a corrupt JSONL record with its line number and builds the records around it', async () => {
    const dir = tempDir();
    const [a, b] = genreFiles(2).map((f) => readFileSync(f, 'utf8'));
    const file = join(dir, 'news.jsonl');
    writeFileSync(file, [JSON.stringify({ title: 'A', content: a }), '{"title": "broken", "content": "国务', JSON.stringify({ title: 'B', content: b })].join('\n') + '\n');
    const out = join(dir, 'out');
    const result = await build([file], { out, workers: 2 });
    expect(result.failures).toHaveLength(1);
    expect(result.failures[0].path).toBe(file);
    expect(result.failures[0].message).toMatch(/^line 2: invalid JSON/);
    expect(result.documents.map((d) => d.path)).toEqual([`${file}#1`, `${file}#3`]);
    expect(result.documents.map((d) => d.title)).toEqual(['A', 'B']);
    expect(readDocuments(out).map((d) => d.path)).toEqual([`${file}#1`, `${file}#3`]);
    expect(result.graph.getAttribute('documents')).toHaveLength(2);
  });
});
