import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Graph from 'graphology';
import { createGraph, readGraph, writeGraph, type KnowledgeGraph } from '../../src/graph/io.ts';
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
});
