// Hostile names are data, never Cypher; a server that is not there gives one clear line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createGraph } from '../../src/graph/io.ts';
import { connect } from '../../src/neo4j/connection.ts';
import { loadRows } from '../../src/neo4j/loader.ts';
import { bindParams, findQuery, runQuery } from '../../src/neo4j/queries.ts';
import { graphRows } from '../../src/neo4j/rows.ts';
import { actualCounts, clearZhengtu, cypher, expectedCounts, neo4jForTests, readTestGraph, TEST_GRAPH } from './helpers.ts';

const conn = await neo4jForTests();
const INJECTION = "'})-[:X]->() DETACH DELETE n //";

function hostileGraph() {
  const graph = createGraph();
  const doc = 'e0e1e2e3e4e5e6e7';
  graph.setAttribute('documents', [{ id: doc, path: "evil'); DROP DATABASE neo4j; //.txt", title: '`} MATCH (n) DETACH DELETE n', articles: [] }]);
  graph.setAttribute('builtAt', '2025-01-01T00:00:00.000Z');
  graph.setAttribute('generator', 'test');
  const mention = { doc, start: 0, end: INJECTION.length, sentence: 0 };
  graph.addNode(`Organization:${INJECTION}`, { type: 'Organization', name: INJECTION, aliases: ['`x` $rows \\u0000 "}) RETURN 1'], mentions: [mention], docs: [doc], confidence: 0.5 });
  graph.addNode('Industry:光刻胶', { type: 'Industry', name: '光刻胶', aliases: [], mentions: [mention], docs: [doc], confidence: 0.5 });
  graph.addEdge(`Organization:${INJECTION}`, 'Industry:光刻胶', {
    type: 'ACTIVE_IN',
    evidence: [{ doc, sentence: `${INJECTION}"; MATCH (m) DELETE m`, start: 0, end: 40 }],
    weight: 1,
    confidence: 0.5,
  });
  return graph;
}

describe('injection', () => {
  afterAll(async () => {
    await clearZhengtu(conn!);
    await conn?.driver.close();
  });

  it('an entity name that tries Cypher injection is stored verbatim and harms nothing', async () => {
    await clearZhengtu(conn!);
    const graph = readTestGraph();
    await loadRows(conn!, graphRows(graph));
    const hostile = hostileGraph();
    await loadRows(conn!, graphRows(hostile), { keepMissing: true });

    const [stored] = await cypher(conn!, 'MATCH (e:Entity {name: $name}) RETURN e.key AS key, e.aliases AS aliases, labels(e) AS labels', { name: INJECTION });
    expect(stored).toEqual({ key: `Organization:${INJECTION}`, aliases: ['`x` $rows \\u0000 "}) RETURN 1'], labels: expect.arrayContaining(['Entity', 'Organization']) });
    const types = (await cypher(conn!, 'CALL db.relationshipTypes() YIELD relationshipType RETURN collect(relationshipType) AS t'))[0]!.t;
    expect(types).not.toContain('X');
    const [doc] = await cypher(conn!, 'MATCH (d:Document {id: $id}) RETURN d.path AS path, d.title AS title', { id: 'e0e1e2e3e4e5e6e7' });
    expect(doc).toEqual({ path: "evil'); DROP DATABASE neo4j; //.txt", title: '`} MATCH (n) DETACH DELETE n' });

    // Everything from before is still there, next to the hostile facts.
    const before = expectedCounts(graph);
    const now = await actualCounts(conn!);
    const hostileCounts = expectedCounts(hostile);
    const shared = graph.hasNode('Industry:光刻胶') ? 1 : 0;
    expect(now.entities).toBe(before.entities + hostileCounts.entities - shared);
    expect(now.relationships).toBe(before.relationships + 1);
    expect(now.documents).toBe(before.documents + 1);

    // And a named query takes the name as a parameter, returning it as it is.
    const query = findQuery('organization_relations');
    const { rows } = await runQuery(conn!, query, bindParams(query, { name: INJECTION }));
    expect(rows).toEqual([expect.objectContaining({ relation: 'ACTIVE_IN', other: '光刻胶', evidence: [`${INJECTION}"; MATCH (m) DELETE m`] })]);
  });
});

/** A port on which nothing listens: bind one, note it, close it. */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise((r) => server.close(r));
  return port;
}

describe('a server that is not there', () => {
  it('connect() names the URI and what to do', async () => {
    const uri = `bolt://127.0.0.1:${await deadPort()}`;
    await expect(connect({ uri })).rejects.toThrow(new RegExp(`cannot reach Neo4j at ${uri}.*npm run neo4j:start.*NEO4J_URI`));
  });

  it('`zhengtu load` fails with one clear line and a non-zero exit', async () => {
    const uri = `bolt://127.0.0.1:${await deadPort()}`;
    const run = spawnSync('node', ['bin/zhengtu.js', 'load', TEST_GRAPH, '--uri', uri], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(`cannot reach Neo4j at ${uri}`);
    expect(run.stderr).toContain('npm run neo4j:start');
    expect(run.stderr).toContain('NEO4J_URI');
  });

  it('`zhengtu load <documents>` checks the server before building anything', async () => {
    const uri = `bolt://127.0.0.1:${await deadPort()}`;
    const dir = mkdtempSync(join(tmpdir(), 'zhengtu-load-'));
    writeFileSync(join(dir, 'a.txt'), '潍坊市实施“一业一策”。');
    const out = join(dir, 'out');
    const run = spawnSync('node', ['bin/zhengtu.js', 'load', join(dir, 'a.txt'), '--out', out, '--uri', uri], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`cannot reach Neo4j at ${uri}`);
    expect(existsSync(out)).toBe(false);
  });
});
