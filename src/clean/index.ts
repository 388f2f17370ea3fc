// Clean: RawDocument → Document. Linear passes over the text:
//   lines (doubled print, line kinds, title blocks, layout) → unwrap (paragraphs) → structure
//   (headings, furniture) → articles (bodies, titles, attribution) → sentences.
// The cleaned text holds one paragraph a line, furniture included, so that every offset slices it.
import { basename, extname } from 'node:path';
import type { Article, Document, Paragraph, RawDocument, Sentence } from '../types.ts';
import { attribute } from './articles.ts';
import { joinDocuments, splitText } from './pieces.ts';
import { detectLayout, markTitles, readLines } from './lines.ts';
import { splitSentences } from './sentences.ts';
import { structure } from './structure.ts';
import { unwrap } from './unwrap.ts';

/** Line separators, BOM and zero-width characters, which carry no text. */
function normalizeInput(text: string): string {
  return text.replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n').replace(/[\ufeff\u200b-\u200d\u2060]/g, '');
}

export function cleanDocument(raw: RawDocument): Document {
  const pieces = splitText(raw.text);
  if (pieces.length === 1) return cleanPiece(raw);
  return joinDocuments(pieces.map((text) => cleanPiece({ ...raw, text })), (articles) => documentTitle(raw, articles)).doc;
}

/** What a document is called: its container's title, its one article's, else its file's name. */
export function documentTitle(raw: RawDocument, articles: Article[]): string {
  return raw.meta.title?.trim() || (articles.length === 1 && articles[0]!.title) || basename(raw.path, extname(raw.path));
}

/** One piece (all of an ordinary document) of text cleaned. */
export function cleanPiece(raw: RawDocument): Document {
  const lines = readLines(normalizeInput(raw.text));
  const layout = detectLayout(lines);
  markTitles(lines, layout);
  const paras = structure(unwrap(lines, layout));
  const { articles: drafts, unattributed } = attribute(paras, layout.wrapped, raw.meta.title);

  const paragraphs: Paragraph[] = [];
  const sentences: Sentence[] = [];
  let text = '';
  paras.forEach((p, index) => {
    if (index > 0) text += '\n';
    const start = text.length;
    text += p.text;
    paragraphs.push({ start, end: text.length, article: p.article, heading: p.heading, kind: p.kind });
    for (const s of splitSentences(p.text)) {
      sentences.push({ index: sentences.length, start: start + s.start, end: start + s.end, paragraph: index, article: p.article });
    }
  });
  const articles: Article[] = drafts.map((d) => ({
    title: d.title,
    authors: d.authors,
    affiliation: d.affiliation,
    start: paragraphs[d.first]?.start ?? 0,
    end: paragraphs[d.last]?.end ?? text.length,
  }));
  if (articles.length === 1 && drafts[0]!.first === 0) {
    articles[0]!.start = 0;
    articles[0]!.end = text.length;
  }
  // A page of several articles has no title of its own: name it after its file.
  return { id: raw.id, path: raw.path, title: documentTitle(raw, articles), text, articles, paragraphs, sentences, unattributed };
}
