// `zhengtu inspect <file> [--json]`: ingest and clean one input and show its structure — articles
// with title, authors, affiliation, headings, paragraph and sentence counts, and what could not be
// attributed — or print the cleaned Document as JSON.
import type { Command } from 'commander';
import { cleanDocument } from '../clean/index.ts';
import { ingest, isIngestError } from '../ingest/index.ts';
import type { Document } from '../types.ts';
import { UserError } from '../util/errors.ts';

const PREVIEW = 24;

function preview(text: string, max = PREVIEW): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

export function describe(doc: Document): string {
  const out: string[] = [];
  out.push(`${doc.path}: ${doc.articles.length} article(s), ${doc.paragraphs.length} paragraph(s), ${doc.sentences.length} sentence(s), ${doc.text.length} characters`);
  doc.articles.forEach((a, k) => {
    const paragraphs = doc.paragraphs.filter((p) => p.article === k);
    const body = paragraphs.filter((p) => p.start >= a.start && p.end <= a.end);
    const sentences = doc.sentences.filter((s) => s.article === k);
    out.push('');
    out.push(`[${k + 1}] ${a.title || '(no title found)'}`);
    out.push(`    authors:     ${a.authors.length ? a.authors.join('、') : '—'}`);
    out.push(`    affiliation: ${a.affiliation ?? '—'}`);
    out.push(`    body:        characters ${a.start}–${a.end}, starts “${preview(doc.text.slice(a.start, a.end))}”`);
    out.push(`    counts:      ${body.length} body paragraph(s), ${paragraphs.length - body.length} furniture, ${sentences.length} sentence(s)`);
    const furniture = paragraphs.filter((p) => p.start < a.start || p.end > a.end);
    for (const p of furniture) out.push(`    ${(p.kind ?? 'body').padEnd(12)} ${preview(doc.text.slice(p.start, p.end), 40)}`);
    const heads = body.filter((p) => p.heading > 0);
    if (heads.length) out.push('    headings:');
    for (const h of heads) out.push(`    ${'  '.repeat(h.heading)}${preview(doc.text.slice(h.start, h.end), 40)}`);
  });
  if (doc.unattributed.length) {
    out.push('');
    out.push(`unattributed (${doc.unattributed.length}):`);
    for (const u of doc.unattributed) out.push(`    ${preview(u, 60)}`);
  }
  return out.join('\n');
}

export function register(program: Command): void {
  program
    .command('inspect')
    .description('clean one document and show its articles, headings, paragraphs and sentences')
    .argument('<file>', 'a document (txt, md, html, docx, pdf …)')
    .option('--json', 'print the cleaned Document (text, articles, paragraphs, sentences) as JSON')
    .action(async (file: string, opts: { json?: boolean }) => {
      const docs: Document[] = [];
      for await (const item of ingest([file])) {
        if (isIngestError(item)) throw new UserError(`${item.path}: ${item.message}`);
        docs.push(cleanDocument(item));
      }
      if (!docs.length) throw new UserError(`${file}: no document found there; give a file to inspect`);
      if (opts.json) process.stdout.write(`${JSON.stringify(docs.length === 1 ? docs[0] : docs, null, 2)}\n`);
      else process.stdout.write(`${docs.map(describe).join('\n\n')}\n`);
    });
}
