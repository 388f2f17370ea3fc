// `zhengtu explain` on the seed graph: lookup by name or alias, the report model (relations grouped
// by type, evidence with highlights and sources), the text renderer and the command line.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from '../../src/pipeline/build.ts';
import { createGraph, type KnowledgeGraph } from '../../src/graph/io.ts';
import { explain, explainEntity, findEntity, normalizeName, renderReport, type EntityReport } from '../../src/explain/index.ts';
import { RELATED_TO, RELATION_TYPES, type SourceDocument } from '../../src/types.ts';

let out: string;
let graph: KnowledgeGraph;

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'zt-explain-'));
  graph = (await build(['data/corpus/seed.txt'], { out, workers: 1, cache: false })).graph;
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

function reportOf(name: string): EntityReport {
  const result = explain(graph, name, { maxEvidence: 100 });
  if (result.kind !== 'found') throw new Error(`${name}: ${result.kind}`);
  return result.report;
}

describe('finding the entity', () => {
  it('finds an entity by an alias (市委 → 潍坊市委) and by its key', () => {
    const lookup = findEntity(graph, '市委');
    expect(lookup).toMatchObject({ kind: 'found', entity: { type: 'Organization', name: '潍坊市委' } });
    expect(findEntity(graph, 'Organization:潍坊市委')).toEqual(lookup);
  });

  it('ignores 《》, “” and spaces', () => {
    expect(findEntity(graph, '《潍坊市科技成果转化补助管理办法》')).toMatchObject({ kind: 'found', entity: { type: 'Policy' } });
    expect(findEntity(graph, '“一业一策”')).toMatchObject({ kind: 'found', entity: { name: '一业一策' } });
    expect(findEntity(graph, ' 豪迈 集团 ')).toMatchObject({ kind: 'found', entity: { name: '豪迈集团' } });
  });

  it('suggests names that hold the query when nothing matches', () => {
    const lookup = findEntity(graph, '科技创新委员');
    expect(lookup.kind).toBe('not-found');
    if (lookup.kind !== 'not-found') return;
    expect(lookup.suggestions.map((s) => s.name)).toContain('潍坊市科技创新委员会');
    expect(findEntity(graph, '完全无关的名字')).toEqual({ kind: 'not-found', suggestions: [] });
  });

  it('lists the candidates with their types when a name is ambiguous, and --type settles it', () => {
    const g = createGraph();
    const node = { aliases: ['双创'], mentions: [], docs: [], confidence: 0.9 };
    g.addNode('Program:双创行动', { ...node, type: 'Program', name: '双创行动' });
    g.addNode('Policy:双创政策', { ...node, type: 'Policy', name: '双创政策' });
    const lookup = findEntity(g, '双创');
    expect(lookup).toEqual({
      kind: 'ambiguous',
      candidates: [
        { key: 'Policy:双创政策', type: 'Policy', name: '双创政策' },
        { key: 'Program:双创行动', type: 'Program', name: '双创行动' },
      ],
    });
    expect(findEntity(g, '双创', 'Program')).toMatchObject({ kind: 'found', entity: { name: '双创行动' } });
  });

  it('prefers the node named so over nodes that only carry the name as an alias', () => {
    const g = createGraph();
    const node = { mentions: [], docs: [], confidence: 0.9 };
    g.addNode('Place:山东省', { ...node, type: 'Place', name: '山东省', aliases: ['山东'] });
    g.addNode('Organization:山东', { ...node, type: 'Organization', name: '山东', aliases: [] });
    expect(findEntity(g, '山东')).toMatchObject({ kind: 'found', entity: { key: 'Organization:山东' } });
  });
});

