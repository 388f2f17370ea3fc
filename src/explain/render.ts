// The text form of an explain report: header, forms, documents, then relations grouped by type
// (outgoing before incoming, RELATED_TO last and summarized), each with its evidence sentences.
import type { EntityReport, EvidenceItem } from './report.ts';

export interface RenderOptions {
  /** ansi: bold (for a terminal); brackets: 【name】 (for pipes and files). */
  highlight: 'ansi' | 'brackets';
}

const MARKS = {
  ansi: ['\x1b[1m', '\x1b[22m'],
  brackets: ['【', '】'],
} as const;

export function highlightSentence(ev: Pick<EvidenceItem, 'sentence' | 'highlights'>, style: RenderOptions['highlight']): string {
  const [open, close] = MARKS[style];
  let out = '';
  let at = 0;
  for (const [s, e] of ev.highlights) {
    out += ev.sentence.slice(at, s) + open + ev.sentence.slice(s, e) + close;
    at = e;
  }
  return out + ev.sentence.slice(at);
}

export function renderReport(report: EntityReport, options: RenderOptions): string {
  const lines: string[] = [];
  lines.push(`${report.type} ${report.name}`);
  lines.push(`  key: ${report.key}   confidence: ${report.confidence}   mentions: ${report.mentions}`);
  lines.push(`  aliases: ${report.aliases.length ? report.aliases.join('、') : '(none)'}`);
  lines.push(`  documents (${report.documents.length}):`);
  for (const d of report.documents) lines.push(`    ${d.path}${d.title ? ` — ${d.title}` : ''}`);
  if (!report.groups.length) lines.push('', 'No typed relations.');
  for (const group of report.groups) {
    const arrow = group.direction === 'out' ? `${report.name} -${group.type}->` : `-${group.type}-> ${report.name}`;
    lines.push('', `${group.type} (${group.direction === 'out' ? 'outgoing' : 'incoming'}, ${group.relations.length}): ${arrow}`);
    for (const r of group.relations) {
      const flags = [r.planned ? 'planned' : '', `confidence ${r.confidence}`, `${r.evidenceCount} sentence${r.evidenceCount === 1 ? '' : 's'}`].filter(Boolean).join(', ');
      lines.push(`  ${group.direction === 'out' ? '→' : '←'} ${r.partner.type} ${r.partner.name}  (${flags})`);
      for (const ev of r.evidence) {
        lines.push(`      “${highlightSentence(ev, options.highlight)}”`);
        lines.push(`        — ${ev.path}${ev.article ? ` › ${ev.article}` : ''} [${ev.start}–${ev.end}]`);
      }
      if (r.evidenceCount > r.evidence.length) lines.push(`      (+${r.evidenceCount - r.evidence.length} more)`);
    }
  }
  const { partners, top } = report.related;
  if (partners) {
    lines.push('', `RELATED_TO (co-occurrence only, not typed): ${partners} entit${partners === 1 ? 'y' : 'ies'}`);
    lines.push(`  ${top.map((t) => `${t.partner.name} (${t.partner.type}, ${t.sentences})`).join('、')}${partners > top.length ? ` … and ${partners - top.length} more` : ''}`);
  }
  return lines.join('\n');
}
