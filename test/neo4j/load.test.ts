// zhengtu load against the real server: counts, idempotence, per-document replacement, interruption.
// The graph is the real seed graph (helpers.ts TEST_GRAPH) unless a test needs several documents.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { KnowledgeGraph } from '../../src/graph/io.ts';
import { syntheticGraph } from '../../src/graph/synthetic.ts';
import { loadRows } from '../../src/neo4j/loader.ts';
import { columns } from '../../src/neo4j/batches.ts';
import { graphRows, LOADED_RELATION_TYPES } from '../../src/neo4j/rows.ts';
import * as statements from '../../src/neo4j/statements.ts';
import { applySchema } from '../../src/neo4j/schema.ts';
import { readGraph } from '../../src/graph/io.ts';
import { actualCounts, clearZhengtu, cypher, expectedCounts, FIXTURE_GRAPH, neo4jForTests, readTestGraph, TEST_GRAPH } from './helpers.ts';

// The seed graph (TEST_GRAPH) is one page: a single document. Replacing or removing one document among
// others needs several, so those two tests load the three-document fixture.
const readFixture = (): KnowledgeGraph => readGraph(FIXTURE_GRAPH);
const REPLACE_ENTITY = fileURLToPath(new URL('./replace-entity.ts', import.meta.url));

const conn = await neo4jForTests();
const load = (graph: KnowledgeGraph, options = {}) => loadRows(conn!, graphRows(graph), options);

/** A new version of one document: its id (content hash) changes, and the facts of its first evidence sentence are gone. */
function changeDocument(graph: KnowledgeGraph, docId: string): { changed: KnowledgeGraph; dropped: string[] } {
  const changed = graph.copy() as KnowledgeGraph;
  const newId = `${docId}-v2`;
  const firstStart = Math.min(...changed.mapEdges((_, a) => a.evidence.filter((e) => e.doc === docId).map((e) => e.start)).flat());
  const dropped: string[] = [];
  changed.setAttribute('documents', changed.getAttribute('documents').map((d) => (d.id === docId ? { ...d, id: newId } : d)));
  changed.forEachNode((node, a) => {
    changed.mergeNodeAttributes(node, {
      docs: a.docs.map((d) => (d === docId ? newId : d)),
      mentions: a.mentions.map((m) => (m.doc === docId ? { ...m, doc: newId } : m)),
    });
  });
  for (const edge of changed.edges()) {
    const a = changed.getEdgeAttributes(edge);
    const kept = a.evidence.filter((e) => !(e.doc === docId && e.start === firstStart)).map((e) => (e.doc === docId ? { ...e, doc: newId } : e));
    if (kept.length < a.evidence.length) dropped.push(edge);
    if (kept.length) changed.setEdgeAttribute(edge, 'evidence', kept);
    else changed.dropEdge(edge);
  }
  return { changed, dropped };
}

/** The document whose first evidence sentence holds both a relation only it supports and one shared with another document, if any. */
function pickDocument(graph: KnowledgeGraph): string {
  const docs = graph.getAttribute('documents').map((d) => d.id);
  const score = (doc: string) => {
    const { dropped } = changeDocument(graph, doc);
    const shared = dropped.filter((e) => graph.getEdgeAttribute(e, 'evidence').some((ev) => ev.doc !== doc)).length;
    return (shared > 0 ? 2 : 0) + (dropped.length > shared ? 1 : 0);
  };
  return docs.reduce((best, d) => (score(d) > score(best) ? d : best), docs[0]!);
}

async function relationDocs(source: string, type: string, target: string): Promise<string[]> {
  const rows = await cypher(conn!, 'MATCH (a:Entity {key: $source})-[r]->(b:Entity {key: $target}) WHERE type(r) = $type RETURN r.doc AS doc ORDER BY doc', { source, target, type });
  return rows.map((r) => r.doc);
}

