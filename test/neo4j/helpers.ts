// Shared by the Neo4j tests: which graph they load, how they reach the server, and an independent
// oracle (plain graphology walks) for what Neo4j must hold after loading a graph.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import type { KnowledgeGraph } from '../../src/graph/io.ts';
import { readGraph } from '../../src/graph/io.ts';
import { connect, type Connection } from '../../src/neo4j/connection.ts';
import { bindParams, findQuery, runQuery } from '../../src/neo4j/queries.ts';
import { LOADED_RELATION_TYPES } from '../../src/neo4j/rows.ts';
import { ENTITY_TYPES } from '../../src/types.ts';
import { seedGraphPath } from '../helpers/seed-graph.ts';

/**
 * The hand-made policy graph: three documents, so it holds what the one-page seed lacks (a document
 * shared by two relations, PART_OF, planned relations). queries.test.ts asserts on its facts; the load
 * tests that need several documents use it too.
 */
export const FIXTURE_GRAPH = fileURLToPath(new URL('../fixtures/neo4j/policy-graph.json', import.meta.url));

/**
 * The one place that says which graph the load tests use: the real seed graph, built from data/corpus
 * by the real pipeline (override with ZHENGTU_NEO4J_TEST_GRAPH=<graph.json>).
 */
export const TEST_GRAPH = process.env.ZHENGTU_NEO4J_TEST_GRAPH || seedGraphPath();

export const readTestGraph = (): KnowledgeGraph => readGraph(TEST_GRAPH);

/**
 * Connects to the test run's own Neo4j (test/setup/neo4j.ts), never to NEO4J_URI as the user's shell set
 * it, waiting while the server is still starting. A server that cannot start fails the tests: none skips.
 */
export async function neo4jForTests(): Promise<Connection> {
  const server = inject('neo4j');
  const options = { uri: server.uri, user: server.user, password: server.password, database: server.database };
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (server.startError && existsSync(server.startError)) {
      throw new Error(`the test run's Neo4j did not start: ${readFileSync(server.startError, 'utf8')}`);
    }
    try {
      return await connect(options);
    } catch (err) {
      if (Date.now() > deadline) throw new Error(`the test run's Neo4j at ${server.uri} did not answer: ${(err as Error).message}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

/** Removes what zhengtu loads (and nothing else a user may keep in the same database). */
export async function clearZhengtu({ driver, database }: Connection): Promise<void> {
  const session = driver.session({ database });
  try {
    await session.run('MATCH (n) WHERE n:Entity OR n:Document OR n:Load CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
  } finally {
    await session.close();
  }
}

export async function cypher({ driver, database }: Connection, text: string, params: Record<string, unknown> = {}) {
  const session = driver.session({ database });
  try {
    return (await session.run(text, params)).records.map((r) => r.toObject() as Record<string, any>);
  } finally {
    await session.close();
  }
}

export interface Counts {
  entities: number;
  byLabel: Record<string, number>;
  documents: number;
  mentions: number;
  /** Distinct (source, type, target): the graph's edges. */
  relations: number;
  /** One per relation and document. */
  relationships: number;
  evidence: number;
}

/** What Neo4j should hold for `graph`, computed straight from graph.json. */
export function expectedCounts(graph: KnowledgeGraph): Counts {
  const byLabel: Record<string, number> = Object.fromEntries(ENTITY_TYPES.map((t) => [t, 0]));
  // A document mentions every entity it names, and the source of every relation it gives evidence for.
  const mentioned = new Set<string>();
  graph.forEachNode((node, a) => {
    byLabel[a.type]!++;
    for (const doc of [...a.docs, ...a.mentions.map((m) => m.doc)]) mentioned.add(`${doc}|${node}`);
  });
  graph.forEachEdge((_, a, s) => a.evidence.forEach((ev) => mentioned.add(`${ev.doc}|${s}`)));
  const triples = new Set<string>();
  const perDoc = new Set<string>();
  let evidence = 0;
  const docs = new Set(graph.getAttribute('documents').map((d) => d.id));
  graph.forEachEdge((_, a, s, t) => {
    if (!a.evidence.length) return;
    triples.add(`${s}|${a.type}|${t}`);
    for (const ev of a.evidence) {
      perDoc.add(`${s}|${a.type}|${t}|${ev.doc}`);
      docs.add(ev.doc);
    }
    evidence += a.evidence.length;
  });
  return { entities: graph.order, byLabel, documents: docs.size, mentions: mentioned.size, relations: triples.size, relationships: perDoc.size, evidence };
}

export async function actualCounts(conn: Connection): Promise<Counts> {
  const types = [...LOADED_RELATION_TYPES];
  const [labels] = await cypher(conn, `MATCH (e:Entity) RETURN count(e) AS entities, ${ENTITY_TYPES.map((t) => `count(CASE WHEN e:${t} THEN 1 END) AS ${t}`).join(', ')}`);
  const [docs] = await cypher(conn, 'MATCH (d:Document) RETURN count(d) AS n');
  const [mentions] = await cypher(conn, 'MATCH (:Document)-[m:MENTIONS]->(:Entity) RETURN count(m) AS n');
  const [rels] = await cypher(
    conn,
    `MATCH (a:Entity)-[r]->(b:Entity) WHERE type(r) IN $types
     RETURN count(r) AS relationships, count(DISTINCT [a.key, type(r), b.key]) AS relations, sum(size(r.sentences)) AS evidence`,
    { types },
  );
  return {
    entities: labels!.entities,
    byLabel: Object.fromEntries(ENTITY_TYPES.map((t) => [t, labels![t]])),
    documents: docs!.n,
    mentions: mentions!.n,
    relations: rels!.relations,
    relationships: rels!.relationships,
    evidence: rels!.evidence ?? 0,
  };
}

/**
 * Runs named queries against `conn`, remembering which ran, so that a test file can check that
 * every query in cypher/queries has a test.
 */
export function queryRunner(conn: Connection | null) {
  const tested = new Set<string>();
  async function run(name: string, params: Record<string, string> = {}) {
    tested.add(name);
    const query = findQuery(name);
    return (await runQuery(conn!, query, bindParams(query, params))).rows as Record<string, any>[];
  }
  return { run, tested };
}
