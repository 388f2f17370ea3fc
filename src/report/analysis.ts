// Simple weighted graphs of the typed relations for graphology's metrics, built in sorted key order so that
// PageRank sums and Louvain's moves do not depend on the order the knowledge graph was read in.
import Graph from 'graphology';
import type { ReportContext } from './context.ts';

export { prng as seededRandom } from '../graph/synthetic.ts';

export type WeightedGraph = Graph<Record<string, never>, { weight: number }>;

function weighted(context: ReportContext, type: 'directed' | 'undirected'): WeightedGraph {
  const graph: WeightedGraph = new Graph({ type, multi: false, allowSelfLoops: false });
  for (const key of context.refs.keys()) graph.addNode(key);
  for (const r of context.relations) {
    if (r.source === r.target) continue;
    // A relation weighs as many sentences as back it (at least one).
    const weight = Math.max(1, r.evidence.length);
    graph.updateEdge(r.source, r.target, (attrs) => ({ weight: (attrs.weight ?? 0) + weight }));
  }
  return graph;
}

/** Typed relations as a directed graph: weight = sentences over all parallel relations. */
export const directedWeighted = (context: ReportContext) => weighted(context, 'directed');

/** Typed relations with direction dropped, for neighbours and communities. */
export const undirectedWeighted = (context: ReportContext) => weighted(context, 'undirected');
