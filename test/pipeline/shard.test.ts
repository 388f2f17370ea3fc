import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from '../../src/pipeline/build.ts';
import { mergeGraphs } from '../../src/pipeline/merge.ts';
import { parseShard, shardOf } from '../../src/pipeline/shard.ts';
import { genreFiles, graphText, readDocuments, tempDir } from './helpers.ts';

describe('sharding and merge', () => {
  it('parses i/n and refuses nonsense', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    expect(() => parseShard('0/3')).toThrow(/--shard/);
    expect(() => parseShard('4/3')).toThrow(/--shard/);
    expect(() => parseShard('two')).toThrow(/--shard/);
  });

  it('3 parts merged give the graph of the unsharded build', async () => {
    const dir = tempDir();
    // Whole files and the records of one container, so that both kinds are split among parts.
    const files = genreFiles(4);
    const container = join(dir, 'reports.jsonl');
    const records = genreFiles(7).slice(4).map((f, i) => JSON.stringify({ title: `r${i}`, content: readFileSync(f, 'utf8') }));
    writeFileSync(container, records.join('\n') + '\n');
    const inputs = [...files, container];
    const paths = [...files, ...records.map((_, i) => `${container}#${i + 1}`)];
    const parts = new Set(paths.map((p) => shardOf(p, 3)));
    expect(parts.size).toBeGreaterThan(1); // otherwise the test would not test a split

    const cache = join(dir, 'cache');
    const whole = join(dir, 'whole');
    const all = await build(inputs, { out: whole, workers: 2, cache, builtAt: 'T' });
    expect(all.failures).toEqual([]);
    const outs: string[] = [];
    const seen: string[] = [];
    for (let i = 1; i <= 3; i++) {
      const out = join(dir, `part${i}`);
      const r = await build(inputs, { out, workers: 2, cache, shard: { index: i, count: 3 }, builtAt: 'T' });
      expect(r.failures).toEqual([]);
      for (const d of r.documents) expect(shardOf(d.path, 3)).toBe(i);
      seen.push(...r.documents.map((d) => d.path));
      outs.push(out);
    }
    expect(seen.sort()).toEqual([...paths].sort());

    const merged = join(dir, 'merged');
    const { graph, documents } = await mergeGraphs(outs, merged, { builtAt: 'T' });
    expect(graph.order).toBe(all.graph.order);
    expect(graph.size).toBe(all.graph.size);
    expect(graphText(merged)).toBe(graphText(whole));
    expect(documents).toBe(paths.length);
    expect(readDocuments(merged).map((d) => d.path).sort()).toEqual([...paths].sort());
  });

  it('merging a part with itself changes nothing', async () => {
    const dir = tempDir();
    const out = join(dir, 'a');
    await build(genreFiles(2), { out, workers: 1, cache: false, builtAt: 'T' });
    await mergeGraphs([out, join(out, 'graph.json')], join(dir, 'twice'), { builtAt: 'T' });
    expect(graphText(join(dir, 'twice'))).toBe(graphText(out));
  });

  it('names a part without graph.json', async () => {
    await expect(mergeGraphs([tempDir()], tempDir())).rejects.toThrow(/no graph.json there/);
  });
});
