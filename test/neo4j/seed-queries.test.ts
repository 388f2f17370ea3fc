// Every named query, run against the real seed graph (data/corpus built by the real pipeline) loaded
// into the real server. Each result is asserted two ways: it equals what a plain walk over graph.json
// gives (the oracle below, independent of Cypher), and it holds the gold facts of the seed page
// (/work/shared/gold/seed.gold.json) that the query is about. Where the seed page says nothing about a
// query's subject (PART_OF, planned relations, cooperation), the query must answer empty, as graph.json does.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readGraph, type KnowledgeGraph } from '../../src/graph/io.ts';
import { loadRows } from '../../src/neo4j/loader.ts';
import { listQueries } from '../../src/neo4j/queries.ts';
import { graphRows } from '../../src/neo4j/rows.ts';
import { clearZhengtu, expectedCounts, neo4jForTests, queryRunner } from './helpers.ts';
import { seedGraphPath } from '../helpers/seed-graph.ts';

const GOLD = JSON.parse(readFileSync(fileURLToPath(new URL('../../../shared/gold/seed.gold.json', import.meta.url)), 'utf8')) as {
  relations: { source: string; type: string; target: string }[];
};
const SEED = seedGraphPath();
const graph: KnowledgeGraph = readGraph(SEED);
const doc = graph.getAttribute('documents')[0]!;
/** The cleaned text of the seed page, as the pipeline wrote it next to graph.json. */
const text: string = (JSON.parse(readFileSync(join(dirname(SEED), 'documents.json'), 'utf8')) as { id: string; text: string }[]).find((d) => d.id === doc.id)!.text;

const conn = await neo4jForTests();
const { run, tested } = queryRunner(conn);

// ---- The oracle: graph.json walked with graphology. ----

