// The report read back from Neo4j equals the report from graph.json, apart from the "how built" line. Runs on the
// test run's own Neo4j (test/setup/neo4j.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeGraph } from '../../src/graph/io.ts';
import type { Connection } from '../../src/neo4j/connection.ts';
import { loadRows } from '../../src/neo4j/loader.ts';
import { graphRows } from '../../src/neo4j/rows.ts';
import { readGraphFromNeo4j } from '../../src/report/from-neo4j.ts';
import { buildReportModel, renderHtml, renderMarkdown } from '../../src/report/index.ts';
import { clearZhengtu, cypher, neo4jForTests } from '../neo4j/helpers.ts';
import { HOSTILE_NAME, REPORT_GRAPH, hostileGraph } from './helpers.ts';

const conn: Connection = await neo4jForTests();
const graph = hostileGraph();

/** Both renderings, each with its one "how built" line taken out (and checked to be there). */
function outputs(g: KnowledgeGraph, source: string, entity?: string) {
  const model = buildReportModel(g, { source, entity });
  const md = renderMarkdown(model).split('\n');
  const html = renderHtml(model).split('\n');
  const mdBuilt = md.filter((l) => l.startsWith('_Graph built '));
  const htmlBuilt = html.filter((l) => l.startsWith('<p class="built">'));
  expect(mdBuilt).toHaveLength(1);
  expect(htmlBuilt).toHaveLength(1);
  expect(mdBuilt[0]).toContain(source);
  return { md: md.filter((l) => l !== mdBuilt[0]).join('\n'), html: html.filter((l) => l !== htmlBuilt[0]).join('\n') };
}

describe('report from Neo4j', () => {
  beforeAll(async () => {
    await clearZhengtu(conn!);
    await loadRows(conn!, graphRows(graph), { source: REPORT_GRAPH });
    // The loader stores each document's articles on its node; the report reads them back.
    const [stored] = await cypher(conn!, 'MATCH (d:Document) WHERE d.articleTitles IS NOT NULL RETURN count(d) AS n');
    expect(stored!.n).toBe(graph.getAttribute('documents').filter((d) => d.articles.length).length);
  });
  afterAll(async () => {
    await clearZhengtu(conn);
    await conn.driver.close();
  });

  it('gives the same full report as graph.json', async () => {
    const fromNeo4j = await readGraphFromNeo4j(conn!);
    expect(fromNeo4j.order).toBe(graph.order);
    const a = outputs(graph, 'graph.json');
    const b = outputs(fromNeo4j, `Neo4j at ${conn!.uri}`);
    expect(b.md).toBe(a.md);
    expect(b.html).toBe(a.html);
  });

  it('gives the same entity report, reading only the neighbourhood', async () => {
    const fromNeo4j = await readGraphFromNeo4j(conn!, { entity: HOSTILE_NAME });
    expect(fromNeo4j.order).toBeLessThan(graph.order);
    const a = outputs(graph, 'graph.json', HOSTILE_NAME);
    const b = outputs(fromNeo4j, 'Neo4j', HOSTILE_NAME);
    expect(b.md).toBe(a.md);
    expect(b.html).toBe(a.html);
  });

  it('rejects an unknown entity with the same close matches', async () => {
    const typo = HOSTILE_NAME.replace('公司', '集团');
    const expected = (() => {
      try {
        buildReportModel(graph, { entity: typo });
      } catch (err) {
        return (err as Error).message;
      }
    })();
    expect(expected).toContain('close matches');
    await expect(readGraphFromNeo4j(conn!, { entity: typo })).rejects.toThrow(expected);
  });
});
