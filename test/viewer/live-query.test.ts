// The live-mode record mapping, on records shaped as neo4j-driver returns them for the loader's model.
import { describe, expect, it } from 'vitest';
import neo4j from 'neo4j-driver';
import { NEIGHBOURHOOD_QUERY, readEvidence, readNeighbourhood } from '../../viz/src/live-query.ts';

const entity = (type: string, name: string, aliases: string[] = []) => ({ labels: ['Entity', type], properties: { key: `${type}:${name}`, type, name, aliases, confidence: 0.9 } });

describe('live query', () => {
  it('takes every value as a parameter', () => {
    expect(NEIGHBOURHOOD_QUERY).toContain('$term');
    expect(NEIGHBOURHOOD_QUERY).toContain('$limit');
  });

  it('pools the evidence of one relation across documents and keeps directions', () => {
    const center = entity('Program', '示范工程甲', ['甲']);
    const record = new Map<string, unknown>([
      ['e', center],
      ['rels', [
        { type: 'IMPLEMENTS', start: 'Organization:中心乙', other: entity('Organization', '中心乙'), props: { doc: 'd1', sentences: ['中心乙实施示范工程甲。'], starts: [neo4j.int(10)], ends: [neo4j.int(21)], confidence: 0.8 }, document: { id: 'd1', path: 'a.txt', title: '文档一' } },
        { type: 'IMPLEMENTS', start: 'Organization:中心乙', other: entity('Organization', '中心乙'), props: { doc: 'd2', sentences: ['再次实施。'], starts: [0], ends: [5], confidence: 0.9 }, document: { id: 'd2', path: 'b.txt', title: '文档二' } },
        { type: 'LOCATED_IN', start: 'Program:示范工程甲', other: entity('Place', '某省'), props: { doc: 'd1', sentences: ['示范工程甲落地某省。'], starts: [30], ends: [40] }, document: null },
        null,
      ]],
    ]);
    const found = readNeighbourhood(record);
    expect(found.center).toMatchObject({ key: 'Program:示范工程甲', type: 'Program', aliases: ['甲'] });
    expect(found.nodes.map((n) => n.key).sort()).toEqual(['Organization:中心乙', 'Place:某省', 'Program:示范工程甲']);
    const implementsRel = found.relations.find((r) => r.type === 'IMPLEMENTS')!;
    expect(implementsRel).toMatchObject({ source: 'Organization:中心乙', target: 'Program:示范工程甲', confidence: 0.9 });
    expect(implementsRel.evidence).toEqual([
      { doc: 'd1', sentence: '中心乙实施示范工程甲。', start: 10, end: 21 },
      { doc: 'd2', sentence: '再次实施。', start: 0, end: 5 },
    ]);
    expect(found.relations.find((r) => r.type === 'LOCATED_IN')).toMatchObject({ source: 'Program:示范工程甲', target: 'Place:某省' });
    expect(found.documents.map((d) => d.title)).toEqual(['文档一', '文档二']);
  });

  it('reads evidence stored as JSON too', () => {
    expect(readEvidence({ evidence: JSON.stringify([{ doc: 'd', sentence: '句子。', start: 1, end: 4 }]) })).toEqual([{ doc: 'd', sentence: '句子。', start: 1, end: 4 }]);
    expect(readEvidence({})).toEqual([]);
  });
});
