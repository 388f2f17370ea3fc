// Entities and relations → the knowledge graph (graphology), with the source documents as graph
// attributes. The attribute shapes and the node order are declared here once: the full merge, the
// direct writer (pipeline/accumulate.ts) and the patch (pipeline/patch.ts) all write graph.json
// through them, so the three give the same bytes.
import type { EdgeAttributes, Entity, GraphAttributes, NodeAttributes, Relation, SourceDocument } from '../types.ts';
import { createGraph, type KnowledgeGraph } from './io.ts';

export const GENERATOR = 'zhengtu 0.1.0';

/** Node order in graph.json: String.prototype.localeCompare's, through one collator (much faster). */
export const compareNodeKeys: (a: string, b: string) => number = new Intl.Collator().compare;

export const edgeKey = (r: { type: string; source: string; target: string }) => `${r.type}:${r.source}->${r.target}`;

export const nodeAttributes = (e: Entity): NodeAttributes => ({ type: e.type, name: e.name, aliases: e.aliases, mentions: e.mentions, docs: e.docs, confidence: e.confidence });

export const edgeAttributes = (r: Relation): EdgeAttributes => ({
  type: r.type,
  evidence: r.evidence,
  weight: r.evidence.length,
  confidence: r.confidence,
  ...(r.planned ? { planned: true } : {}),
});

/** The graph's attributes, in the order graph.json lists them. */
export const graphAttributes = (documents: Pick<SourceDocument, 'id' | 'path' | 'title' | 'articles'>[], builtAt: string): GraphAttributes => ({
  documents: documents.map((d) => ({ id: d.id, path: d.path, title: d.title, articles: d.articles })),
  builtAt,
  generator: GENERATOR,
});

/** A relation becomes an edge only between two entities of the graph, and never as a loop. */
export const isEdge = (r: { source: string; target: string }, hasNode: (key: string) => boolean) => r.source !== r.target && hasNode(r.source) && hasNode(r.target);

export function buildGraph(documents: SourceDocument[], entities: Entity[], relations: Relation[], builtAt = new Date().toISOString()): KnowledgeGraph {
  const graph = createGraph();
  graph.replaceAttributes(graphAttributes(documents, builtAt));
  for (const e of [...entities].sort((a, b) => compareNodeKeys(a.key, b.key))) graph.addNode(e.key, nodeAttributes(e));
  for (const r of relations) if (isEdge(r, (key) => graph.hasNode(key))) graph.addEdgeWithKey(edgeKey(r), r.source, r.target, edgeAttributes(r));
  return graph;
}