describe('zhengtu load', () => {
  beforeEach(async () => clearZhengtu(conn!));
  afterAll(async () => {
    await clearZhengtu(conn!);
    await conn?.driver.close();
  });

  it('applying the schema twice changes nothing the second time', async () => {
    await applySchema(conn!);
    const before = await cypher(conn!, 'SHOW INDEXES YIELD name, type, labelsOrTypes, properties RETURN name, type, labelsOrTypes, properties ORDER BY name');
    const again = await applySchema(conn!);
    const after = await cypher(conn!, 'SHOW INDEXES YIELD name, type, labelsOrTypes, properties RETURN name, type, labelsOrTypes, properties ORDER BY name');
    expect(again.added).toBe(0);
    expect(again.statements).toBeGreaterThan(10);
    expect(after).toEqual(before);
    const constraints = await cypher(conn!, 'SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names');
    expect(constraints[0]!.names).toEqual(expect.arrayContaining(['entity_key', 'organization_key', 'place_key', 'document_id']));
    const fulltext = await cypher(conn!, "SHOW FULLTEXT INDEXES YIELD name, options WHERE name = 'entity_names' RETURN options");
    expect(fulltext[0]!.options.indexConfig['fulltext.analyzer']).toBe('cjk');
  });

  it('loads as many entities, documents, relations and evidence sentences as graph.json holds', async () => {
    const graph = readTestGraph();
    expect(graph.size, `${TEST_GRAPH} has relations`).toBeGreaterThan(0);
    const summary = await load(graph);
    const expected = expectedCounts(graph);
    expect(await actualCounts(conn!)).toEqual(expected);
    expect(summary.entities.created).toBe(expected.entities);
    expect(summary.relationships.created).toBe(expected.relationships);
    expect(summary.documents.added).toBe(expected.documents);
  });

  it('keeps the evidence of each relation with its document', async () => {
    const graph = readTestGraph();
    await load(graph);
    const edge = graph.findEdge((_, a) => a.evidence.length > 0)!;
    const a = graph.getEdgeAttributes(edge);
    const ev = a.evidence[0]!;
    const rows = await cypher(
      conn!,
      'MATCH (:Entity {key: $s})-[r {doc: $doc}]->(:Entity {key: $t}) WHERE type(r) = $type RETURN r.sentences AS sentences, r.starts AS starts, r.ends AS ends',
      { s: graph.source(edge), t: graph.target(edge), doc: ev.doc, type: a.type },
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.sentences).toContain(ev.sentence);
    expect(rows[0]!.starts).toContain(ev.start);
    expect(rows[0]!.ends).toContain(ev.end);
  });

  it('is idempotent: a second load of the same graph creates, updates and deletes nothing', async () => {
    const graph = readTestGraph();
    await load(graph);
    const before = await cypher(conn!, 'MATCH (n) WITH count(n) AS nodes MATCH ()-[r]->() RETURN nodes, count(r) AS rels');
    const again = await load(graph);
    expect(again.entities).toEqual({ created: 0, updated: 0, deleted: 0 });
    expect(again.relationships).toEqual({ created: 0, deleted: 0 });
    expect(again.mentions).toEqual({ created: 0, deleted: 0 });
    expect(again.documents).toMatchObject({ added: 0, changed: 0, removed: 0 });
    expect(await cypher(conn!, 'MATCH (n) WITH count(n) AS nodes MATCH ()-[r]->() RETURN nodes, count(r) AS rels')).toEqual(before);
    expect(await actualCounts(conn!)).toEqual(expectedCounts(graph));
  });

  it('a batch run again after its CREATE committed (an answer lost on the way) adds nothing: reruns MERGE', async () => {
    const graph = readTestGraph();
    const rows = graphRows(graph);
    await loadRows(conn!, rows);
    const docs = new Set(rows.documents.map((d) => d.id));
    const session = conn!.driver.session({ database: conn!.database });
    try {
      const rerun = async (statement: string, params: Record<string, unknown>) =>
        (await session.executeWrite((tx) => tx.run(statement, { load: 'rerun', ...params }))).summary.counters.updates();
      let rels = 0;
      for (const type of LOADED_RELATION_TYPES) {
        const batch = [...rows.relationships(docs, type)];
        rels += batch.length;
        if (batch.length) expect((await rerun(statements.mergeRelationships(type), columns(batch, ['doc', 'source', 'target', 'sentences', 'starts', 'ends', 'confidence', 'planned']))).relationshipsCreated).toBe(0);
      }
      expect(rels).toBe(expectedCounts(graph).relationships);
      const mentions = [...rows.mentions(docs)];
      expect((await rerun(statements.mergeMentions, columns(mentions, ['doc', 'key', 'starts', 'ends', 'sentences']))).relationshipsCreated).toBe(0);
      const places = rows.entities.filter((e) => e.type === 'Place');
      expect((await rerun(statements.upsertEntities('Place'), { rows: places })).nodesCreated).toBe(0);
    } finally {
      await session.close();
    }
    expect(await actualCounts(conn!)).toEqual(expectedCounts(graph));
  });

  it('a batch whose node ids went stale mid-load (another client rewrote an entity) is redone by key: nothing lost or misplaced', async () => {
    const graph = readFixture();
    const key = graph.filterNodes((_, a) => a.type === 'Organization').sort((a, b) => graph.degree(b) - graph.degree(a))[0]!;
    expect(graph.degree(key)).toBeGreaterThan(0);
    let replaced: { oldId: string; newId: string } | null = null;
    await load(graph, {
      onProgress: (p: { phase: string }) => {
        // The entities are written and their node ids noted; no mention or relationship is yet.
        if (p.phase !== 'mentions' || replaced) return;
        const run = spawnSync(process.execPath, ['--import', 'tsx', REPLACE_ENTITY, key], { encoding: 'utf8' });
        expect(run.status, run.stderr).toBe(0);
        replaced = JSON.parse(run.stdout);
      },
    });
    expect(replaced).not.toBeNull();
    expect(replaced!.newId).not.toBe(replaced!.oldId);
    expect(await actualCounts(conn!)).toEqual(expectedCounts(graph));
    const [node] = await cypher(conn!, 'MATCH (e:Entity {key: $key}) RETURN count(*) AS n, elementId(e) AS id, COUNT { (e)-[r]-(:Entity) } AS relationships', { key });
    expect(node).toMatchObject({ n: 1, id: replaced!.newId });
    const rows = graphRows(graph);
    const docs = new Set(rows.documents.map((d) => d.id));
    const touching = LOADED_RELATION_TYPES.flatMap((type) => [...rows.relationships(docs, type)]).filter((r) => r.source === key || r.target === key);
    expect(touching.length).toBeGreaterThan(0);
    expect(node!.relationships).toBe(touching.length);
  });

  it('replaces exactly a changed document: relations only it supported disappear, the others stay (fixture)', async () => {
    const graph = readFixture();
    const doc = pickDocument(graph);
    await load(graph);
    const othersBefore = await cypher(conn!, 'MATCH ()-[r]->() WHERE r.doc IS NOT NULL AND r.doc <> $doc RETURN elementId(r) AS id, r.sentences AS sentences ORDER BY id', { doc });

    const { changed, dropped } = changeDocument(graph, doc);
    expect(dropped.length).toBeGreaterThan(0);
    const summary = await load(changed);
    expect(summary.documents).toMatchObject({ added: 0, changed: 1, removed: 0 });
    expect(await actualCounts(conn!)).toEqual(expectedCounts(changed));
    // The other documents' relationships were not touched at all.
    expect(await cypher(conn!, 'MATCH ()-[r]->() WHERE r.doc IS NOT NULL AND NOT r.doc STARTS WITH $doc RETURN elementId(r) AS id, r.sentences AS sentences ORDER BY id', { doc })).toEqual(othersBefore);
    for (const edge of dropped) {
      const a = graph.getEdgeAttributes(edge);
      const otherDocs = [...new Set(a.evidence.filter((e) => e.doc !== doc).map((e) => e.doc))].sort();
      const remaining = changed.hasEdge(edge) && changed.getEdgeAttribute(edge, 'evidence').some((e) => e.doc === `${doc}-v2`) ? [`${doc}-v2`] : [];
      expect(await relationDocs(graph.source(edge), a.type, graph.target(edge))).toEqual([...otherDocs, ...remaining].sort());
    }
    const docs = await cypher(conn!, 'MATCH (d:Document) WHERE d.id STARTS WITH $doc RETURN d.id AS id, d.complete AS complete', { doc });
    expect(docs).toEqual([{ id: `${doc}-v2`, complete: true }]);
  });

  it('drops a document that is gone from the graph, with the entities only it mentioned (fixture)', async () => {
    const graph = readFixture();
    await load(graph);
    const gone = graph.getAttribute('documents').at(-1)!;
    const smaller = graph.copy() as KnowledgeGraph;
    smaller.setAttribute('documents', graph.getAttribute('documents').filter((d) => d.id !== gone.id));
    for (const edge of smaller.edges()) {
      const kept = smaller.getEdgeAttribute(edge, 'evidence').filter((e) => e.doc !== gone.id);
      if (kept.length) smaller.setEdgeAttribute(edge, 'evidence', kept);
      else smaller.dropEdge(edge);
    }
    for (const node of smaller.nodes()) {
      const a = smaller.getNodeAttributes(node);
      const docs = a.docs.filter((d) => d !== gone.id);
      if (!docs.length) smaller.dropNode(node);
      else smaller.mergeNodeAttributes(node, { docs, mentions: a.mentions.filter((m) => m.doc !== gone.id) });
    }
    const summary = await load(smaller);
    expect(summary.documents.removed).toBe(1);
    expect(summary.removedPaths).toEqual([gone.path]);
    expect(summary.entities.deleted).toBe(graph.order - smaller.order);
    expect(await actualCounts(conn!)).toEqual(expectedCounts(smaller));

    // With --keep-missing, loading a graph of one document leaves the others alone.
    const keep = await load(graph, { keepMissing: true });
    expect(keep.documents).toMatchObject({ added: 1, removed: 0 });
    expect(await actualCounts(conn!)).toEqual(expectedCounts(graph));
  });

  it('a load that dies half way leaves nothing half-done that a rerun does not finish', async () => {
    const graph = readTestGraph();
    let batches = 0;
    const dying = load(graph, {
      batchSize: 2,
      onProgress: (p: { phase: string }) => {
        if (p.phase === 'relationships' && ++batches === 3) throw new Error('simulated crash');
      },
    });
    await expect(dying).rejects.toThrow('simulated crash');
    const incomplete = await cypher(conn!, 'MATCH (d:Document) WHERE NOT d.complete RETURN count(d) AS n');
    expect(incomplete[0]!.n).toBeGreaterThan(0);
    const rerun = await load(graph, { batchSize: 2 });
    expect(rerun.documents.added).toBe(expectedCounts(graph).documents);
    expect(await actualCounts(conn!)).toEqual(expectedCounts(graph));
    expect((await cypher(conn!, 'MATCH (d:Document) WHERE NOT d.complete RETURN count(d) AS n'))[0]!.n).toBe(0);
  });

  it('loads a synthetic graph with several evidence sentences per relation', async () => {
    const graph = syntheticGraph({ nodes: 1500, edges: 6000, evidence: 2, seed: 7 });
    const summary = await load(graph, { batchSize: 1000 });
    expect(await actualCounts(conn!)).toEqual(expectedCounts(graph));
    expect(summary.relationships.created).toBe(expectedCounts(graph).relationships);
    expect((await load(graph)).relationships.created).toBe(0);
  });
});
