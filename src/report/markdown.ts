// ReportModel → report.md. Anchors are explicit <a id> tags so that links work the same as in the HTML.
import { escapeMarkdown as md, strongMarkdown } from './escape.ts';
import {
  builtLine, CENTRALITY_NOTE, plural, COMMUNITY_NOTE, COOCCURRENCE_NOTE, fixed, MATRIX_NOTE, RELATION_VERBS, scopeLine,
  SECTIONS, sourceLabel,
} from './labels.ts';
import type { EntityRef, Quote, ReportModel } from './model.ts';
import { networkSvg } from './svg.ts';

const link = (text: string, anchor: string) => `[${md(text)}](#${anchor})`;
const entity = (e: EntityRef) => (e.card ? link(e.name, e.card) : md(e.name));
const quoteText = (q: Quote) => q.segments.map((s) => (s.mark ? strongMarkdown(s.text) : md(s.text))).join('');
const quoteLines = (quotes: Quote[], indent: string) =>
  quotes.map((q) => `${indent}> ${quoteText(q)} — ${md(sourceLabel(q))}`).join(`\n${indent}>\n`);

function table(header: string[], rows: string[][], align?: string[]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(align ?? header.map(() => '---')), ...rows.map(line)].join('\n');
}

const heading = (level: number, id: string, title: string) => `${'#'.repeat(level)} <a id="${id}"></a>${md(title)}`;

function overview(model: ReportModel): string[] {
  const o = model.overview;
  const out = [heading(2, 'overview', 'Overview'), '### Documents'];
  out.push(o.documents.length
    ? table(['Document', 'Path', 'Articles'], o.documents.map((d) => [
      md(d.title || d.id), md(d.path),
      d.articles.map((a) => md(a.title + (a.authors.length ? ` (${a.authors.join('、')})` : ''))).join('; ') || '—',
    ]))
    : 'No documents are recorded in the graph.');
  out.push('### Entities by type', table(['Type', 'Entities'], o.entityCounts.map((c) => [c.type, String(c.count)])));
  out.push('### Relations by type', table(['Relation', 'Relations'], o.relationCounts.map((c) => [c.type, String(c.count)])));
  out.push(`Co-occurrences (RELATED_TO): ${o.cooccurrence.count}. ${md(COOCCURRENCE_NOTE)}`);
  if (o.cooccurrence.top.length) {
    out.push(o.cooccurrence.top.map((c) => `- ${entity(c.a)} — ${entity(c.b)} (${plural(c.sentences, 'sentence')})`).join('\n'));
  }
  return out;
}

function matrix(model: ReportModel): string[] {
  const m = model.matrix;
  const out = [heading(2, 'matrix', SECTIONS[1].title), md(MATRIX_NOTE)];
  if (!m.rows.length) return [...out, 'No TARGETS relations in this graph.'];
  out.push(table(
    ['Policy / program', 'Type', ...m.columns.map((c) => md(c.name))],
    m.rows.map((r, i) => [entity(r), r.type, ...m.cells[i].map((c) => (c ? link(String(c.sentences), c.evidence) : ''))]),
    ['---', '---', ...m.columns.map(() => ':---:')],
  ));
  if (m.omittedRows || m.omittedColumns) {
    out.push(`Not shown: ${m.omittedRows} more rows and ${m.omittedColumns} more industries (see the evidence appendix).`);
  }
  return out;
}

function actors(model: ReportModel): string[] {
  const out = [heading(2, 'actors', SECTIONS[2].title)];
  if (!model.actors.length) return [...out, 'No ISSUED or IMPLEMENTS relations in this graph.'];
  const cell = (items: ReportModel['actors'][number]['issued']) => items.map((i) => link(i.entity.name, i.evidence)).join('、') || '—';
  out.push(table(['Actor', 'Type', 'Issued', 'Implements'], model.actors.map((r) => [entity(r.actor), r.actor.type, cell(r.issued), cell(r.implements)])));
  return out;
}

