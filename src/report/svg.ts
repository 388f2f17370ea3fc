// Inline SVG pictures drawn from model data: horizontal bar charts and a circular layout of a community.
// Deterministic (no randomness, positions rounded) and self-contained (no scripts, no external references).
import type { EntityType } from '../types.ts';
import { escapeHtml } from './escape.ts';
import type { BarChart, Community, EntityRef } from './model.ts';

export const TYPE_COLORS: Record<EntityType, string> = {
  Organization: '#1f77b4',
  Program: '#ff7f0e',
  Industry: '#2ca02c',
  Policy: '#d62728',
  Person: '#9467bd',
  Place: '#8c564b',
};

const FONT = `font-family="'WenQuanYi Micro Hei','Noto Sans CJK SC','Microsoft YaHei',sans-serif"`;
const MAX_PICTURE_NODES = 24;

const r1 = (x: number) => Math.round(x * 10) / 10;

function shorten(name: string, max: number): string {
  const chars = [...name];
  return chars.length > max ? chars.slice(0, max - 1).join('') + '…' : name;
}

/** A label, linked to the entity's card when it has one; the full name is the tooltip. */
function label(entity: EntityRef, max: number, attrs: string): string {
  const text = `<text ${attrs}><title>${escapeHtml(entity.name)} (${entity.type})</title>${escapeHtml(shorten(entity.name, max))}</text>`;
  return entity.card ? `<a href="#${entity.card}">${text}</a>` : text;
}

/** One SVG element per line and no blank lines, so that Markdown keeps it as one raw HTML block. */
export function barChartSvg(chart: BarChart): string {
  const rowHeight = 24;
  const labelWidth = 210;
  const barWidth = 360;
  const width = labelWidth + barWidth + 50;
  const height = chart.bars.length * rowHeight + 8;
  const max = Math.max(...chart.bars.map((b) => b.value), 1);
  const lines = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" ${FONT} font-size="13">`,
    `<title>${escapeHtml(chart.title)} (${escapeHtml(chart.unit)})</title>`,
  ];
  chart.bars.forEach((bar, i) => {
    const y = 4 + i * rowHeight;
    const w = r1((bar.value / max) * barWidth);
    lines.push(label(bar.entity, 14, `x="${labelWidth - 8}" y="${y + 16}" text-anchor="end"`));
    lines.push(`<rect x="${labelWidth}" y="${y + 3}" width="${w}" height="${rowHeight - 6}" fill="${TYPE_COLORS[bar.entity.type]}"/>`);
    lines.push(`<text x="${r1(labelWidth + w + 6)}" y="${y + 16}">${bar.value}</text>`);
  });
  lines.push('</svg>');
  return lines.join('\n');
}

/** Members on a circle in the model's order (most central at the top, going clockwise), links as lines. */
export function networkSvg(community: Community): string {
  const members = community.members.slice(0, MAX_PICTURE_NODES);
  const size = 380;
  const [cx, cy] = [size / 2 + 60, size / 2];
  const radius = members.length > 2 ? 125 : 80;
  const at = members.map((_, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / members.length;
    return { x: cx + radius * Math.cos(angle), y: cy + radius * Math.sin(angle), cos: Math.cos(angle), sin: Math.sin(angle) };
  });
  const types = [...new Set(members.map((m) => m.type))];
  const width = size + 120;
  const height = size + 24;
  const lines = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="network" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" ${FONT} font-size="12">`,
    `<title>Community ${community.id}: ${community.members.length} entities</title>`,
  ];
  for (const [i, j] of community.links) {
    if (i >= members.length || j >= members.length) continue;
    lines.push(`<line x1="${r1(at[i].x)}" y1="${r1(at[i].y)}" x2="${r1(at[j].x)}" y2="${r1(at[j].y)}" stroke="#999" stroke-width="1.2"/>`);
  }
  members.forEach((m, i) => {
    const p = at[i];
    const anchor = p.cos > 0.2 ? 'start' : p.cos < -0.2 ? 'end' : 'middle';
    const lx = p.x + 12 * p.cos;
    const ly = p.y + 12 * p.sin + (p.sin > 0.2 ? 10 : p.sin < -0.2 ? -2 : 4);
    lines.push(`<circle cx="${r1(p.x)}" cy="${r1(p.y)}" r="7" fill="${TYPE_COLORS[m.type]}" stroke="#fff" stroke-width="1.5"/>`);
    lines.push(label(m, 12, `x="${r1(lx)}" y="${r1(ly)}" text-anchor="${anchor}"`));
  });
  types.forEach((type, i) => {
    const x = 10 + i * 82;
    lines.push(`<circle cx="${x + 6}" cy="${height - 10}" r="5" fill="${TYPE_COLORS[type]}"/>`);
    lines.push(`<text x="${x + 15}" y="${height - 6}" font-size="11">${type}</text>`);
  });
  lines.push('</svg>');
  return lines.join('\n');
}

export const PICTURE_LIMIT = MAX_PICTURE_NODES;
