import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from '../../src/pipeline/build.ts';
import { genreFiles, graphText, tempDir } from './helpers.ts';

describe('parallel build', () => {
  it('gives the same graph and documents.json with 1 and 2 workers', async () => {
    const inputs = genreFiles(5);
    const one = tempDir();
    const two = tempDir();
    const a = await build(inputs, { out: one, workers: 1, cache: false });
    const b = await build(inputs, { out: two, workers: 2, cache: false });
    expect(a.stats.threads).toBe(false);
    expect(b.stats.threads).toBe(true);
    expect(b.stats.processed).toBe(5);
    expect(a.graph.size).toBeGreaterThan(20);
    expect(graphText(two)).toBe(graphText(one));
    expect(readFileSync(join(two, 'documents.json'), 'utf8')).toBe(readFileSync(join(one, 'documents.json'), 'utf8'));
    // Input order, not completion order.
    expect(b.documents.map((d) => d.path)).toEqual(inputs);
  });

  it('gives the same graph whether the main thread extracts too or only worker threads do', async () => {
    const inputs = genreFiles(6);
    const mixed = tempDir();
    const threads = tempDir();
    const a = await build(inputs, { out: mixed, workers: 3, cache: false });
    const b = await build(inputs, { out: threads, workers: 3, mainThread: false, cache: false });
    expect(a.stats.processed).toBe(6);
    expect(b.stats.processed).toBe(6);
    expect(graphText(threads)).toBe(graphText(mixed));
    expect(readFileSync(join(threads, 'documents.json'), 'utf8')).toBe(readFileSync(join(mixed, 'documents.json'), 'utf8'));
  });

  it('one worker thread gives the same graph as the main thread', async () => {
    const inputs = genreFiles(2);
    const main = tempDir();
    const thread = tempDir();
    await build(inputs, { out: main, workers: 1, cache: false });
    const r = await build(inputs, { out: thread, workers: 1, mainThread: false, cache: false });
    expect(r.stats.threads).toBe(true);
    expect(graphText(thread)).toBe(graphText(main));
  });
});
