// Whole-file formats: bytes → text and what the format knew about it. One small reader per format;
// the libraries are loaded on first use so a batch of plain text never pays for pdfjs or mammoth.
import type { RawDocument } from '../types.ts';
import { decodeText, encodingMeta } from './decode.ts';
import { IngestFailure } from './failure.ts';

export interface FormatText {
  format: RawDocument['format'];
  text: string;
  meta: Record<string, string>;
}

export type FormatReader = (bytes: Buffer) => Promise<FormatText>;

const withTitle = (meta: Record<string, string>, title: string | undefined) => (title ? { ...meta, title } : meta);

const readTxt: FormatReader = async (bytes) => {
  const decoded = decodeText(bytes);
  return { format: 'txt', text: decoded.text, meta: encodingMeta(decoded) };
};

const readMarkdown: FormatReader = async (bytes) => {
  const decoded = decodeText(bytes);
  const { markdownToText } = await import('./markdown.ts');
  const { text, title } = markdownToText(decoded.text);
  if (!text) throw new IngestFailure('no text in the Markdown file');
  return { format: 'md', text, meta: withTitle(encodingMeta(decoded), title) };
};

const readHtml: FormatReader = async (bytes) => {
  const decoded = decodeText(bytes);
  const { htmlToText } = await import('./html.ts');
  const { text, title, extractor } = htmlToText(decoded.text);
  if (!text) throw new IngestFailure('no text in the HTML page');
  return { format: 'html', text, meta: withTitle({ ...encodingMeta(decoded), extractor }, title) };
};

const readDocx: FormatReader = async (bytes) => {
  if (bytes.length === 0) throw new IngestFailure('empty file');
  const { docxToText } = await import('./docx.ts');
  const text = await docxToText(bytes);
  if (!text) throw new IngestFailure('DOCX has no text');
  return { format: 'docx', text, meta: {} };
};

const readPdf: FormatReader = async (bytes) => {
  if (bytes.length === 0) throw new IngestFailure('empty file');
  const { pdfToText } = await import('./pdf.ts');
  const { text, pages } = await pdfToText(bytes);
  return { format: 'pdf', text, meta: { pages: String(pages) } };
};

/** Whole-file readers by lower-case extension. */
export const FILE_READERS: Record<string, FormatReader> = {
  '.txt': readTxt,
  '.md': readMarkdown,
  '.markdown': readMarkdown,
  '.html': readHtml,
  '.htm': readHtml,
  '.docx': readDocx,
  '.pdf': readPdf,
};