const name = (node: string) => graph.getNodeAttribute(node, 'name');
const strip = (s: string) => s.replace(/[“”《》"]/g, '');
/** Graph nodes a gold name denotes: by name, alias, or what the text says at one of the node's mentions. */
function nodesFor(goldName: string, type?: string): string[] {
  return graph.filterNodes((_, a) => {
    if (type && a.type !== type) return false;
    if (a.name === goldName || a.aliases.includes(goldName)) return true;
    return a.mentions.some((m) => m.doc === doc.id && strip(text.slice(m.start, m.end)) === goldName);
  });
}
/** The one node a gold name denotes; the test fails when the seed graph lost it. */
function nodeFor(goldName: string, type?: string): string {
  const found = nodesFor(goldName, type);
  expect(found, `gold entity ${goldName} in ${SEED}`).toHaveLength(1);
  return found[0]!;
}
const goldRelations = (type: string) => GOLD.relations.filter((r) => r.type === type);
/** Gold relations whose ends are both in the seed graph, with the graph's names. */
function goldFacts(type: string) {
  return goldRelations(type)
    .map((r) => ({ ...r, s: nodesFor(r.source), t: nodesFor(r.target) }))
    .filter((r) => r.s.length === 1 && r.t.length === 1)
    .map((r) => ({ type, source: name(r.s[0]!), target: name(r.t[0]!) }));
}
/** Edges of a type into or out of a node, with evidence (what the loader writes). */
const edgesOf = (node: string, type: string, dir: 'in' | 'out') =>
  (dir === 'in' ? graph.inEdges(node) : graph.outEdges(node)).filter((e) => graph.getEdgeAttribute(e, 'type') === type && graph.getEdgeAttribute(e, 'evidence').length);
const sentences = (edges: string[]) => edges.flatMap((e) => graph.getEdgeAttribute(e, 'evidence').map((ev) => ev.sentence));
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const sorted = <T>(list: T[], key: (x: T) => string) => [...list].sort((a, b) => byCodeUnits(key(a), key(b)));
const TYPED = new Set(['ISSUED', 'IMPLEMENTS', 'TARGETS', 'ACTIVE_IN', 'PART_OF', 'COOPERATES_WITH', 'LOCATED_IN', 'AFFILIATED_WITH']);

describe('named queries on the real seed graph', () => {
  beforeAll(async () => {
    await clearZhengtu(conn!);
    await loadRows(conn!, graphRows(graph, SEED), { source: SEED });
  });
  afterAll(async () => {
    await clearZhengtu(conn!);
    await conn?.driver.close();
  });

  it('policies_targeting_industry: 一业一策 targets each of its gold industries, with the sentence that says so', async () => {
    const facts = goldFacts('TARGETS');
    expect(facts.length).toBeGreaterThanOrEqual(3);
    for (const fact of facts) {
      const rows = await run('policies_targeting_industry', { industry: fact.target });
      const industry = nodeFor(fact.target, 'Industry');
      const edges = edgesOf(industry, 'TARGETS', 'in');
      expect(sorted(rows.map((r) => r.source), String)).toEqual(sorted([...new Set(edges.map((e) => name(graph.source(e))))], String));
      const row = rows.find((r) => r.source === fact.source)!;
      expect(row, `${fact.source} TARGETS ${fact.target}`).toBeDefined();
      expect(row.type).toBe('Policy');
      expect(row.evidence).toEqual(sentences(edges.filter((e) => name(graph.source(e)) === fact.source)));
      expect(row.evidence.join()).toContain(fact.target);
    }
  });

  it('program_implementers: 国家燃料电池技术创新中心 and 科技部 implement 氢进万家示范工程, found by its alias 氢进万家', async () => {
    const program = nodeFor('氢进万家', 'Program');
    const rows = await run('program_implementers', { program: '氢进万家' });
    const edges = edgesOf(program, 'IMPLEMENTS', 'in');
    expect(sorted(rows.map((r) => r.implementer), String)).toEqual(sorted(edges.map((e) => name(graph.source(e))), String));
    expect(rows.every((r) => r.program === name(program) && r.documents === 1)).toBe(true);
    const gold = goldRelations('IMPLEMENTS').filter((r) => nodesFor(r.target).includes(program));
    expect(gold.length).toBe(2);
    expect(rows.length).toBeGreaterThanOrEqual(gold.length);
    // Each gold implementer is one of the rows: by name or alias, or else named in that row's evidence.
    for (const g of gold) {
      expect(rows.some((r) => r.implementer === g.source || nodesFor(g.source).some((n) => name(n) === r.implementer) || r.evidence.join().includes(g.source)), g.source).toBe(true);
    }
  });

  it('organization_relations: the innovation centre implements 氢进万家示范工程, each relation with its evidence', async () => {
    const org = nodeFor('国家燃料电池技术创新中心', 'Organization');
    const rows = await run('organization_relations', { name: name(org) });
    const expected = graph
      .edges(org)
      .filter((e) => graph.getEdgeAttribute(e, 'type') !== 'RELATED_TO' && graph.getEdgeAttribute(e, 'evidence').length)
      .map((e) => `${graph.getEdgeAttribute(e, 'type')} ${graph.source(e) === org ? 'out' : 'in'} ${name(graph.opposite(org, e))}`);
    expect(rows.map((r) => `${r.relation} ${r.direction} ${r.other}`).sort()).toEqual(expected.sort());
    expect(rows.map((r) => `${r.relation} ${r.direction} ${r.other}`)).toContain(`IMPLEMENTS out ${name(nodeFor('氢进万家示范工程'))}`);
    expect(rows.every((r) => r.document === doc.path && r.evidence.length >= 1)).toBe(true);
  });

  it('relation_evidence: the sentence behind 一业一策 → 光刻胶 is the text of the page at its offsets', async () => {
    const rows = await run('relation_evidence', { source: '一业一策', target: '光刻胶' });
    const edge = graph.outEdges(nodeFor('一业一策'), nodeFor('光刻胶'));
    expect(rows).toHaveLength(sentences(edge).length);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r).toMatchObject({ relation: 'TARGETS', document: doc.path });
      expect(text.slice(r.start, r.end)).toBe(r.sentence);
      expect(r.sentence).toContain('光刻胶');
    }
  });

  it('shortest_path: 徐晶 reaches 山东 in two hops through 山东科技职业学院; an unrelated entity not at all', async () => {
    const [path] = await run('shortest_path', { from: '徐晶', to: '山东' });
    expect(path).toMatchObject({ hops: 2, path: ['徐晶', '山东科技职业学院', name(nodeFor('山东', 'Place'))], relations: ['AFFILIATED_WITH', 'LOCATED_IN'] });
    const [one] = await run('shortest_path', { from: '豪迈集团', to: '精细化工' });
    expect(one).toMatchObject({ hops: 1, relations: ['ACTIVE_IN'] });
    const isolated = graph.findNode((n) => graph.degree(n) === 0);
    if (isolated) expect(await run('shortest_path', { from: name(isolated), to: '徐晶' })).toEqual([]);
    else expect(await run('shortest_path', { from: '徐晶', to: '徐晶' })).toEqual([]); // a <> b: never a path to itself
  });

  it('most_targeted_industries: the industries 一业一策 targets, each once, as graph.json counts them', async () => {
    const rows = await run('most_targeted_industries', { limit: '100' });
    const expected = graph
      .filterNodes((_, a) => a.type === 'Industry')
      .map((i) => ({ industry: name(i), targets: new Set(edgesOf(i, 'TARGETS', 'in').map((e) => graph.source(e))).size }))
      .filter((r) => r.targets > 0);
    expect(rows.map((r) => ({ industry: r.industry, targets: r.targets }))).toEqual(
      expected.sort((a, b) => b.targets - a.targets || byCodeUnits(a.industry, b.industry)),
    );
    for (const fact of goldFacts('TARGETS')) expect(rows.find((r) => r.industry === fact.target)?.targetedBy).toContain(fact.source);
  });

  it('cooperating_organizations: the seed states no cooperation, so only organizations named in one sentence pair up', async () => {
    expect(graph.someEdge((_, a) => a.type === 'COOPERATES_WITH')).toBe(false);
    const rows = await run('cooperating_organizations', { limit: '1000' });
    const sentencesOf = (n: string) => new Set(graph.getNodeAttribute(n, 'mentions').map((m) => m.sentence));
    const orgs = graph.filterNodes((_, a) => a.type === 'Organization');
    const pairs: string[] = [];
    for (const a of orgs) {
      for (const b of orgs) {
        if (name(a) < name(b) && [...sentencesOf(a)].some((s) => sentencesOf(b).has(s))) pairs.push(`${name(a)}|${name(b)}`);
      }
    }
    expect(rows.map((r) => `${r.organization}|${r.partner}`).sort()).toEqual(pairs.sort());
    expect(rows.every((r) => r.how.join() === 'same sentence' && r.documents === 1)).toBe(true);
  });

  it('documents_mentioning: the alias 全市 finds 潍坊市 on the seed page, with all its mentions', async () => {
    const city = nodeFor('全市', 'Place');
    const rows = await run('documents_mentioning', { name: '全市' });
    expect(rows).toEqual([{ document: doc.path, title: doc.title, entity: name(city), type: 'Place', mentions: graph.getNodeAttribute(city, 'mentions').length }]);
    expect(rows[0]!.mentions).toBeGreaterThan(1);
  });

  it('search_entities: full text finds 氢进万家示范工程 by its alias and the centre by a part of its name', async () => {
    expect((await run('search_entities', { q: '氢进万家' }))[0]!.name).toBe(name(nodeFor('氢进万家')));
    expect((await run('search_entities', { q: '燃料电池', limit: '3' }))[0]!.name).toBe('国家燃料电池技术创新中心');
    expect(await run('search_entities', { q: '不存在的名字' })).toEqual([]);
  });

  it('last_load: one document added, every entity and relationship of graph.json created', async () => {
    const expected = expectedCounts(graph);
    const [row] = await run('last_load');
    expect(row).toMatchObject({
      source: SEED,
      status: 'complete',
      documentsAdded: 1,
      documentsRemoved: 0,
      entitiesCreated: graph.order,
      relationshipsCreated: expected.relationships,
      relationshipsDeleted: 0,
      addedPaths: [doc.path],
    });
  });

  it('last_load_entities: every entity of the seed graph, all created', async () => {
    const rows = await run('last_load_entities', { limit: '10000' });
    expect(rows.map((r) => r.name).sort()).toEqual(graph.mapNodes((n) => name(n)).sort());
    expect(new Set(rows.map((r) => r.change))).toEqual(new Set(['created']));
  });

  it('policies_issued_by: 潍坊市, asked for by its alias 全市, issued the 补助管理办法', async () => {
    const city = nodeFor('全市', 'Place');
    const rows = await run('policies_issued_by', { issuer: '全市' });
    expect(rows).toEqual(sorted(edgesOf(city, 'ISSUED', 'out'), (e) => name(graph.target(e))).map((e) => ({ policy: name(graph.target(e)), issuer: name(city), documents: [doc.path] })));
    const gold = goldFacts('ISSUED').filter((f) => f.source === name(city));
    expect(gold.map((f) => f.target)).toContain('潍坊市科技成果转化补助管理办法');
    for (const f of gold) expect(rows.map((r) => r.policy)).toContain(f.target);
  });

  it('located_in: 氢进万家示范工程 is in 山东, 潍坊市委 in 潍坊市', async () => {
    for (const place of ['山东', '潍坊市']) {
      const node = nodeFor(place, 'Place');
      const rows = await run('located_in', { place });
      const expected = edgesOf(node, 'LOCATED_IN', 'in').map((e) => `${graph.getNodeAttribute(graph.source(e), 'type')} ${name(graph.source(e))}`);
      expect(rows.map((r) => `${r.type} ${r.name}`)).toEqual(expected.sort(byCodeUnits));
      for (const f of goldFacts('LOCATED_IN').filter((f) => f.target === name(node))) expect(rows.map((r) => r.name)).toContain(f.source);
    }
    expect((await run('located_in', { place: '山东' })).map((r) => r.name)).toContain('氢进万家示范工程');
  });

  it('industry_organizations: 豪迈集团 is active in 精细化工', async () => {
    const industry = nodeFor('精细化工', 'Industry');
    const rows = await run('industry_organizations', { industry: '精细化工' });
    const expected = [...edgesOf(industry, 'ACTIVE_IN', 'in'), ...edgesOf(industry, 'TARGETS', 'in')].map((e) => `${graph.getEdgeAttribute(e, 'type')} ${name(graph.source(e))}`);
    expect(rows.map((r) => `${r.relation} ${r.name}`)).toEqual(expected.sort(byCodeUnits));
    expect(rows).toContainEqual({ name: '豪迈集团', type: 'Organization', relation: 'ACTIVE_IN', documents: 1 });
  });

  it('organization_hierarchy: the seed states no PART_OF, so every organization has an empty hierarchy', async () => {
    expect(graph.someEdge((_, a) => a.type === 'PART_OF')).toBe(false);
    const orgs = graph.filterNodes((_, a) => a.type === 'Organization');
    expect(orgs.length).toBeGreaterThan(5);
    for (const org of orgs) expect(await run('organization_hierarchy', { name: name(org) }), name(org)).toEqual([]);
  });

  it('person_affiliations: each author of the page works where the gold byline says, 徐晶 at 山东科技职业学院', async () => {
    const facts = goldFacts('AFFILIATED_WITH');
    expect(facts.map((f) => `${f.source} ${f.target}`)).toContain('徐晶 山东科技职业学院');
    for (const fact of facts) {
      const person = nodeFor(fact.source, 'Person');
      const rows = await run('person_affiliations', { name: fact.source });
      const edges = edgesOf(person, 'AFFILIATED_WITH', 'out');
      expect(rows).toEqual(sorted(edges, (e) => name(graph.target(e))).map((e) => ({ person: fact.source, organization: name(graph.target(e)), evidence: sentences([e]) })));
      expect(rows.map((r) => r.organization)).toContain(fact.target);
    }
  });

  it('planned_relations: the seed states no plans (拟 …), so there are none', async () => {
    expect(graph.someEdge((_, a) => Boolean(a.planned))).toBe(false);
    expect(await run('planned_relations')).toEqual([]);
  });

  it('document_facts: the seed page contributes every relation of graph.json, the gold ones among them', async () => {
    const rows = await run('document_facts', { path: doc.path });
    const expected = graph.filterEdges((_, a) => a.evidence.length > 0).map((e) => `${name(graph.source(e))} ${graph.getEdgeAttribute(e, 'type')} ${name(graph.target(e))}`);
    expect(rows.map((r) => `${r.source} ${r.relation} ${r.target}`).sort()).toEqual([...new Set(expected)].sort());
    const facts = ['TARGETS', 'IMPLEMENTS', 'ISSUED', 'LOCATED_IN', 'ACTIVE_IN', 'AFFILIATED_WITH'].flatMap(goldFacts);
    expect(facts.length).toBeGreaterThanOrEqual(20);
    for (const f of facts) expect(rows.map((r) => `${r.source} ${r.relation} ${r.target}`)).toContain(`${f.source} ${f.type} ${f.target}`);
  });

  it('top_entities: the best-connected entities as graph.json counts them; the type filter keeps one type', async () => {
    const neighbours = (n: string) => new Set(graph.edges(n).filter((e) => TYPED.has(graph.getEdgeAttribute(e, 'type')) && graph.getEdgeAttribute(e, 'evidence').length).map((e) => graph.opposite(n, e))).size;
    const expected = graph
      .filterNodes((n) => neighbours(n) > 0)
      .map((n) => ({ name: name(n), type: graph.getNodeAttribute(n, 'type'), neighbours: neighbours(n), documents: 1 }))
      .sort((a, b) => b.neighbours - a.neighbours || byCodeUnits(a.name, b.name));
    expect(await run('top_entities', { limit: '1000' })).toEqual(expected);
    // 潍坊市 implements, issues and holds the most on the page.
    expect((await run('top_entities', { limit: '1' }))[0]!.name).toBe(name(nodeFor('全市', 'Place')));
    const industries = await run('top_entities', { type: 'Industry', limit: '1000' });
    expect(industries).toEqual(expected.filter((r) => r.type === 'Industry'));
  });

  it('every named query has a test above', () => {
    for (const q of listQueries()) expect(tested, q.name).toContain(q.name);
  });
});
