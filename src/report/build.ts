// graph → ReportModel: scope to an entity's neighbourhood if asked, then compute each section as plain data.
import type { KnowledgeGraph } from '../graph/io.ts';
import { actors } from './actors.ts';
import { appendix } from './appendix.ts';
import { cards } from './cards.ts';
import { centrality } from './centrality.ts';
import { charts } from './charts.ts';
import { communities } from './communities.ts';
import { createContext } from './context.ts';
import { matrix } from './matrix.ts';
import type { ReportModel } from './model.ts';
import { overview } from './overview.ts';
import { HOPS, matchEntities, namedEntities, neighbourhood } from './scope.ts';

export interface ModelOptions {
  /** Name or alias of the entity whose neighbourhood the report covers. */
  entity?: string;
  /** Where the graph was read from, for the "how built" line. */
  source?: string;
}

export function buildReportModel(graph: KnowledgeGraph, options: ModelOptions = {}): ReportModel {
  const centers = options.entity ? matchEntities(namedEntities(graph), options.entity) : [];
  const scoped = options.entity ? neighbourhood(graph, centers) : graph;
  const context = createContext(scoped);
  const central = centrality(context);
  const centerRefs = centers.map((key) => context.refs.get(key)!);
  const attrs = scoped.getAttributes();
  return {
    title: centerRefs.length
      ? `政图 relationship report: ${centerRefs.map((c) => c.name).join(' / ')} and its ${HOPS}-hop neighbourhood`
      : '政图 relationship report',
    scope: centerRefs.length ? { centers: centerRefs, hops: HOPS } : null,
    built: {
      builtAt: attrs.builtAt ?? 'unknown time',
      generator: attrs.generator ?? 'unknown generator',
      source: options.source ?? 'an in-memory graph',
    },
    overview: overview(context, centerRefs.length > 0),
    matrix: matrix(context),
    actors: actors(context),
    charts: charts(context),
    centrality: central.tables,
    communities: communities(context, central.pagerank),
    cards: cards(context, new Set(centers)),
    relations: appendix(context),
  };
}