describe('the report', () => {
  it('holds type, name, aliases and documents', () => {
    const r = reportOf('市委');
    expect(r).toMatchObject({ key: 'Organization:潍坊市委', type: 'Organization', name: '潍坊市委', aliases: ['市委'] });
    expect(r.documents).toEqual([expect.objectContaining({ path: 'data/corpus/seed.txt' })]);
  });

  it('groups relations by type in guideline order, outgoing before incoming, RELATED_TO apart', () => {
    const r = reportOf('潍坊市');
    const order = r.groups.map((g) => RELATION_TYPES.indexOf(g.type as (typeof RELATION_TYPES)[number]) * 2 + (g.direction === 'in' ? 1 : 0));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(order.every((o) => o >= 0)).toBe(true);
    expect(r.groups.some((g) => g.type === RELATED_TO)).toBe(false);
    expect(r.groups.find((g) => g.type === 'LOCATED_IN')?.direction).toBe('in');
    const issued = r.groups.find((g) => g.type === 'ISSUED' && g.direction === 'out')!;
    expect(issued.relations.map((x) => x.partner.name)).toContain('潍坊市科技成果转化补助管理办法');
    expect(r.related.partners).toBeGreaterThan(0);
  });

  it('has every edge of the entity, and only those', () => {
    const r = reportOf('潍坊市');
    let typed = 0;
    graph.forEachEdge('Place:潍坊市', (_e, a) => {
      if (a.type !== RELATED_TO) typed++;
    });
    expect(r.groups.reduce((n, g) => n + g.relations.length, 0)).toBe(typed);
  });

  it('highlights only the names of the two endpoints in each evidence sentence', () => {
    for (const name of ['潍坊市', '一业一策', '徐晶', '国家燃料电池技术创新中心']) {
      const r = reportOf(name);
      const own = new Set([r.name, ...r.aliases].map(normalizeName));
      for (const g of r.groups) {
        for (const rel of g.relations) {
          const partner = graph.getNodeAttributes(rel.partner.key);
          const forms = new Set([...own, partner.name, ...partner.aliases].map(normalizeName));
          for (const ev of rel.evidence) {
            expect(ev.highlights.length, `${name} ${g.type} ${rel.partner.name}: ${ev.sentence}`).toBeGreaterThan(0);
            for (const [s, e] of ev.highlights) expect(forms.has(normalizeName(ev.sentence.slice(s, e))), ev.sentence.slice(s, e)).toBe(true);
          }
        }
      }
    }
  });

  it('names the source of the evidence: document path and article title', () => {
    const r = reportOf('徐晶');
    const affiliation = r.groups.find((g) => g.type === 'AFFILIATED_WITH')!.relations[0]!;
    expect(affiliation.partner.name).toBe('山东科技职业学院');
    const docs = graph.getAttribute('documents') as SourceDocument[];
    const article = docs[0]!.articles.find((a) => a.authors.includes('徐晶'))!;
    expect(affiliation.evidence[0]).toMatchObject({ path: 'data/corpus/seed.txt', article: article.title });
  });

  it('keeps at most maxEvidence sentences but counts them all', () => {
    const full = explainEntity(graph, 'Place:潍坊市', { maxEvidence: 100 });
    const short = explainEntity(graph, 'Place:潍坊市', { maxEvidence: 1 });
    const many = full.groups.flatMap((g) => g.relations).find((x) => x.evidenceCount > 1)!;
    const same = short.groups.flatMap((g) => g.relations).find((x) => x.partner.key === many.partner.key)!;
    expect(same.evidence).toHaveLength(1);
    expect(same.evidenceCount).toBe(many.evidenceCount);
  });
});

describe('the text', () => {
  it('shows the header, grouped relations with marked names, and RELATED_TO last', () => {
    const text = renderReport(reportOf('一业一策'), { highlight: 'brackets' });
    const lines = text.split('\n');
    expect(lines[0]).toBe('Policy 一业一策');
    expect(text).toMatch(/TARGETS \(outgoing, \d+\)/);
    expect(text).toMatch(/IMPLEMENTS \(incoming, \d+\)/);
    expect(text).toContain('【一业一策】');
    expect(text).toContain('— data/corpus/seed.txt › ');
    const related = lines.findIndex((l) => l.startsWith('RELATED_TO'));
    expect(related).toBeGreaterThan(lines.findIndex((l) => l.startsWith('TARGETS')));
    expect(lines.slice(related + 2).some((l) => /^[A-Z_]+ \(/.test(l))).toBe(false);
  });

  it('uses bold on a terminal instead of brackets', () => {
    const text = renderReport(reportOf('一业一策'), { highlight: 'ansi' });
    expect(text).toContain('\x1b[1m一业一策\x1b[22m');
    expect(text).not.toContain('【');
  });
});

describe('the command', () => {
  const cli = (...args: string[]) => spawnSync('node', ['bin/zhengtu.js', 'explain', ...args, '--graph', join(out, 'graph.json')], { encoding: 'utf8' });

  it('prints the report, and JSON with --json', () => {
    const text = cli('市委');
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('Organization 潍坊市委');
    expect(text.stdout).toContain('【市委】');
    const json = JSON.parse(execFileSync('node', ['bin/zhengtu.js', 'explain', '《潍坊市科技成果转化补助管理办法》', '--json', '--graph', join(out, 'graph.json')], { encoding: 'utf8' }));
    expect(json).toMatchObject({ type: 'Policy', name: '潍坊市科技成果转化补助管理办法' });
  });

  it('fails with one line naming close names when nothing matches', () => {
    const r = cli('科技创新委员');
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^zhengtu: "科技创新委员": no entity .*close names: .*潍坊市科技创新委员会/);
  });

  it('fails with one line when the graph is missing', () => {
    const r = spawnSync('node', ['bin/zhengtu.js', 'explain', '市委', '--graph', join(out, 'nope.json')], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^zhengtu: .*nope\.json: cannot read the graph/);
  });
});
