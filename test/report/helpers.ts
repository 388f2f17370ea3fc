// The one place the report tests take their graph from: the real seed graph, built by the pipeline.
// ZHENGTU_REPORT_GRAPH=test/fixtures/report/seed-like.graph.json runs them on the hand-made fixture.
import { readGraph, type KnowledgeGraph } from '../../src/graph/io.ts';
import { seedGraphPath } from '../helpers/seed-graph.ts';
import { RELATED_TO, RELATION_TYPES } from '../../src/types.ts';

export const REPORT_GRAPH = process.env.ZHENGTU_REPORT_GRAPH ?? seedGraphPath();

export function reportGraph(): KnowledgeGraph {
  return readGraph(REPORT_GRAPH);
}

export const HOSTILE_NAME = '测试<script>alert(1)</script>公司';
export const HOSTILE_INDUSTRY = 'A|B*_[x]</td>行业';

/** The report graph plus names that are markup in HTML and Markdown (added unless the graph has them). */
export function hostileGraph(): KnowledgeGraph {
  const graph = reportGraph();
  const doc = graph.getAttribute('documents')?.[0]?.id ?? 'doc';
  const evidence = (sentence: string) => [{ doc, sentence, start: 0, end: sentence.length }];
  const org = `Organization:${HOSTILE_NAME}`;
  if (!graph.hasNode(org)) {
    graph.addNode(org, { type: 'Organization', name: HOSTILE_NAME, aliases: ['A|B*_[x]'], mentions: [], docs: [doc], confidence: 0.5 });
  }
  const industry = `Industry:${HOSTILE_INDUSTRY}`;
  graph.addNode(industry, { type: 'Industry', name: HOSTILE_INDUSTRY, aliases: [], mentions: [], docs: [doc], confidence: 0.5 });
  const policy = graph.findNode((_k, a) => a.type === 'Policy' || a.type === 'Program')!;
  graph.addDirectedEdge(policy, industry, { type: 'TARGETS', evidence: evidence(`${graph.getNodeAttribute(policy, 'name')}支持${HOSTILE_INDUSTRY} & <b>发展</b>。`), weight: 1, confidence: 0.7 });
  graph.addDirectedEdge(org, industry, { type: 'ACTIVE_IN', evidence: evidence(`${HOSTILE_NAME}从事${HOSTILE_INDUSTRY}。`), weight: 1, confidence: 0.7 });
  return graph;
}

export interface EdgeFact {
  source: string;
  type: string;
  target: string;
  sentences: string[];
}

/** The typed relations of a graph as the test reads them, straight from the edges. */
export function typedEdges(graph: KnowledgeGraph): EdgeFact[] {
  return graph
    .filterEdges((_e, a) => a.type !== RELATED_TO && (RELATION_TYPES as readonly string[]).includes(a.type) && a.evidence?.length > 0)
    .map((e) => ({
      source: graph.getNodeAttribute(graph.source(e), 'name'),
      type: graph.getEdgeAttribute(e, 'type'),
      target: graph.getNodeAttribute(graph.target(e), 'name'),
      sentences: graph.getEdgeAttribute(e, 'evidence').map((ev) => ev.sentence),
    }));
}

/** Visible text of HTML: tags dropped, entities decoded, line-wrapped text joined as the report shows it. */
export function visibleText(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

export const joinLines = (sentence: string) => sentence.replace(/\s*\n\s*/g, '').trim();

/** Same order-independence the Neo4j round trip needs: the same graph with nodes and edges in reverse order. */
export function reversed(graph: KnowledgeGraph): KnowledgeGraph {
  const copy = graph.emptyCopy();
  copy.clear();
  copy.replaceAttributes(graph.getAttributes());
  for (const node of graph.nodes().reverse()) copy.addNode(node, graph.getNodeAttributes(node));
  for (const edge of graph.edges().reverse()) {
    const attrs = graph.getEdgeAttributes(edge);
    copy.addDirectedEdgeWithKey(`x${edge}`, graph.source(edge), graph.target(edge), { ...attrs, evidence: [...attrs.evidence].reverse() });
  }
  return copy as KnowledgeGraph;
}
