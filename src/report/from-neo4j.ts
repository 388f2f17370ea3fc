// Neo4j → KnowledgeGraph: the graph `zhengtu load` wrote, read back into the same shape as graph.json, so the
// report is computed by the same code from either source. The model read is the loader's
// (src/neo4j/statements.ts, cypher/schema.cypher):
//   (:Entity:<Type> {key, type, name, aliases, confidence})
//   (:Document {id, path, title})-[:MENTIONS {starts, ends, sentences}]->(:Entity)
//   (:Entity)-[:<TYPE> {doc, sentences, starts, ends, confidence, weight, planned}]->(:Entity), one per document
//   (:Load {at, source}) — the latest load
// Every value travels as a parameter; relationship types are compared as data (type(r) IN $types).
import type { Session } from 'neo4j-driver';
import { createGraph } from '../graph/io.ts';
import type { KnowledgeGraph } from '../graph/io.ts';
import type { Connection } from '../neo4j/connection.ts';
import { articlesOf } from '../neo4j/articles.ts';
import { ENTITY_TYPES, RELATED_TO, RELATION_TYPES } from '../types.ts';
import type { Article, EdgeAttributes, EntityType, SourceDocument } from '../types.ts';
import { HOPS, matchEntities, type NamedEntity } from './scope.ts';

export interface Neo4jReadOptions {
  /** Read only this entity's neighbourhood (name or alias; unknown → UserError with close matches). */
  entity?: string;
}

const ENTITIES = `
MATCH (e:Entity)
RETURN e.key AS key, coalesce(e.type, head([l IN labels(e) WHERE l IN $types])) AS type,
       e.name AS name, coalesce(e.aliases, []) AS aliases, coalesce(e.confidence, 1.0) AS confidence`;

/** One hop over typed relations (either direction) from $keys. */
const NEIGHBOURS = `
MATCH (c:Entity)-[r]-(n:Entity)
WHERE c.key IN $keys AND type(r) IN $types
RETURN DISTINCT n.key AS key`;

const DOCUMENTS = `
MATCH (d:Document)
RETURN d.id AS id, coalesce(d.path, d.id) AS path, coalesce(d.title, '') AS title, properties(d) AS props`;

const MENTIONS = `
MATCH (d:Document)-[m:MENTIONS]->(e:Entity)
WHERE $all OR e.key IN $keys
RETURN d.id AS doc, e.key AS key, coalesce(m.starts, []) AS starts, coalesce(m.ends, []) AS ends,
       coalesce(m.sentences, []) AS sentences`;

const RELATIONSHIPS = `
MATCH (a:Entity)-[r]->(b:Entity)
WHERE type(r) IN $types AND ($all OR (a.key IN $keys AND b.key IN $keys))
RETURN a.key AS source, type(r) AS type, b.key AS target, r.doc AS doc, coalesce(r.sentences, []) AS sentences,
       coalesce(r.starts, []) AS starts, coalesce(r.ends, []) AS ends, coalesce(r.confidence, 1.0) AS confidence,
       coalesce(r.weight, 1) AS weight, coalesce(r.planned, false) AS planned`;

const LAST_LOAD = `
MATCH (l:Load)
RETURN toString(coalesce(l.finished, l.at)) AS at, l.source AS source
ORDER BY at DESC LIMIT 1`;

async function rows(session: Session, cypher: string, params: Record<string, unknown>): Promise<Record<string, any>[]> {
  const result = await session.executeRead((tx) => tx.run(cypher, params));
  return result.records.map((r) => r.toObject());
}

/** Keys of the entities within HOPS typed relations of the centers: one parameterized query a hop. */
async function neighbourhoodKeys(session: Session, centers: string[]): Promise<string[]> {
  const reached = new Set(centers);
  let frontier = centers;
  for (let hop = 0; hop < HOPS && frontier.length; hop++) {
    const found = await rows(session, NEIGHBOURS, { keys: frontier, types: [...RELATION_TYPES] });
    frontier = found.map((r) => r.key as string).filter((k) => !reached.has(k));
    for (const k of frontier) reached.add(k);
  }
  return [...reached];
}

export async function readGraphFromNeo4j(conn: Connection, options: Neo4jReadOptions = {}): Promise<KnowledgeGraph> {
  const session = conn.driver.session({ database: conn.database, defaultAccessMode: 'READ' });
  try {
    const entities = (await rows(session, ENTITIES, { types: [...ENTITY_TYPES] })) as (NamedEntity & { confidence: number })[];
    let keep: Set<string> | null = null;
    if (options.entity) keep = new Set(await neighbourhoodKeys(session, matchEntities(entities, options.entity)));
    const keys = keep ? [...keep] : [];
    const all = keep === null;

    const graph = createGraph();
    for (const e of entities) {
      if (keep && !keep.has(e.key)) continue;
      graph.addNode(e.key, {
        type: e.type as EntityType, name: e.name ?? e.key, aliases: e.aliases ?? [], mentions: [], docs: [],
        confidence: Number(e.confidence),
      });
    }

    for (const m of await rows(session, MENTIONS, { all, keys })) {
      if (!graph.hasNode(m.key)) continue;
      const attrs = graph.getNodeAttributes(m.key);
      attrs.docs.push(m.doc);
      m.starts.forEach((start: number, i: number) =>
        attrs.mentions.push({ doc: m.doc, start, end: m.ends[i], sentence: m.sentences[i] }));
    }

    // One relationship per document in Neo4j; one edge per (source, type, target) in the graph.
    const edges = new Map<string, { source: string; target: string; attrs: EdgeAttributes }>();
    for (const r of await rows(session, RELATIONSHIPS, { all, keys, types: [...RELATION_TYPES, RELATED_TO] })) {
      if (!graph.hasNode(r.source) || !graph.hasNode(r.target)) continue;
      const id = JSON.stringify([r.source, r.type, r.target]);
      const attrs: EdgeAttributes = { type: r.type, evidence: [], weight: 0, confidence: 0, planned: r.planned === true };
      const edge = edges.get(id) ?? { source: r.source as string, target: r.target as string, attrs };
      r.sentences.forEach((sentence: string, i: number) =>
        edge.attrs.evidence.push({ doc: r.doc, sentence, start: r.starts[i], end: r.ends[i] }));
      edge.attrs.weight += Number(r.weight);
      edge.attrs.confidence = Math.max(edge.attrs.confidence, Number(r.confidence));
      edges.set(id, edge);
    }
    for (const [id, edge] of edges) graph.addDirectedEdgeWithKey(id, edge.source, edge.target, edge.attrs);

    const documents: SourceDocument[] = (await rows(session, DOCUMENTS, {})).map((d) => ({
      id: d.id, path: d.path, title: d.title, articles: articlesOf(d.props),
    }));
    const [load] = await rows(session, LAST_LOAD, {});
    graph.replaceAttributes({
      documents,
      builtAt: load?.at ?? 'unknown time',
      generator: load?.source ? `zhengtu load (from ${load.source})` : 'zhengtu load',
    });
    return graph;
  } finally {
    await session.close();
  }
}
