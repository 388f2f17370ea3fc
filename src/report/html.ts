// ReportModel → report.html: one self-contained page (inline CSS and SVG, no scripts, no external resources)
// that prints well.
import { escapeHtml as h } from './escape.ts';
import {
  builtLine, CENTRALITY_NOTE, plural, COMMUNITY_NOTE, COOCCURRENCE_NOTE, fixed, MATRIX_NOTE, RELATION_VERBS, scopeLine,
  SECTIONS, sourceLabel,
} from './labels.ts';
import type { EntityRef, LinkedEntity, Quote, ReportModel } from './model.ts';
import { REPORT_CSS } from './style.ts';
import { barChartSvg, networkSvg, TYPE_COLORS } from './svg.ts';

const entity = (e: EntityRef) =>
  e.card ? `<a href="#${e.card}" class="entity t-${e.type}">${h(e.name)}</a>` : `<span class="entity t-${e.type}">${h(e.name)}</span>`;
const typeTag = (type: string) => `<span class="type" style="border-color:${TYPE_COLORS[type as keyof typeof TYPE_COLORS]}">${type}</span>`;
const quote = (q: Quote) =>
  `<blockquote>${q.segments.map((s) => (s.mark ? `<mark>${h(s.text)}</mark>` : h(s.text))).join('')}` +
  `<cite>${h(sourceLabel(q))}</cite></blockquote>`;

function table(header: string[], rows: string[][], cls = ''): string {
  return `<table${cls ? ` class="${cls}"` : ''}>\n<thead><tr>${header.map((c) => `<th>${c}</th>`).join('')}</tr></thead>\n<tbody>\n` +
    rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n') + '\n</tbody>\n</table>';
}

const section = (id: string, title: string, body: string[]) =>
  `<section id="${id}">\n<h2>${h(title)}</h2>\n${body.join('\n')}\n</section>`;

function overview(model: ReportModel): string {
  const o = model.overview;
  const body = ['<h3>Documents</h3>'];
  body.push(o.documents.length
    ? table(['Document', 'Path', 'Articles'], o.documents.map((d) => [
      h(d.title || d.id), `<code>${h(d.path)}</code>`,
      d.articles.map((a) => h(a.title + (a.authors.length ? ` (${a.authors.join('、')})` : ''))).join('<br>') || '—',
    ]))
    : '<p>No documents are recorded in the graph.</p>');
  body.push('<div class="counts">');
  body.push('<div><h3>Entities by type</h3>' + table(['Type', 'Entities'], o.entityCounts.map((c) => [typeTag(c.type), String(c.count)])) + '</div>');
  body.push('<div><h3>Relations by type</h3>' + table(['Relation', 'Relations'], o.relationCounts.map((c) => [c.type, String(c.count)])) + '</div>');
  body.push('</div>');
  body.push(`<p class="note">Co-occurrences (RELATED_TO): ${o.cooccurrence.count}. ${h(COOCCURRENCE_NOTE)}</p>`);
  if (o.cooccurrence.top.length) {
    body.push('<ul class="cooccur">' + o.cooccurrence.top.map((c) => `<li>${entity(c.a)} — ${entity(c.b)} (${plural(c.sentences, 'sentence')})</li>`).join('') + '</ul>');
  }
  return section('overview', 'Overview', body);
}

function matrix(model: ReportModel): string {
  const m = model.matrix;
  const body = [`<p class="note">${h(MATRIX_NOTE)}</p>`];
  if (!m.rows.length) body.push('<p>No TARGETS relations in this graph.</p>');
  else {
    body.push('<div class="scroll">' + table(
      ['Policy / program', 'Type', ...m.columns.map((c) => `<span class="col">${h(c.name)}</span>`)],
      m.rows.map((r, i) => [entity(r), typeTag(r.type), ...m.cells[i].map((c) => (c ? `<a class="cell" href="#${c.evidence}">${c.sentences}</a>` : ''))]),
      'matrix',
    ) + '</div>');
    if (m.omittedRows || m.omittedColumns) {
      body.push(`<p class="note">Not shown: ${m.omittedRows} more rows and ${m.omittedColumns} more industries (see the evidence appendix).</p>`);
    }
  }
  return section('matrix', SECTIONS[1].title, body);
}

function actors(model: ReportModel): string {
  if (!model.actors.length) return section('actors', SECTIONS[2].title, ['<p>No ISSUED or IMPLEMENTS relations in this graph.</p>']);
  const cell = (items: LinkedEntity[]) => items.map((i) => `<a href="#${i.evidence}">${h(i.entity.name)}</a>`).join('、') || '—';
  return section('actors', SECTIONS[2].title, [
    table(['Actor', 'Type', 'Issued', 'Implements'], model.actors.map((r) => [entity(r.actor), typeTag(r.actor.type), cell(r.issued), cell(r.implements)])),
  ]);
}

