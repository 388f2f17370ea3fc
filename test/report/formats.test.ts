import { describe, expect, it } from 'vitest';
import { marked, type Token, type Tokens } from 'marked';
import { buildReportModel, renderHtml, renderMarkdown } from '../../src/report/index.ts';
import type { ReportModel } from '../../src/report/model.ts';
import { HOSTILE_INDUSTRY, HOSTILE_NAME, hostileGraph, visibleText } from './helpers.ts';

const model = buildReportModel(hostileGraph(), { source: 'test' });
const html = renderHtml(model);
const md = renderMarkdown(model);

function tables(tokens: Token[]): Tokens.Table[] {
  const found: Tokens.Table[] = [];
  const walk = (list: Token[]) => {
    for (const t of list) {
      if (t.type === 'table') found.push(t as Tokens.Table);
      const children = (t as { tokens?: Token[]; items?: Token[] }).tokens ?? (t as { items?: Token[] }).items;
      if (children) walk(children);
    }
  };
  walk(tokens);
  return found;
}

/** The tables the model holds, in the order the report shows them: [name, rows, columns]. */
function modelTables(m: ReportModel): [string, number, number][] {
  const out: [string, number, number][] = [];
  if (m.overview.documents.length) out.push(['documents', m.overview.documents.length, 3]);
  out.push(['entity counts', m.overview.entityCounts.length, 2], ['relation counts', m.overview.relationCounts.length, 2]);
  if (m.matrix.rows.length) out.push(['matrix', m.matrix.rows.length, m.matrix.columns.length + 2]);
  if (m.actors.length) out.push(['actors', m.actors.length, 4]);
  for (const c of m.charts) out.push([c.id, c.bars.length, 3]);
  for (const t of m.centrality) out.push([`centrality ${t.type}`, t.rows.length, 5]);
  return out;
}

describe('escaping', () => {
  it('shows names and sentences with markup as text in HTML', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('</td>行业');
    expect(html).toContain('测试&lt;script&gt;alert(1)&lt;/script&gt;公司');
    expect(visibleText(html)).toContain(HOSTILE_NAME);
    expect(visibleText(html)).toContain(HOSTILE_INDUSTRY);
    expect(visibleText(html)).toContain('& <b>发展</b>');
  });

  it('shows them as text in Markdown too', () => {
    const rendered = marked.parse(md, { async: false }) as string;
    expect(rendered).not.toMatch(/<script/i);
    expect(rendered).not.toContain('<b>发展</b>');
    expect(visibleText(rendered)).toContain(HOSTILE_NAME);
    expect(visibleText(rendered)).toContain(HOSTILE_INDUSTRY);
  });
});

describe('Markdown', () => {
  it('parses with every table intact: one per model table, with the model’s rows and columns', () => {
    const found = tables(marked.lexer(md));
    const expected = modelTables(model);
    expect(found.map((t) => [t.rows.length, t.header.length])).toEqual(expected.map(([, rows, cols]) => [rows, cols]));
    for (const t of found) for (const row of t.rows) expect(row.length).toBe(t.header.length);
  });

  it('keeps the hostile industry in one matrix column and its name whole', () => {
    const matrix = tables(marked.lexer(md))[modelTables(model).findIndex(([name]) => name === 'matrix')];
    const headers = matrix.header.map((h) => visibleText(marked.parseInline(h.text, { async: false }) as string));
    expect(headers).toContain(HOSTILE_INDUSTRY);
  });

  it('keeps every SVG picture as one raw HTML block', () => {
    const blocks = marked.lexer(md).filter((t) => t.type === 'html' && t.raw.includes('<svg'));
    expect(blocks.length).toBe(model.communities.length);
    for (const b of blocks) expect(b.raw.trim()).toMatch(/<\/svg>\n<\/div>$/);
  });
});
