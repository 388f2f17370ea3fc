// PDF → text from pdfjs's text layer. Lines are rebuilt from the items' positions: a new line where an
// item says it ends one (hasEOL) or where the baseline moves; a space between items on one line only
// where there is a visible gap and the neighbours are not both Chinese (CJK text has no spaces).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { IngestFailure, oneLine } from './failure.ts';
import { tidyLines } from './text-rules.ts';

export const NO_TEXT_LAYER = 'PDF has no text layer (scanned?); run OCR first';

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/;
/** Baseline shift, as a share of the font height, that starts a new line. */
const NEW_LINE_SHIFT = 0.5;
/** Horizontal gap, as a share of the font height, that stands for a space. */
const SPACE_GAP = 0.2;

const pdfjsDir = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/** Text items of one page → lines. */
export function itemsToLines(items: TextItem[]): string[] {
  const lines: string[] = [];
  let line = '';
  let lastY: number | null = null;
  let lastEndX = 0;
  let lastHeight = 0;
  for (const item of items) {
    const [, , , scaleY, x, y] = item.transform;
    const height = item.height || Math.abs(scaleY) || 1;
    if (line && lastY !== null && Math.abs(y - lastY) > Math.max(height, lastHeight) * NEW_LINE_SHIFT) {
      lines.push(line);
      line = '';
    } else if (line && item.str && x - lastEndX > height * SPACE_GAP) {
      const before = line[line.length - 1];
      const after = item.str[0];
      if (before !== ' ' && after !== ' ' && !(CJK.test(before) && CJK.test(after))) line += ' ';
    }
    line += item.str;
    if (item.str) {
      lastY = y;
      lastEndX = x + item.width;
      lastHeight = height;
    }
    if (item.hasEOL) {
      lines.push(line);
      line = '';
    }
  }
  if (line) lines.push(line);
  return lines;
}

export interface PdfText {
  text: string;
  pages: number;
}

export async function pdfToText(bytes: Uint8Array): Promise<PdfText> {
  // Loaded on first use: pdfjs is large and most batches have no PDF in them.
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = getDocument({
    data: new Uint8Array(bytes), // pdfjs takes ownership of (detaches) the buffer it is given
    cMapUrl: join(pdfjsDir, 'cmaps') + '/', // Chinese PDFs use predefined CJK CMaps
    cMapPacked: true,
    standardFontDataUrl: join(pdfjsDir, 'standard_fonts') + '/',
    isEvalSupported: false,
    disableFontFace: true,
    verbosity: 0,
  });
  try {
    let doc;
    try {
      doc = await task.promise;
    } catch (err) {
      if ((err as Error)?.name === 'PasswordException') throw new IngestFailure('PDF is password-protected; remove the password first');
      throw new IngestFailure(`corrupt or truncated PDF: ${oneLine(err)}`);
    }
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      try {
        const page = await doc.getPage(n);
        const content = await page.getTextContent();
        pages.push(itemsToLines(content.items.filter((i) => 'str' in i) as TextItem[]).join('\n'));
        page.cleanup();
      } catch (err) {
        throw new IngestFailure(`corrupt or truncated PDF: page ${n}: ${oneLine(err)}`);
      }
    }
    const text = tidyLines(pages.join('\n'));
    if (!text) throw new IngestFailure(NO_TEXT_LAYER);
    return { text, pages: doc.numPages };
  } finally {
    await task.destroy();
  }
}
