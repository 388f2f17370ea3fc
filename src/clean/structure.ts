// Structure pass: turns unwrapped blocks into typed paragraphs — headings with their level (run-in
// headings like “（一）科技创新生态持续优化。出台了……” are split off), bylines, titles, column
// labels, the block a 阅读提示 label introduces, affiliations — and reads authors and affiliations.
import type { ParagraphKind } from '../types.ts';
import { CLASS, CLOSE, displayWidth, END, endsSentence, is, TIGHT } from './chars.ts';
import { bylineNames, headingLevel } from './lines.ts';
import { affiliations, headings } from './patterns.ts';
import type { Block } from './unwrap.ts';

export interface Para {
  text: string;
  kind: ParagraphKind;
  heading: number;
  /** Source lines and column width, from unwrapping (a split-off heading keeps its block's). */
  lines: number;
  width: number;
  /** Index of the article it belongs to, or -1. */
  article: number;
}

/** Index just past the first sentence end, when it comes before `limit`; else -1. */
function firstSentenceEnd(text: string, limit: number): number {
  const n = Math.min(text.length, limit);
  const table = CLASS;
  for (let i = 0; i < n; i++) if (table[text.charCodeAt(i)]! & END) return i + 1;
  return -1;
}

function textParas(block: Block, next: Block | undefined): Para[] {
  const { text } = block;
  // One literal of one shape for every paragraph (a spread of a base object is slower, and shapeless).
  const para = (text: string, kind: 'heading' | 'body', heading: number): Para => ({ lines: block.lines, width: block.width, article: -1, text, kind, heading });
  const level = headingLevel(text);
  if (level && text.length <= 2 * headings.maxChars && displayWidth(text) <= headings.maxChars) {
    const end = firstSentenceEnd(text, text.length);
    if (end < 0 || end === text.length) return [para(text, 'heading', level)];
  }
  if (level && headings.runInLevels.has(level)) {
    const cut = firstSentenceEnd(text, headings.maxRunInChars + 1);
    if (cut > 0 && cut < text.length) {
      return [
        para(text.slice(0, cut), 'heading', level),
        para(text.slice(cut).trimStart(), 'body', 0),
      ];
    }
  }
  // An unmarked heading: a short line that finishes no sentence, standing above body text.
  const unmarked =
    !level &&
    block.lines === 1 &&
    text.length <= 2 * headings.maxRunInChars &&
    !headings.not.some((re) => re.test(text)) &&
    text.length >= 4 &&
    !is(text[0], CLOSE | TIGHT) &&
    text.split('，').length <= 2 &&
    displayWidth(text) <= headings.maxRunInChars &&
    !endsSentence(text) &&
    next !== undefined &&
    (next.kind === 'text' || next.kind === 'heading') &&
    next.text.length > text.length;
  if (unmarked) return [para(text, 'heading', 1)];
  return [para(text, 'body', 0)];
}

const FURNITURE_KIND: Record<string, ParagraphKind> = {
  title: 'title',
  byline: 'byline',
  label: 'label',
  blockLabel: 'label',
  affiliation: 'affiliation',
};

export function structure(blocks: Block[]): Para[] {
  const paras: Para[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const furniture = FURNITURE_KIND[block.kind];
    if (furniture) {
      paras.push({ text: block.text, kind: furniture, heading: 0, lines: block.lines, width: block.width, article: -1 });
      continue;
    }
    const after = blocks[i - 1]?.kind === 'blockLabel';
    const out = textParas(block, blocks[i + 1]);
    if (after) for (const p of out) p.kind = 'lead';
    paras.push(...out);
  }
  return paras;
}

/** The affiliation named by an affiliation paragraph, or null. */
export function affiliationOf(text: string): string | null {
  for (const re of affiliations.patterns) {
    const m = re.exec(text);
    if (m?.[1]) return m[1];
  }
  return null;
}

export function authorsOf(text: string): string[] {
  return bylineNames(text) ?? [];
}
