// Clean: RawDocument → Document (cleaned text, articles, paragraphs, sentences with offsets).
// (Minimal first version: one paragraph a line, sentences split on 。！？. The cleaning work replaces this.)
import type { Document, Paragraph, RawDocument, Sentence } from '../types.ts';

export function cleanDocument(raw: RawDocument): Document {
  const text = raw.text.replace(/\r\n?/g, '\n');
  const paragraphs: Paragraph[] = [];
  const sentences: Sentence[] = [];
  let pos = 0;
  for (const line of text.split('\n')) {
    const start = pos;
    const end = pos + line.length;
    pos = end + 1;
    if (!line.trim()) continue;
    paragraphs.push({ start, end, article: 0, heading: 0 });
    const re = /[^。！？；]+[。！？；]?/g;
    for (const m of line.matchAll(re)) {
      sentences.push({ index: sentences.length, start: start + m.index!, end: start + m.index! + m[0].length, paragraph: paragraphs.length - 1, article: 0 });
    }
  }
  const title = text.split('\n').find((l) => l.trim())?.trim() ?? raw.path;
  return { id: raw.id, path: raw.path, title, text, articles: [{ title, authors: [], affiliation: null, start: 0, end: text.length }], paragraphs, sentences, unattributed: [] };
}
