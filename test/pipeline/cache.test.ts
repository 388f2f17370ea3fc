import { describe, expect, it } from 'vitest';
import { appendFileSync, copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { build } from '../../src/pipeline/build.ts';
import { fingerprint } from '../../src/pipeline/cache.ts';
import { genreFiles, graphText, tempDir } from './helpers.ts';

describe('result cache', () => {
  it('skips unchanged documents and extracts a changed one again', async () => {
    const dir = tempDir();
    const corpus = join(dir, 'corpus');
    mkdirSync(corpus);
    for (const f of genreFiles(3)) copyFileSync(f, join(corpus, basename(f)));
    const out = join(dir, 'out');

    const first = await build([corpus], { out, workers: 2, builtAt: 'T' });
    expect([first.stats.processed, first.stats.cached]).toEqual([3, 0]);
    const second = await build([corpus], { out, workers: 2, builtAt: 'T' });
    expect([second.stats.processed, second.stats.cached]).toEqual([0, 3]);
    const firstGraph = graphText(out);

    const changed = join(corpus, readdirSync(corpus).sort()[1]);
    appendFileSync(changed, '\n工业和信息化部支持发展人工智能产业。\n');
    const third = await build([corpus], { out, workers: 2, builtAt: 'T' });
    expect([third.stats.processed, third.stats.cached]).toEqual([1, 2]);
    expect(graphText(out)).not.toBe(firstGraph);

    // What the cache gave is what a fresh build gives.
    const fresh = join(dir, 'fresh');
    await build([corpus], { out: fresh, workers: 1, cache: false, builtAt: 'T' });
    expect(graphText(out)).toBe(graphText(fresh));
  });

  it('keys the cache on the data files: a changed lexicon changes the fingerprint', () => {
    const root = tempDir();
    mkdirSync(join(root, 'data/lexicon'), { recursive: true });
    writeFileSync(join(root, 'data/lexicon/places.tsv'), '北京市\t北京\tprovince\t110000\n');
    const before = fingerprint(root);
    expect(fingerprint(root)).toBe(before);
    appendFileSync(join(root, 'data/lexicon/places.tsv'), '天津市\t天津\tprovince\t120000\n');
    expect(fingerprint(root)).not.toBe(before);
    mkdirSync(join(root, 'data/models'));
    writeFileSync(join(root, 'data/models/tagger.bin'), 'x');
    expect(fingerprint(root)).not.toBe(before);
  });
});