function charts(model: ReportModel): string {
  if (!model.charts.length) return section('charts', 'Charts', ['<p>Nothing to chart.</p>']);
  return section('charts', 'Charts', model.charts.map((c) =>
    `<figure id="${c.id}">\n<figcaption>${h(c.title)} <span class="note">(bar = ${h(c.unit)})</span></figcaption>\n${barChartSvg(c)}\n</figure>`));
}

function centrality(model: ReportModel): string {
  const body = [`<p class="note">${h(CENTRALITY_NOTE)}</p>`];
  if (!model.centrality.length) body.push('<p>No typed relations, so no centrality.</p>');
  body.push('<div class="tables">');
  for (const t of model.centrality) {
    body.push(`<div><h3>${typeTag(t.type)}</h3>` + table(['#', 'Entity', 'Neighbours', 'Degree centrality', 'PageRank'], t.rows.map((r, i) => [
      String(i + 1), entity(r.entity), String(r.neighbours), fixed(r.degreeCentrality, 3), fixed(r.pagerank, 4),
    ]), 'numbers') + '</div>');
  }
  body.push('</div>');
  return section('centrality', SECTIONS[4].title, body);
}

function communities(model: ReportModel): string {
  const body = [`<p class="note">${h(COMMUNITY_NOTE)}</p>`];
  if (!model.communities.length) body.push('<p>No communities of more than one entity.</p>');
  body.push('<div class="communities">');
  for (const c of model.communities) {
    body.push(`<figure class="community">\n<figcaption>Community ${c.id} · ${c.members.length} entities</figcaption>\n${networkSvg(c)}\n` +
      `<p>Members: ${c.members.map((m) => `${entity(m)} (${m.type})`).join(', ')}</p>\n</figure>`);
  }
  body.push('</div>');
  return section('communities', SECTIONS[5].title, body);
}

function cards(model: ReportModel): string {
  if (!model.cards.length) return section('cards', SECTIONS[6].title, ['<p>No organizations, programs or policies in this graph.</p>']);
  return section('cards', SECTIONS[6].title, model.cards.map((card) => {
    const parts = [`<article class="card" id="${card.entity.card}">`, `<h3>${h(card.entity.name)} ${typeTag(card.entity.type)}</h3>`];
    if (card.aliases.length) parts.push(`<p class="aliases">Aliases: ${card.aliases.map(h).join('、')}</p>`);
    if (!card.groups.length) parts.push('<p>No typed relations.</p>');
    for (const g of card.groups) {
      parts.push(`<h4>${h(RELATION_VERBS[g.type][g.direction])} <small>(${g.type}${g.direction === 'out' ? ' →' : ' ←'})</small></h4>`);
      parts.push('<ul>' + g.items.map((item) =>
        `<li>${entity(item.other)} (${item.other.type}) · <a href="#${item.evidence}">evidence</a>${item.quotes.map(quote).join('')}</li>`,
      ).join('\n') + '</ul>');
    }
    if (card.cooccurs.length) parts.push(`<p class="note">Co-occurs with (untyped): ${card.cooccurs.map(entity).join('、')}</p>`);
    parts.push('</article>');
    return parts.join('\n');
  }));
}

function evidence(model: ReportModel): string {
  if (!model.relations.length) return section('evidence', SECTIONS[7].title, ['<p>No typed relations in this graph.</p>']);
  const body: string[] = [];
  for (const group of model.relations) {
    body.push(`<h3>${group.type} (${group.entries.length})</h3>`);
    for (const r of group.entries) {
      body.push(`<div class="relation" id="${r.anchor}"><p>${entity(r.source)} (${r.source.type}) <b>${h(RELATION_VERBS[r.type].out)}</b> ` +
        `${entity(r.target)} (${r.target.type}) · confidence ${fixed(r.confidence, 2)}${r.planned ? ' · planned' : ''}</p>` +
        r.quotes.map(quote).join('') + '</div>');
    }
  }
  return section('evidence', SECTIONS[7].title, body);
}

export function renderHtml(model: ReportModel): string {
  const scope = scopeLine(model);
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${h(model.title)}</title>`,
    `<style>\n${REPORT_CSS}\n</style>`,
    '</head>',
    '<body>',
    `<header>\n<h1>${h(model.title)}</h1>`,
    `<p class="built">${h(builtLine(model))}</p>`,
    scope ? `<p class="scope">${h(scope)}</p>` : '',
    `<nav><ul>${SECTIONS.map((s) => `<li><a href="#${s.id}">${h(s.title)}</a></li>`).join('')}</ul></nav>\n</header>`,
    '<main>',
    overview(model), matrix(model), actors(model), charts(model), centrality(model), communities(model), cards(model), evidence(model),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].filter((line) => line !== '').join('\n');
}
