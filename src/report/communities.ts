// Louvain communities (graphology-communities-louvain with a seeded rng) over the typed relations, direction
// dropped; communities of one entity are left out.
import louvain from 'graphology-communities-louvain';
import { seededRandom, undirectedWeighted } from './analysis.ts';
import type { ReportContext } from './context.ts';
import type { Community, EntityRef } from './model.ts';

const SEED = 20240601;

export function communities(context: ReportContext, pagerank: Map<string, number>): Community[] {
  const graph = undirectedWeighted(context);
  for (const node of graph.nodes()) if (graph.degree(node) === 0) graph.dropNode(node);
  if (graph.size === 0) return [];
  const assignment = louvain(graph, { getEdgeWeight: 'weight', rng: seededRandom(SEED) });

  const groups = new Map<number, EntityRef[]>();
  for (const [key, community] of Object.entries(assignment)) {
    const members = groups.get(community) ?? [];
    members.push(context.refs.get(key)!);
    groups.set(community, members);
  }
  const central = (a: EntityRef, b: EntityRef) =>
    (pagerank.get(b.key) ?? 0) - (pagerank.get(a.key) ?? 0) || context.compareRefs(a, b);
  const sorted = [...groups.values()]
    .filter((members) => members.length > 1)
    .map((members) => members.sort(central))
    .sort((a, b) => b.length - a.length || central(a[0], b[0]));

  return sorted.map((members, i) => {
    const index = new Map(members.map((m, j) => [m.key, j]));
    const links: [number, number][] = [];
    graph.forEachEdge((_e, _a, s, t) => {
      const [x, y] = [index.get(s), index.get(t)];
      if (x !== undefined && y !== undefined) links.push(x < y ? [x, y] : [y, x]);
    });
    links.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
    return { id: i + 1, members, links };
  });
}
