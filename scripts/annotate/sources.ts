// The texts of the annotated corpus, read from ../shared/corpus at training and evaluation time (the
// corpus may not be copied into the repository, so an annotation records where its excerpt comes from
// and a digest of it, never the text). The reading is deliberately simple and frozen: a change here
// changes every excerpt, and the digests then say so.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from '../../src/ingest/csv.js';

export const SHARED_CORPUS = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus');

export interface SourceRef {
  /** Path under shared/corpus, e.g. `xinwenlianbo/20240101.md`. */
  file: string;
  /** JSONL record index (reports/national) — absent for one-document files. */
  record?: number;
}

const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ldquo: '“', rdquo: '”', middot: '·', hellip: '…', mdash: '—' };

function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|h\d|li)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
      return ENTITIES[e.toLowerCase()] ?? m;
    });
}

function paragraphs(text: string): string[] {
  return text.split(/\r?\n/).map((l) => l.replace(/[ \t\u3000\u00a0]+/g, ' ').trim()).filter((l) => l.length > 0);
}

/** A 新闻联播 day as stories, each its title line followed by its paragraphs. */
export function newsStories(markdown: string): string[][] {
  const detail = markdown.indexOf('## 详细新闻');
  const body = detail >= 0 ? markdown.slice(detail) : markdown;
  const stories: string[][] = [];
  for (const chunk of body.split(/^### /m).slice(1)) {
    const nl = chunk.indexOf('\n');
    const title = chunk.slice(0, nl).trim();
    const rest = chunk.slice(nl + 1).replace(/\[查看原文\]\([^)]*\)/g, '');
    const paras = paragraphs(htmlToText(rest)).filter((p) => p !== '央视网消息（新闻联播）：');
    stories.push([title, ...paras]);
  }
  return stories;
}

/** The paragraphs of a source document: a news day's stories flattened, or a report's lines. */
export function sourceParagraphs(ref: SourceRef): string[] {
  const path = join(SHARED_CORPUS, ref.file);
  const raw = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  if (ref.file.endsWith('.md')) return newsStories(raw).flat();
  if (ref.file.endsWith('.jsonl')) {
    const line = raw.split('\n')[ref.record ?? 0];
    return paragraphs(JSON.parse(line).content as string);
  }
  if (ref.file.endsWith('.txt')) return paragraphs(raw);
  if (ref.file.endsWith('.csv')) {
    const [header, first] = parseCsv(raw);
    const col = header.fields.indexOf('full_text');
    return paragraphs(first.fields[col]);
  }
  throw new Error(`${ref.file}: not a corpus file this reader knows (.md, .jsonl, .csv, .txt)`);
}

export interface Excerpt extends SourceRef {
  /** Paragraph range [from, to) of sourceParagraphs(ref). */
  paragraphs: [number, number];
  sha1: string;
}

export function excerptText(ex: SourceRef & { paragraphs: [number, number] }): string {
  return sourceParagraphs(ex).slice(ex.paragraphs[0], ex.paragraphs[1]).join('\n');
}

export function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** The excerpt's text, checked against the digest recorded when it was drawn. */
export function readExcerpt(ex: Excerpt): string {
  const text = excerptText(ex);
  if (sha1(text) !== ex.sha1) {
    throw new Error(`${ex.file}${ex.record !== undefined ? '#' + ex.record : ''}: the excerpt no longer matches its recorded digest (the corpus or scripts/annotate/sources.ts changed); restore them or re-align the annotation`);
  }
  return text;
}
