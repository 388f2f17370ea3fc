// Synthetic knowledge graphs of any size, shaped like real ones (typed nodes, typed edges with
// evidence), for benchmarks and for tests that need more than the seed page.
import { ENTITY_TYPES, RELATION_TYPES, type EntityType } from '../types.ts';
import { createGraph, type KnowledgeGraph } from './io.ts';
import { ENDPOINTS } from '../relate/constraints.ts';
import { prng } from '../util/prng.ts';

export { prng };

const SYLLABLES = '华中国科技新能源智慧数字产业创新发展山东潍坊广州深圳合肥成都武汉海洋生物医药信息材料装备制造'.split('');
const SUFFIX: Record<EntityType, string[]> = {
  Organization: ['集团', '研究院', '实验室', '委员会', '局', '大学'],
  Program: ['工程', '行动', '计划', '示范区'],
  Industry: ['产业', '装备', '材料', '技术'],
  Policy: ['实施意见', '管理办法', '战略', '制度'],
  Person: [''],
  Place: ['市', '省', '县', '区'],
};

export interface SyntheticOptions {
  nodes: number;
  edges: number;
  seed?: number;
  /** Evidence items per edge (default 1). */
  evidence?: number;
}

export function syntheticGraph({ nodes, edges, seed = 42, evidence = 1 }: SyntheticOptions): KnowledgeGraph {
  const random = prng(seed);
  const graph = createGraph();
  graph.setAttribute('documents', [{ id: 'synthetic', path: 'synthetic', title: 'synthetic', articles: [] }]);
  graph.setAttribute('builtAt', new Date(0).toISOString());
  graph.setAttribute('generator', 'zhengtu synthetic');
  const byType = new Map<EntityType, string[]>(ENTITY_TYPES.map((t) => [t, []]));
  for (let i = 0; i < nodes; i++) {
    const type = ENTITY_TYPES[Math.floor(random() * ENTITY_TYPES.length)]!;
    let stem = '';
    for (let k = 0; k < 2 + Math.floor(random() * 3); k++) stem += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    const suffixes = SUFFIX[type];
    const name = `${stem}${i}${suffixes[Math.floor(random() * suffixes.length)]}`;
    const key = `${type}:${name}`;
    graph.addNode(key, { type, name, aliases: [], mentions: [{ doc: 'synthetic', start: 0, end: name.length, sentence: 0 }], docs: ['synthetic'], confidence: 0.9 });
    byType.get(type)!.push(key);
  }
  let added = 0;
  let attempts = 0;
  while (added < edges && attempts < edges * 10) {
    attempts++;
    const type = RELATION_TYPES[Math.floor(random() * RELATION_TYPES.length)]!;
    const [from, to] = ENDPOINTS[type];
    const sources = byType.get(from[Math.floor(random() * from.length)]!)!;
    const targets = byType.get(to[Math.floor(random() * to.length)]!)!;
    if (!sources.length || !targets.length) continue;
    const source = sources[Math.floor(random() * sources.length)]!;
    const target = targets[Math.floor(random() * targets.length)]!;
    if (source === target) continue;
    const items = [];
    for (let e = 0; e < evidence; e++) {
      const sentence = `${graph.getNodeAttribute(source, 'name')}与${graph.getNodeAttribute(target, 'name')}相关的第${e}句。`;
      items.push({ doc: 'synthetic', sentence, start: added * 40, end: added * 40 + sentence.length });
    }
    graph.addEdge(source, target, { type, evidence: items, weight: items.length, confidence: 0.8 });
    added++;
  }
  return graph;
}
