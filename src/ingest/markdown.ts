// Markdown (also Markdown whose bodies are HTML fragments, as in transcripts scraped from the web) →
// plain text. marked turns it into HTML, embedded HTML passes through unchanged, and the same reading
// as for web pages turns that into lines (text-rules.ts): headings and paragraphs one a line, links →
// their text, images dropped, entities decoded, Markdown syntax gone. No DOM is needed for that: the
// text is read straight from the HTML parser's events (html-text.ts).
import { requireCjs } from '../util/require-cjs.ts';
import { htmlDocumentText } from './html-text.ts';

const { Marked } = requireCjs('marked') as typeof import('marked');

const marked = new Marked({ async: false, gfm: true });

export interface MarkdownText {
  text: string;
  /** The first heading, when there is one. */
  title?: string;
}

export function markdownToText(source: string): MarkdownText {
  return htmlDocumentText(marked.parse(source, { async: false }) as string);
}
