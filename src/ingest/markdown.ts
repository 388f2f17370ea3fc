// Markdown (also Markdown whose bodies are HTML fragments, as in transcripts scraped from the web) →
// plain text. marked turns it into HTML, embedded HTML passes through unchanged, and the same DOM
// reading as for web pages turns that into lines: headings and paragraphs one a line, links → their
// text, images dropped, entities decoded, Markdown syntax gone.
import { requireCjs } from '../util/require-cjs.ts';
import { nodeText, parseDocument, type DomNode } from './dom-text.ts';

const { Marked } = requireCjs('marked') as typeof import('marked');

const marked = new Marked({ async: false, gfm: true });

export interface MarkdownText {
  text: string;
  /** The first heading, when there is one. */
  title?: string;
}

export function markdownToText(source: string): MarkdownText {
  const html = marked.parse(source, { async: false }) as string;
  const doc = parseDocument(html);
  const heading = doc.querySelector('h1, h2, h3, h4, h5, h6') as unknown as DomNode | null;
  const title = heading ? nodeText(heading) || undefined : undefined;
  return { text: nodeText(doc.body as unknown as DomNode), title };
}