function charts(model: ReportModel): string[] {
  const out = [heading(2, 'charts', 'Charts')];
  if (!model.charts.length) return [...out, 'Nothing to chart.'];
  for (const chart of model.charts) {
    const max = Math.max(...chart.bars.map((b) => b.value), 1);
    out.push(heading(3, chart.id, chart.title));
    out.push(table(['Entity', md(chart.unit), ''], chart.bars.map((b) => [entity(b.entity), String(b.value), '█'.repeat(Math.max(1, Math.round((b.value / max) * 20)))])));
  }
  return out;
}

function centrality(model: ReportModel): string[] {
  const out = [heading(2, 'centrality', SECTIONS[4].title), md(CENTRALITY_NOTE)];
  if (!model.centrality.length) return [...out, 'No typed relations, so no centrality.'];
  for (const t of model.centrality) {
    out.push(`### ${t.type}`);
    out.push(table(['#', 'Entity', 'Neighbours', 'Degree centrality', 'PageRank'], t.rows.map((r, i) => [
      String(i + 1), entity(r.entity), String(r.neighbours), fixed(r.degreeCentrality, 3), fixed(r.pagerank, 4),
    ])));
  }
  return out;
}

function communities(model: ReportModel): string[] {
  const out = [heading(2, 'communities', SECTIONS[5].title), md(COMMUNITY_NOTE)];
  if (!model.communities.length) return [...out, 'No communities of more than one entity.'];
  for (const c of model.communities) {
    out.push(`### Community ${c.id} · ${c.members.length} entities`);
    out.push(`<div class="picture">\n${networkSvg(c)}\n</div>`);
    out.push(`Members: ${c.members.map((m) => `${entity(m)} (${m.type})`).join(', ')}`);
  }
  return out;
}

function cards(model: ReportModel): string[] {
  const out = [heading(2, 'cards', SECTIONS[6].title)];
  if (!model.cards.length) return [...out, 'No organizations, programs or policies in this graph.'];
  for (const card of model.cards) {
    out.push(heading(3, card.entity.card!, `${card.entity.name} · ${card.entity.type}`));
    if (card.aliases.length) out.push(`Aliases: ${card.aliases.map(md).join('、')}`);
    if (!card.groups.length) out.push('No typed relations.');
    for (const g of card.groups) {
      const verb = RELATION_VERBS[g.type][g.direction];
      out.push(`**${md(verb)}** (${g.type}${g.direction === 'out' ? ' →' : ' ←'})`);
      out.push(g.items.map((item) =>
        [`- ${entity(item.other)} (${item.other.type}) · [evidence](#${item.evidence})`, quoteLines(item.quotes, '  ')].filter(Boolean).join('\n'),
      ).join('\n'));
    }
    if (card.cooccurs.length) out.push(`Co-occurs with (untyped): ${card.cooccurs.map(entity).join('、')}`);
  }
  return out;
}

function evidence(model: ReportModel): string[] {
  const out = [heading(2, 'evidence', SECTIONS[7].title)];
  if (!model.relations.length) return [...out, 'No typed relations in this graph.'];
  for (const group of model.relations) {
    out.push(`### ${group.type} (${group.entries.length})`);
    for (const r of group.entries) {
      const head = `<a id="${r.anchor}"></a>${entity(r.source)} (${r.source.type}) **${md(RELATION_VERBS[r.type].out)}** ` +
        `${entity(r.target)} (${r.target.type}) · confidence ${fixed(r.confidence, 2)}${r.planned ? ' · planned' : ''}`;
      out.push([head, quoteLines(r.quotes, '')].filter(Boolean).join('\n\n'));
    }
  }
  return out;
}

export function renderMarkdown(model: ReportModel): string {
  const blocks = [`# ${md(model.title)}`, `_${md(builtLine(model))}_`];
  const scope = scopeLine(model);
  if (scope) blocks.push(md(scope));
  blocks.push(SECTIONS.map((s) => `- [${md(s.title)}](#${s.id})`).join('\n'));
  const sections = [overview, matrix, actors, charts, centrality, communities, cards, evidence].map((section) => section(model));
  return [blocks, ...sections].map((list) => list.join('\n\n')).join('\n\n') + '\n';
}
