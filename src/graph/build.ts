// Entities and relations → the knowledge graph (graphology), with the source documents as graph attributes.
import type { Document, Entity, Relation } from '../types.ts';
import { createGraph, type KnowledgeGraph } from './io.ts';

export function buildGraph(documents: Document[], entities: Entity[], relations: Relation[]): KnowledgeGraph {
  const graph = createGraph();
  graph.setAttribute('documents', documents.map((d) => ({ id: d.id, path: d.path, title: d.title, articles: d.articles })));
  graph.setAttribute('builtAt', new Date().toISOString());
  graph.setAttribute('generator', 'zhengtu 0.1.0');
  for (const e of [...entities].sort((a, b) => a.key.localeCompare(b.key))) {
    graph.addNode(e.key, { type: e.type, name: e.name, aliases: e.aliases, mentions: e.mentions, docs: e.docs, confidence: e.confidence });
  }
  for (const r of relations) {
    if (!graph.hasNode(r.source) || !graph.hasNode(r.target) || r.source === r.target) continue;
    const attributes = { type: r.type, evidence: r.evidence, weight: r.evidence.length, confidence: r.confidence, ...(r.planned ? { planned: true } : {}) };
    graph.addEdgeWithKey(`${r.type}:${r.source}->${r.target}`, r.source, r.target, attributes);
  }
  return graph;
}
