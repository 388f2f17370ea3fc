import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Graph from 'graphology';
import { ChunkedFile, createGraph, readGraph, writeGraph, type KnowledgeGraph } from '../../src/graph/io.ts';
import { syntheticGraph } from '../../src/graph/synthetic.ts';
import { tempDir } from './helpers.ts';

describe('streamed graph.json', () => {
  it('is exactly JSON.stringify(graph.export())', () => {
    const graph = syntheticGraph({ nodes: 5000, edges: 20000, seed: 7, evidence: 3 });
    const path = join(tempDir(), 'graph.json');
    writeGraph(path, graph);
    const text = readFileSync(path, 'utf8');
    expect(Buffer.byteLength(text)).toBeGreaterThan(2 * (1 << 22)); // more than two 4 MiB write batches
    expect(text).toBe(JSON.stringify(graph.export()));
    expect(readGraph(path).size).toBe(20000);
  });

  it('leaves out empty attributes and marks undirected edges of a mixed graph, as export() does', () => {
    const empty = createGraph();
    const path = join(tempDir(), 'graph.json');
    writeGraph(path, empty);
    expect(readFileSync(path, 'utf8')).toBe(JSON.stringify(empty.export()));

    const mixed = new Graph({ type: 'mixed', multi: true });
    mixed.addNode('a');
    mixed.addNode('b', { name: '乙' });
    mixed.addUndirectedEdgeWithKey('ab', 'a', 'b');
    mixed.addDirectedEdgeWithKey('ba', 'b', 'a', { weight: 2 });
    writeGraph(path, mixed as unknown as KnowledgeGraph);
    expect(readFileSync(path, 'utf8')).toBe(JSON.stringify(mixed.export()));
  });

  it('writes text, small and large byte ranges in order, and knows where each piece landed', () => {
    const path = join(tempDir(), 'pieces');
    const file = new ChunkedFile(path);
    const pieces: (string | Uint8Array)[] = [];
    for (let i = 0; i < 3000; i++) {
      pieces.push(`{"节点":${i},"名":"国务院办公厅😀"}`, ',');
      if (i % 97 === 0) pieces.push(new Uint8Array(70_000).fill(i % 251)); // beyond the copy limit
      if (i % 89 === 0) pieces.push(Buffer.from(`小段${i}`));
    }
    pieces.push('长'.repeat(2_000_000)); // more than the staging buffer holds
    pieces.push('尾');
    const offsets: number[] = [];
    for (const p of pieces) {
      file.write(p);
      offsets.push(file.offset);
    }
    file.close();
    const expected = Buffer.concat(pieces.map((p) => (typeof p === 'string' ? Buffer.from(p) : p)));
    expect(readFileSync(path).equals(expected)).toBe(true);
    let at = 0;
    expect(offsets).toEqual(pieces.map((p) => (at += typeof p === 'string' ? Buffer.byteLength(p) : p.byteLength)));
  });
});
