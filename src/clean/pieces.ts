// One very large document is cleaned (and, in src/pipeline/document.ts, extracted) in bounded pieces, so
// that its cost grows with its length and not faster: some steps compare a page's titles and bylines with
// all its bodies, and a 50 MB file is not a page. A piece ends at a blank line, else at a line end, else
// after a sentence end, else anywhere; the pieces' results are joined with their offsets shifted.
import type { Article, Document, Paragraph, Sentence } from '../types.ts';

/** About 0.3 MB of Chinese in UTF-8: more than a newspaper page or a work report, small enough to stay cheap. */
export const PIECE_CHARS = 100_000;

/** Where to cut before `limit`: the last blank line, line end or sentence end in the piece's second half. */
function cutAt(text: string, from: number, limit: number): number {
  const floor = from + Math.floor((limit - from) / 2);
  for (const mark of ['\n\n', '\n']) {
    const at = text.lastIndexOf(mark, limit - mark.length);
    if (at >= floor) return at + mark.length;
  }
  for (let at = limit - 1; at >= floor; at--) if ('。！？；!?'.includes(text[at]!)) return at + 1;
  return limit;
}

/** The text in pieces of at most `size` characters (one piece when it is no longer). */
export function splitText(text: string, size = PIECE_CHARS): string[] {
  const pieces: string[] = [];
  let from = 0;
  while (text.length - from > size) {
    const to = cutAt(text, from, from + size);
    pieces.push(text.slice(from, to));
    from = to;
  }
  pieces.push(text.slice(from));
  return pieces;
}

/** Where piece i's offsets and indices start in the joined document. */
export interface PieceShift {
  offset: number;
  sentence: number;
}

const shiftArticle = (article: number, by: number) => (article >= 0 ? article + by : article);

/** The pieces' Documents as one (text joined by a newline, one paragraph a line as ever), and the shifts. */
export function joinDocuments(pieces: Document[], title: (articles: Article[]) => string): { doc: Document; shifts: PieceShift[] } {
  const shifts: PieceShift[] = [];
  const articles: Article[] = [];
  const paragraphs: Paragraph[] = [];
  const sentences: Sentence[] = [];
  const unattributed: string[] = [];
  const texts: string[] = [];
  let offset = 0;
  for (const piece of pieces) {
    const [a, p, s] = [articles.length, paragraphs.length, sentences.length];
    shifts.push({ offset, sentence: s });
    for (const x of piece.articles) articles.push({ ...x, start: x.start + offset, end: x.end + offset });
    for (const x of piece.paragraphs) paragraphs.push({ ...x, start: x.start + offset, end: x.end + offset, article: shiftArticle(x.article, a) });
    for (const x of piece.sentences) {
      sentences.push({ index: x.index + s, start: x.start + offset, end: x.end + offset, paragraph: x.paragraph + p, article: shiftArticle(x.article, a) });
    }
    unattributed.push(...piece.unattributed);
    texts.push(piece.text);
    offset += piece.text.length + 1;
  }
  const first = pieces[0]!;
  const doc: Document = { id: first.id, path: first.path, title: title(articles), text: texts.join('\n'), articles, paragraphs, sentences, unattributed };
  return { doc, shifts };
}
