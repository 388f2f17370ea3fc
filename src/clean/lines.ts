// Line pass: splits the raw text into lines, restores doubled print, and classifies each line
// (byline, label, affiliation, heading, text), then finds title blocks (short lines standing
// right above a byline) and decides the layout: hard-wrapped columns or one paragraph a line.
import { displayWidth, endsSentence, indentWidth, isSpace } from './chars.ts';
import { restoreDoubled } from './doubled.ts';
import { affiliations, bylines, headings, labels } from './patterns.ts';

export type LineKind = 'text' | 'heading' | 'byline' | 'label' | 'blockLabel' | 'affiliation' | 'title';

export interface Line {
  /** The line without indentation or trailing whitespace, doubled print restored. */
  content: string;
  indent: number;
  /** Display width including indentation. */
  width: number;
  kind: LineKind;
  headingLevel: number;
  /** A blank line stands between this line and the previous non-blank one. */
  blankBefore: boolean;
  endsSentence: boolean;
}

export interface Layout {
  /** Paragraphs are hard-wrapped into columns (PDF) rather than one a line. */
  wrapped: boolean;
  /** Paragraph starts are indented (so an unindented line continues a paragraph). */
  indented: boolean;
}

/** Title blocks hold at most this many lines, each at most this wide. */
const MAX_TITLE_LINES = 3;
const MAX_TITLE_WIDTH = 40;
/** Wrapped columns are narrower than this. */
const MAX_COLUMN_WIDTH = 80;

export function headingLevel(s: string): number {
  for (const { level, re } of headings.levels) if (re.test(s)) return level;
  return 0;
}

/** Names in a byline line, or null when the line is not a byline. */
export function bylineNames(s: string): string[] | null {
  const m = bylines.prefix.exec(s);
  if (!m) return null;
  const tokens = s.slice(m[0].length).trim().split(bylines.separators).filter(Boolean);
  // Two-character names are letter-spaced to the width of three (“杨  迅”): rejoin them.
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (tokens[i]!.length === 1 && tokens[i + 1]!.length === 1) tokens.splice(i, 2, tokens[i]! + tokens[i + 1]!);
  }
  const names: string[] = [];
  for (const t of tokens) {
    if (bylines.prefixOnly.test(t)) continue;
    if (!bylines.name.test(t)) return null;
    names.push(t);
  }
  return names.length > 0 && names.length <= bylines.maxNames ? names : null;
}

function compact(s: string): string {
  let out = '';
  for (const c of s) if (!isSpace(c)) out += c;
  return out;
}

function classify(content: string): { kind: LineKind; level: number } {
  const first = content[0]!;
  if (first === '（' || first === '(') {
    if (affiliations.start.test(content)) return { kind: 'affiliation', level: 0 };
  }
  if (labels.markers.has(first) && compact(content).length <= labels.maxChars + 1) return { kind: 'label', level: 0 };
  const bare = content.replace(/[:：]$/, '');
  if (labels.blockLabels.has(bare)) return { kind: 'blockLabel', level: 0 };
  if (bylineNames(content)) return { kind: 'byline', level: 0 };
  const level = headingLevel(content);
  if (level) return { kind: 'heading', level };
  return { kind: 'text', level: 0 };
}

/** Non-blank lines of the document, classified. */
export function readLines(text: string): Line[] {
  const out: Line[] = [];
  let blank = false;
  let pos = 0;
  while (pos <= text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    const raw = restoreDoubled(text.slice(pos, nl));
    pos = nl + 1;
    const content = raw.trim();
    if (!content) {
      blank = true;
      continue;
    }
    const { kind, level } = classify(content);
    out.push({
      content,
      indent: indentWidth(raw),
      width: displayWidth(raw.trimEnd()),
      kind,
      headingLevel: level,
      blankBefore: blank,
      endsSentence: endsSentence(content),
    });
    blank = false;
  }
  return out;
}

/**
 * Hard-wrapped text shows many consecutive lines of the same width that break mid-sentence;
 * one-paragraph-a-line text almost never does.
 */
export function detectLayout(lines: Line[]): Layout {
  let sameWidth = 0;
  let indentedLines = 0;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.indent > 0) indentedLines++;
    const next = lines[i + 1];
    if (!next || l.endsSentence || l.width < 6 || l.width > MAX_COLUMN_WIDTH) continue;
    if (Math.abs(l.width - next.width) <= 2) sameWidth++;
  }
  const wrapped = sameWidth >= 3 && sameWidth >= 0.2 * lines.length;
  return { wrapped, indented: wrapped && indentedLines >= 2 };
}

/**
 * Marks title blocks: up to three short, unindented lines right above a byline, themselves
 * preceded by a blank line, a label, the document start or (one paragraph a line) a finished
 * paragraph. The column layout prints such blocks away from their articles; they are furniture.
 */
export function markTitles(lines: Line[], layout: Layout): void {
  for (let b = 0; b < lines.length; b++) {
    if (lines[b]!.kind !== 'byline') continue;
    const block: number[] = [];
    let i = b - 1;
    while (i >= 0 && block.length < MAX_TITLE_LINES) {
      const l = lines[i]!;
      const candidate =
        l.kind === 'text' &&
        l.width <= MAX_TITLE_WIDTH &&
        (!layout.indented || l.indent === 0) &&
        !l.content.startsWith('——') &&
        !/[。；，]$/.test(l.content);
      if (!candidate) break;
      block.push(i);
      i--;
      // One paragraph a line: a blank line ends the block (a column page spaces its title lines).
      if (!layout.wrapped && l.blankBefore) break;
    }
    // The block must start cleanly: after a blank line, a label, a byline or the document start.
    while (block.length) {
      const top = block[block.length - 1]!;
      const l = lines[top]!;
      const above = lines[top - 1];
      if (!above || l.blankBefore || above.kind === 'label' || above.kind === 'byline' || (!layout.wrapped && above.endsSentence)) break;
      block.pop();
    }
    for (const t of block) lines[t]!.kind = 'title';
  }
}
