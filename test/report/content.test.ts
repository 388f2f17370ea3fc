import { describe, expect, it } from 'vitest';
import { marked } from 'marked';
import { buildReportModel, renderHtml, renderMarkdown } from '../../src/report/index.ts';
import { escapeHtml } from '../../src/report/escape.ts';
import { UserError } from '../../src/util/errors.ts';
import { RELATED_TO } from '../../src/types.ts';
import { joinLines, reportGraph, reversed, typedEdges, visibleText } from './helpers.ts';

const graph = reportGraph();
const model = buildReportModel(graph, { source: 'test' });
const html = renderHtml(model);
const md = renderMarkdown(model);
const mdText = visibleText(marked.parse(md, { async: false }) as string);
const htmlText = visibleText(html);

describe('report content', () => {
  it('has every typed relation of the graph, each with its evidence sentences, in both formats', () => {
    const edges = typedEdges(graph);
    expect(edges.length).toBeGreaterThan(0);
    const entries = model.relations.flatMap((g) => g.entries).map((e) => `${e.source.name}|${e.type}|${e.target.name}`);
    for (const edge of edges) {
      expect(entries).toContain(`${edge.source}|${edge.type}|${edge.target}`);
      for (const sentence of edge.sentences) {
        expect(htmlText).toContain(joinLines(sentence));
        expect(mdText).toContain(joinLines(sentence));
      }
    }
  });

  it('leaves RELATED_TO out of the relations, the matrix and the actor table', () => {
    const related = graph.filterEdges((_e, a) => a.type === RELATED_TO);
    const typed = model.relations.flatMap((g) => g.entries);
    expect(typed.every((e) => (e.type as string) !== RELATED_TO)).toBe(true);
    expect(typed.length).toBe(new Set(typedEdges(graph).map((e) => `${e.source}|${e.type}|${e.target}`)).size);
    expect(model.overview.cooccurrence.count).toBeLessThanOrEqual(related.length);
  });

  it('puts every TARGETS relation in the matrix and every ISSUED / IMPLEMENTS of an organization in the table', () => {
    for (const e of model.relations.flatMap((g) => g.entries)) {
      if (e.type === 'TARGETS') {
        const i = model.matrix.rows.findIndex((r) => r.key === e.source.key);
        const j = model.matrix.columns.findIndex((c) => c.key === e.target.key);
        expect(model.matrix.cells[i][j]?.evidence).toBe(e.anchor);
      }
      if ((e.type === 'ISSUED' || e.type === 'IMPLEMENTS') && e.source.type === 'Organization') {
        const row = model.actors.find((r) => r.actor.key === e.source.key)!;
        const cell = e.type === 'ISSUED' ? row.issued : row.implements;
        expect(cell.map((c) => c.evidence)).toContain(e.anchor);
      }
    }
  });

  it('links only to anchors that exist, in HTML and in Markdown', () => {
    const htmlIds = new Set([...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
    const htmlLinks = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    expect(htmlLinks.length).toBeGreaterThan(model.cards.length);
    for (const link of htmlLinks) expect(htmlIds).toContain(link);
    const mdIds = new Set([...md.matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1]));
    for (const [, link] of md.matchAll(/\]\(#([^)]+)\)/g)) expect(mdIds).toContain(link);
  });

  it('names the article each quoted sentence falls in', () => {
    const documents = new Map(graph.getAttribute('documents').map((d) => [d.id, d]));
    const byAnchor = new Map(model.relations.flatMap((g) => g.entries).map((e) => [e.anchor, e]));
    let named = 0;
    graph.forEachEdge((_e, attrs, source, target) => {
      if (attrs.type === RELATED_TO) return;
      const entry = [...byAnchor.values()].find((e) => e.source.key === source && e.target.key === target && e.type === attrs.type)!;
      for (const ev of attrs.evidence) {
        const article = documents.get(ev.doc)?.articles.find((a) => ev.start >= a.start && ev.start < a.end);
        const quote = entry.quotes.find((q) => q.segments.map((s) => s.text).join('') === joinLines(ev.sentence))!;
        expect(quote.article).toBe(article?.title ?? null);
        if (article) named++;
      }
    });
    expect(named).toBeGreaterThan(0);
  });

  it('marks the card entity in its quotes', () => {
    const card = model.cards.find((c) => c.groups.length > 0)!;
    const names = [card.entity.name, ...card.aliases];
    const quotes = card.groups.flatMap((g) => g.items.flatMap((i) => i.quotes));
    const marked = quotes.flatMap((q) => q.segments.filter((s) => s.mark).map((s) => s.text));
    expect(marked.length).toBeGreaterThan(0);
    for (const m of marked) expect(names).toContain(m);
    expect(html.includes(`<mark>${escapeHtml(marked[0])}</mark>`)).toBe(true);
  });

  it('does not depend on the order the graph lists nodes, edges and evidence', () => {
    const other = buildReportModel(reversed(graph), { source: 'test' });
    expect(renderMarkdown(other)).toBe(md);
    expect(renderHtml(other)).toBe(html);
  });
});

describe('--entity', () => {
  // The organization with the most typed relations, asked for by an alias when it has one.
  const center = () => model.charts.find((c) => c.id === 'chart-organizations')!.bars[0].entity;

  it('reports the entity and only what lies within two typed relations of it', () => {
    const { key, name } = center();
    const query = graph.getNodeAttribute(key, 'aliases')[0] ?? name;
    const scoped = buildReportModel(graph, { entity: query });
    expect(scoped.scope!.centers.map((c) => c.key)).toContain(key);
    const within = new Map([[key, 0]]);
    for (let hop = 1; hop <= 2; hop++) {
      for (const [key, d] of [...within]) {
        if (d !== hop - 1) continue;
        graph.forEachNeighbor(key, (n) => {
          const typed = graph.edges(key, n).concat(graph.edges(n, key)).some((e) => graph.getEdgeAttribute(e, 'type') !== RELATED_TO);
          if (typed && !within.has(n)) within.set(n, hop);
        });
      }
    }
    const keys = scoped.relations.flatMap((g) => g.entries).flatMap((e) => [e.source.key, e.target.key]);
    expect(keys.length).toBeGreaterThan(0);
    for (const k of keys) expect(within.has(k)).toBe(true);
    expect(scoped.cards[0].entity.key).toBe(key);
    expect(scoped.title).toContain(name);
  });

  it('fails on an unknown name with a one-line error listing close matches', () => {
    const { name } = center();
    const typo = name.slice(0, -1) + '某';
    expect(() => buildReportModel(graph, { entity: typo })).toThrow(UserError);
    try {
      buildReportModel(graph, { entity: typo });
    } catch (err) {
      expect((err as Error).message).toMatch(/close matches: .*/);
      expect((err as Error).message).toContain(name);
      expect((err as Error).message).not.toContain('\n');
    }
  });
});
