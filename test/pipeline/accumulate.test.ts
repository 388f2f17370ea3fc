import { describe, expect, it } from 'vitest';
import { betterName, compareNatural, GraphAccumulator } from '../../src/pipeline/accumulate.ts';
import type { CompactResult } from '../../src/pipeline/job.ts';

const doc = (id: string, path: string) => ({ id, path, title: path, articles: [] });
const ev = (d: string, start: number) => ({ doc: d, sentence: `s${start}`, start, end: start + 5 });

/** Two documents naming the same organ differently (as long), and sharing one relation. */
const results: CompactResult[] = [
  {
    doc: doc('d1', 'news#2'),
    entities: [
      { key: 'Organization:甲委', type: 'Organization', name: '乙委会', aliases: ['甲委'], mentions: [{ doc: 'd1', start: 4, end: 7, sentence: 0 }], docs: ['d1'], confidence: 0.6 },
      { key: 'Industry:芯片', type: 'Industry', name: '芯片', aliases: [], mentions: [{ doc: 'd1', start: 9, end: 11, sentence: 0 }], docs: ['d1'], confidence: 0.8 },
    ],
    relations: [{ type: 'TARGETS', source: 'Organization:甲委', target: 'Industry:芯片', evidence: [ev('d1', 0)], confidence: 0.5, planned: true }],
  },
  {
    doc: doc('d2', 'news#10'),
    entities: [
      { key: 'Organization:甲委', type: 'Organization', name: '丙委会', aliases: ['甲委会'], mentions: [{ doc: 'd2', start: 1, end: 4, sentence: 0 }], docs: ['d2'], confidence: 0.9 },
      { key: 'Industry:芯片', type: 'Industry', name: '芯片', aliases: [], mentions: [{ doc: 'd2', start: 6, end: 8, sentence: 0 }], docs: ['d2'], confidence: 0.7 },
    ],
    relations: [{ type: 'TARGETS', source: 'Organization:甲委', target: 'Industry:芯片', evidence: [ev('d2', 0), ev('d2', 0)], confidence: 0.7 }],
  },
];

function merged(order: CompactResult[]) {
  const acc = new GraphAccumulator();
  for (const r of order) acc.add(structuredClone(r));
  return acc.toGraph('T');
}

describe('cross-document merge', () => {
  it('prefers the longer name, then the first in code-point order', () => {
    expect(betterName('国务院', '中华人民共和国国务院')).toBe('中华人民共和国国务院');
    expect(betterName('丙委会', '乙委会')).toBe(betterName('乙委会', '丙委会'));
  });

  it('orders paths naturally', () => {
    expect(['f#10', 'f#2', 'f#1', 'e.md'].sort(compareNatural)).toEqual(['e.md', 'f#1', 'f#2', 'f#10']);
  });

  it('gives the same graph whatever order the documents come in', () => {
    const a = merged(results);
    const b = merged([...results].reverse());
    expect(JSON.stringify(b.export())).toBe(JSON.stringify(a.export()));

    const org = a.getNodeAttributes('Organization:甲委');
    expect(org.name).toBe(betterName('乙委会', '丙委会'));
    expect(new Set([org.name, ...org.aliases])).toEqual(new Set(['乙委会', '丙委会', '甲委', '甲委会']));
    expect(org.docs).toEqual(['d1', 'd2']); // news#2 before news#10
    expect(org.confidence).toBe(0.9);

    const edge = a.getEdgeAttributes('TARGETS:Organization:甲委->Industry:芯片');
    expect(edge.evidence.map((e) => e.doc)).toEqual(['d1', 'd2']); // the repeated d2 sentence once
    expect(edge.weight).toBe(2);
    expect(edge.confidence).toBe(0.7);
    expect(edge.planned).toBeUndefined(); // planned in one document only
  });

  it('merging a graph into itself changes nothing', () => {
    const a = merged(results);
    const acc = new GraphAccumulator();
    acc.addGraph(a);
    acc.addGraph(a);
    expect(JSON.stringify(acc.toGraph('T').export())).toBe(JSON.stringify(a.export()));
  });

  it('writes graph.json straight from the merge: the bytes of the graph it would build, each element with its support', () => {
    const acc = new GraphAccumulator(true);
    for (const r of results) acc.add(structuredClone(r));
    // Keys whose locale order is not their code-point order, a relation to no entity, a loop.
    const entity = (key: string) => ({ key, type: 'Organization' as const, name: key.slice(13), aliases: [], mentions: [], docs: ['d3'], confidence: 0.5 });
    acc.add({
      doc: doc('d3', 'news#3'),
      entities: ['Organization:b', 'Organization:B', 'Organization:ä', 'Organization:a', 'Organization:中'].map(entity),
      relations: [
        { type: 'COOPERATES_WITH', source: 'Organization:b', target: 'Organization:nobody', evidence: [ev('d3', 1)], confidence: 0.5 },
        { type: 'COOPERATES_WITH', source: 'Organization:b', target: 'Organization:b', evidence: [ev('d3', 2)], confidence: 0.5 },
        { type: 'COOPERATES_WITH', source: 'Organization:ä', target: 'Organization:B', evidence: [ev('d3', 3)], confidence: 0.5 },
      ],
    });
    const pieces = [...acc.pieces('T')];
    expect(pieces.map((p) => p.text).join('')).toBe(JSON.stringify(acc.toGraph('T').export()));
    const nodes = pieces.filter((p) => p.chunk === 'node');
    expect(nodes.map((p) => p.key)).toEqual(['Organization:a', 'Organization:ä', 'Organization:b', 'Organization:B', 'Organization:甲委', 'Organization:中', 'Industry:芯片'].sort((a, b) => a.localeCompare(b)));
    const org = nodes.find((p) => p.key === 'Organization:甲委')!;
    expect(JSON.parse(org.support!)).toEqual([['d1', '乙委会', ['甲委'], 0.6], ['d2', '丙委会', ['甲委会'], 0.9]]);
    expect(pieces.filter((p) => p.chunk === 'edge').map((p) => p.key)).toEqual(['COOPERATES_WITH:Organization:ä->Organization:B', 'TARGETS:Organization:甲委->Industry:芯片']);
    expect(acc.dropsRelations()).toBe(true); // the relation to nobody; the loop is never an edge
  });
});
