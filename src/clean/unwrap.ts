// Unwrap pass: joins the hard line breaks inside paragraphs (Chinese without a space, Latin words
// with one), keeps paragraph starts (indentation, headings, blank lines after a finished sentence,
// page furniture), and removes the spaces a justified PDF column puts between ideographs.
import { CLASS, CLOSE, HAN, is, isLatinLetter, OPEN, PUNCT, SPACE, TIGHT } from './chars.ts';
import type { Layout, Line, LineKind } from './lines.ts';

export interface Block {
  text: string;
  /** Kind of the block's first line. */
  kind: LineKind;
  /** Number of source lines joined. */
  lines: number;
  /** Column width: widest line but the last (the last line of a paragraph is usually short). */
  width: number;
}

/** A line is full when it reaches this share of its neighbours' width: the column wraps it. */
const FULL_SHARE = 0.75;
const MAX_COLUMN_WIDTH = 80;

const FURNITURE: ReadonlySet<LineKind> = new Set(['byline', 'label', 'blockLabel', 'affiliation', 'title']);

function unclosedAffiliation(text: string): boolean {
  const last = text[text.length - 1];
  return last !== '）' && last !== ')';
}

function continues(cur: Line[], kind: LineKind, text: string, next: Line, layout: Layout): boolean {
  const last = cur[cur.length - 1]!;
  if (kind === 'title') return next.kind === 'title';
  if (kind === 'affiliation') return unclosedAffiliation(text) && next.kind === 'text' && cur.length < 4;
  if (FURNITURE.has(kind) || FURNITURE.has(next.kind)) return false;
  // A line that ends on an opening quote or bracket, or one that starts by closing one or with
  // a comma, is never a paragraph of its own (wiki and web text break lines around links so).
  if (is(text[text.length - 1], OPEN) || is(next.content[0], CLOSE | TIGHT)) return true;
  if (!layout.wrapped) return text.endsWith('——') && next.kind === 'text';
  if (layout.indented && next.indent > 0) return false;
  if (next.kind === 'heading') {
    if (next.headingLevel <= 2 && (next.blankBefore || last.endsSentence)) return false;
    if (next.blankBefore && last.endsSentence) return false;
  }
  if (last.width > MAX_COLUMN_WIDTH) return false;
  const before = cur.length > 1 ? cur[cur.length - 2]!.width : 0;
  const full = last.width >= FULL_SHARE * Math.max(next.width, before);
  if (last.endsSentence) return full && layout.indented && !next.blankBefore;
  return full;
}

/**
 * Collapses whitespace runs to one space, and drops them where they are layout, not text:
 * beside sentence punctuation (“成效 ，为”) always, and between any wide characters of a
 * paragraph that a justified column wrapped (“环境 好 ，则 人 才 聚”).
 */
export function normalizeSpaces(text: string, justified: boolean): string {
  const table = CLASS;
  const n = text.length;
  let out = '';
  let copied = 0;
  for (let i = 0; i < n; i++) {
    if ((table[text.charCodeAt(i)]! & SPACE) === 0) continue;
    let j = i;
    while (j < n && (table[text.charCodeAt(j)]! & SPACE) !== 0) j++;
    const before = i > 0 ? table[text.charCodeAt(i - 1)]! : 0;
    const after = j < n ? table[text.charCodeAt(j)]! : 0;
    const edge = i === 0 || j === n;
    const wide = (before & (HAN | PUNCT)) !== 0 && (after & (HAN | PUNCT)) !== 0;
    const drop = edge || (wide && (justified || ((before | after) & TIGHT) !== 0));
    if (drop || j - i > 1 || text[i] !== ' ') {
      out += text.slice(copied, i) + (drop ? '' : ' ');
      copied = j;
    }
    i = j - 1;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

export function unwrap(lines: Line[], layout: Layout): Block[] {
  const blocks: Block[] = [];
  let cur: Line[] = [];
  let text = '';
  let kind: LineKind = 'text';
  const flush = (): void => {
    if (!cur.length) return;
    const furniture = kind === 'title' || kind === 'byline' || kind === 'label' || kind === 'blockLabel';
    let width = cur[0]!.width;
    for (let k = 1; k < cur.length - 1; k++) width = Math.max(width, cur[k]!.width);
    blocks.push({ text: normalizeSpaces(text, !furniture && layout.wrapped && cur.length > 1), kind, lines: cur.length, width });
    cur = [];
  };
  for (const line of lines) {
    if (cur.length && continues(cur, kind, text, line, layout)) {
      const a = text[text.length - 1]!;
      const b = line.content[0]!;
      text += kind === 'title' || (isLatinLetter(a) && isLatinLetter(b)) ? ' ' : '';
      text += line.content;
      cur.push(line);
      continue;
    }
    flush();
    cur = [line];
    text = line.content;
    kind = line.kind;
  }
  flush();
  return blocks;
}
