// Every named query in cypher/queries, run against the hand-made policy graph, asserting its facts.
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readGraph } from '../../src/graph/io.ts';
import { loadRows } from '../../src/neo4j/loader.ts';
import { listQueries } from '../../src/neo4j/queries.ts';
import { graphRows } from '../../src/neo4j/rows.ts';
import { FIXTURE_GRAPH, clearZhengtu, neo4jForTests, queryRunner } from './helpers.ts';

const conn = await neo4jForTests();
const { run, tested } = queryRunner(conn);

describe('named queries on the policy fixture', () => {
  beforeAll(async () => {
    await clearZhengtu(conn!);
    await loadRows(conn!, graphRows(readGraph(FIXTURE_GRAPH)), { source: 'policy-graph.json' });
  });
  afterAll(async () => {
    await clearZhengtu(conn!);
    await conn?.driver.close();
  });

  it('every query file has a description and documented parameters', () => {
    const all = listQueries();
    expect(all.length).toBeGreaterThanOrEqual(12);
    for (const q of all) {
      expect(q.description.length, q.name).toBeGreaterThan(10);
      for (const p of q.params) expect(p.description.length, `${q.name} ${p.name}`).toBeGreaterThan(3);
      for (const used of q.text.matchAll(/\$(\w+)/g)) expect(q.params.map((p) => p.name), `${q.name} uses $${used[1]}`).toContain(used[1]);
    }
  });

  it('policies_targeting_industry: 一业一策 and the 补助管理办法 target 光刻胶, with their sentences', async () => {
    const rows = await run('policies_targeting_industry', { industry: '光刻胶' });
    expect(rows.map((r) => r.source).sort()).toEqual(['一业一策', '潍坊市科技成果转化补助管理办法'].sort());
    const yiye = rows.find((r) => r.source === '一业一策')!;
    expect(yiye.type).toBe('Policy');
    expect(yiye.evidence[0]).toContain('对光刻胶、先进光电芯片等产业精准扶持');
  });

  it('program_implementers: 科技部 (two documents) and 国家燃料电池技术创新中心 implement 氢进万家示范工程, found by alias', async () => {
    const rows = await run('program_implementers', { program: '氢进万家' });
    expect(rows.map((r) => [r.implementer, r.documents])).toEqual([
      ['科技部', 2],
      ['国家燃料电池技术创新中心', 1],
    ]);
  });

  it('organization_relations: the innovation centre implements the program and cooperates with 潍柴', async () => {
    const rows = await run('organization_relations', { name: '国家燃料电池技术创新中心' });
    const facts = rows.map((r) => `${r.relation} ${r.direction} ${r.other}`).sort();
    expect(facts).toEqual(['COOPERATES_WITH in 潍柴动力股份有限公司', 'IMPLEMENTS out 氢进万家示范工程']);
    expect(rows.every((r) => r.document === 'corpus/weifang-hydrogen.txt' && r.evidence.length === 1)).toBe(true);
  });

  it('relation_evidence: the two sentences behind 科技部 → 氢进万家示范工程, with document and offsets', async () => {
    const rows = await run('relation_evidence', { source: '科技部', target: '氢进万家示范工程' });
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.document).sort()).toEqual(['corpus/weifang-hydrogen.txt', 'corpus/weifang-policy.txt']);
    const second = rows.find((r) => r.document === 'corpus/weifang-policy.txt')!;
    expect(second.sentence).toBe('科技部支持潍坊建设氢进万家示范工程。');
    expect(second.end - second.start).toBe(second.sentence.length);
  });

  it('shortest_path: 氢能 reaches 潍坊市 in 3 hops through 潍柴 and the 科技局; 徐晶 reaches it not at all', async () => {
    const [path] = await run('shortest_path', { from: '氢能', to: '潍坊市' });
    expect(path!.hops).toBe(3);
    expect(path!.path).toEqual(['氢能', '潍柴动力股份有限公司', '潍坊市科技局', '潍坊市']);
    expect(path!.relations).toEqual(['ACTIVE_IN', 'RELATED_TO', 'LOCATED_IN']);
    expect(await run('shortest_path', { from: '徐晶', to: '潍坊市' })).toEqual([]);
  });

  it('most_targeted_industries: 光刻胶 first with two policies', async () => {
    const rows = await run('most_targeted_industries', { limit: '2' });
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ industry: '光刻胶', targets: 2 });
    expect(rows[1]!.targets).toBe(1);
  });

  it('cooperating_organizations: cooperation and co-occurrence, planned ones marked', async () => {
    const rows = await run('cooperating_organizations');
    const pair = (a: string, b: string) => rows.find((r) => [r.organization, r.partner].sort().join() === [a, b].sort().join());
    expect(pair('潍柴动力股份有限公司', '国家燃料电池技术创新中心')!.how.sort()).toEqual(['cooperates', 'same sentence']);
    expect(pair('安徽省人民政府', '中国科学技术大学')!.how).toContain('cooperates (planned)');
    expect(pair('潍坊市科技局', '潍坊市人民政府')!.how).toEqual(['same sentence']);
    expect(pair('科技部', '潍坊市科技局')).toBeUndefined();
    const only = await run('cooperating_organizations', { name: '市政府' });
    expect(only.map((r) => [r.organization, r.partner].sort().join())).toEqual([['潍坊市科技局', '潍坊市人民政府'].sort().join()]);
  });

  it('documents_mentioning: the nickname 鸢都 finds 潍坊市 in both Weifang documents', async () => {
    const rows = await run('documents_mentioning', { name: '鸢都' });
    expect(rows.map((r) => r.document).sort()).toEqual(['corpus/weifang-hydrogen.txt', 'corpus/weifang-policy.txt']);
    expect(rows.every((r) => r.entity === '潍坊市')).toBe(true);
    expect(rows.find((r) => r.document === 'corpus/weifang-policy.txt')!.mentions).toBe(3);
  });

  it('search_entities: full-text finds an entity by an alias that shares nothing with its name', async () => {
    const byAlias = await run('search_entities', { q: '鸢都' });
    expect(byAlias.map((r) => r.name)).toEqual(['潍坊市']);
    const byPart = await run('search_entities', { q: '燃料电池', limit: '5' });
    expect(byPart[0]!.name).toBe('国家燃料电池技术创新中心');
    expect(await run('search_entities', { q: '不存在的名字' })).toEqual([]);
  });

  it('last_load: the fixture load added three documents and 21 entities', async () => {
    const [row] = await run('last_load');
    expect(row).toMatchObject({ source: 'policy-graph.json', status: 'complete', documentsAdded: 3, entitiesCreated: 21, relationshipsDeleted: 0 });
    expect(row!.addedPaths).toContain('corpus/anhui-report.txt');
  });

  it('last_load_entities: everything was created by that load', async () => {
    const rows = await run('last_load_entities', { limit: '100' });
    expect(rows).toHaveLength(21);
    expect(new Set(rows.map((r) => r.change))).toEqual(new Set(['created']));
  });

  it('policies_issued_by: 潍坊市 issued the 补助管理办法', async () => {
    const rows = await run('policies_issued_by', { issuer: '潍坊' });
    expect(rows).toEqual([{ policy: '潍坊市科技成果转化补助管理办法', issuer: '潍坊市', documents: ['corpus/weifang-hydrogen.txt'] }]);
  });

  it('located_in: the program is in 山东, the 科技局 in 潍坊市', async () => {
    expect((await run('located_in', { place: '山东' })).map((r) => r.name)).toEqual(['氢进万家示范工程']);
    expect((await run('located_in', { place: '鸢都' })).map((r) => r.name)).toEqual(['潍坊市科技局']);
  });

  it('industry_organizations: 潍柴 is active in 氢能, the program targets it', async () => {
    const rows = await run('industry_organizations', { industry: '氢能' });
    expect(rows.map((r) => `${r.relation} ${r.name}`)).toEqual(['ACTIVE_IN 潍柴动力股份有限公司', 'TARGETS 氢进万家示范工程']);
  });

  it('organization_hierarchy: 市科技局 is part of the city government, and the government contains it', async () => {
    expect(await run('organization_hierarchy', { name: '市科技局' })).toEqual([{ organization: '潍坊市科技局', direction: 'up', other: '潍坊市人民政府', levels: 1 }]);
    expect((await run('organization_hierarchy', { name: '潍坊市人民政府' })).map((r) => `${r.direction} ${r.other}`)).toEqual(['down 潍坊市科技局']);
  });

  it('person_affiliations: 徐晶 works at 山东科技职业学院', async () => {
    const rows = await run('person_affiliations', { name: '徐晶' });
    expect(rows).toEqual([{ person: '徐晶', organization: '山东科技职业学院', evidence: ['作者单位：山东科技职业学院 徐晶'] }]);
  });

  it('planned_relations: only the planned cooperation with 中国科学技术大学', async () => {
    const rows = await run('planned_relations');
    expect(rows.map((r) => `${r.source} ${r.relation} ${r.target}`)).toEqual(['安徽省人民政府 COOPERATES_WITH 中国科学技术大学']);
    expect(rows[0]!.evidence[0]).toMatch(/^拟/);
  });

  it('document_facts: the Anhui report contributes exactly its five relations', async () => {
    const rows = await run('document_facts', { path: 'corpus/anhui-report.txt' });
    expect(rows.map((r) => r.relation).sort()).toEqual(['AFFILIATED_WITH', 'COOPERATES_WITH', 'ISSUED', 'LOCATED_IN', 'TARGETS']);
  });

  it('top_entities: the program and the Anhui government have the most neighbours, the program in more documents; type filter works', async () => {
    const rows = await run('top_entities', { limit: '2' });
    expect(rows.map((r) => [r.name, r.neighbours, r.documents])).toEqual([
      ['氢进万家示范工程', 4, 2],
      ['安徽省人民政府', 4, 1],
    ]);
    const industries = await run('top_entities', { type: 'Industry', limit: '10' });
    expect(industries.every((r) => r.type === 'Industry')).toBe(true);
    expect(industries[0]).toMatchObject({ name: '光刻胶', neighbours: 2 });
  });

  it('`zhengtu query` prints a table, JSON with --json, and all queries with --list', () => {
    const cli = (...args: string[]) => spawnSync('node', ['bin/zhengtu.js', 'query', ...args], { encoding: 'utf8' });
    const json = cli('policies_targeting_industry', '--param', 'industry=光刻胶', '--json');
    expect(json.status, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout).map((r: { source: string }) => r.source)).toContain('一业一策');
    const table = cli('person_affiliations', '-p', 'name=徐晶');
    expect(table.stdout).toMatch(/person\s+organization\s+evidence/);
    expect(table.stdout).toContain('山东科技职业学院');
    expect(table.stdout).toContain('(1 row)');
    const list = cli('--list');
    for (const q of listQueries()) expect(list.stdout).toContain(q.name);
    const missing = cli('person_affiliations');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('needs --param name=<string>');
    tested.add('(cli)');
  });

  it('a bad parameter or a search the index cannot parse is one line saying what is wrong', () => {
    const cli = (...args: string[]) => spawnSync('node', ['bin/zhengtu.js', 'query', ...args], { encoding: 'utf8' });
    const bogus = cli('top_entities', '--param', 'type=Bogus');
    expect(bogus.status).toBe(1);
    expect(bogus.stderr.trim().split('\n')).toHaveLength(1);
    expect(bogus.stderr).toMatch(/type=Bogus is not an entity type; use one of Organization, .*Place, or leave it empty/);
    const parens = cli('search_entities', '--param', 'q=(((');
    expect(parens.status).toBe(1);
    expect(parens.stderr.trim().split('\n')).toHaveLength(1);
    expect(parens.stderr).toMatch(/--param q=\(\(\( is not a search the full-text index can parse/);
    expect(parens.stderr).not.toMatch(/ParseException|at org\./);
  });

  it('every named query has a test above', () => {
    for (const q of listQueries()) expect(tested, q.name).toContain(q.name);
  });
});
