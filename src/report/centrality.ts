// The most central entities of each type, by degree (graphology-metrics degree centrality over typed relations,
// direction dropped) and by PageRank (over the directed relations, weighted by evidence).
import { degreeCentrality } from 'graphology-metrics/centrality/degree';
import pagerank from 'graphology-metrics/centrality/pagerank';
import { ENTITY_TYPES } from '../types.ts';
import { directedWeighted, undirectedWeighted } from './analysis.ts';
import type { ReportContext } from './context.ts';
import type { CentralityRow, CentralityTable } from './model.ts';

const TOP = 5;

export interface Centrality {
  tables: CentralityTable[];
  /** PageRank of every entity, for ordering elsewhere (community members). */
  pagerank: Map<string, number>;
}

export function centrality(context: ReportContext): Centrality {
  const undirected = undirectedWeighted(context);
  const directed = directedWeighted(context);
  const degree = undirected.order > 1 ? degreeCentrality(undirected) : {};
  const rank = directed.order > 0 ? pagerank(directed, { getEdgeWeight: 'weight' }) : {};

  const rows: CentralityRow[] = [...context.refs.values()]
    .filter((ref) => undirected.degree(ref.key) > 0)
    .map((entity) => ({
      entity,
      neighbours: undirected.degree(entity.key),
      degreeCentrality: degree[entity.key] ?? 0,
      pagerank: rank[entity.key] ?? 0,
    }));
  const byPagerank = (a: CentralityRow, b: CentralityRow) =>
    b.pagerank - a.pagerank || b.neighbours - a.neighbours || context.compareRefs(a.entity, b.entity);
  const byDegree = (a: CentralityRow, b: CentralityRow) =>
    b.neighbours - a.neighbours || b.pagerank - a.pagerank || context.compareRefs(a.entity, b.entity);

  const tables: CentralityTable[] = [];
  for (const type of ENTITY_TYPES) {
    const ofType = rows.filter((r) => r.entity.type === type);
    if (!ofType.length) continue;
    // The union of the top by degree and the top by PageRank, shown in PageRank order.
    const top = new Set([...[...ofType].sort(byDegree).slice(0, TOP), ...[...ofType].sort(byPagerank).slice(0, TOP)]);
    tables.push({ type, rows: [...top].sort(byPagerank) });
  }
  return { tables, pagerank: new Map(Object.entries(rank)) };
}
