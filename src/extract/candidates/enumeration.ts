// Enumerations closed by a category noun type their items: “围绕A、B和C等优势产业” → Industry A, B, C;
// “落实A、B等各项政策” → Policy A, B. Lists are split; the first item starts after the verb or
// preposition that governs the list.
import type { EntityType } from '../../types.ts';
import type { Lexicon } from '../lexicon.ts';
import { isPunctuation } from '../tokens.ts';
import type { Candidate, SentenceContext } from './types.ts';

const terminators = new WeakMap<Lexicon, RegExp>();

function terminatorPattern(lexicon: Lexicon): RegExp {
  let re = terminators.get(lexicon);
  if (!re) {
    const { qualifiers, heads } = lexicon.enumeration;
    const alt = (xs: string[]) => [...xs].sort((a, b) => b.length - a.length).join('|');
    re = new RegExp(`(?:等(?:[\\d一二三四五六七八九十]+个)?|[\\d一二三四五六七八九十]+个)(?:${alt(qualifiers)})?(${alt(Object.keys(heads))})`, 'g');
    terminators.set(lexicon, re);
  }
  return re;
}

const CLAUSE = /[，。；：！？,;:!?（）()]/;

export function enumerationCandidates(ctx: SentenceContext): Candidate[] {
  const { text, tokens, lexicon } = ctx;
  const { separators, heads, maxItemChars } = lexicon.enumeration;
  const out: Candidate[] = [];
  if (!text.includes('、') && !text.includes('个')) return out;
  let floor = 0;
  for (const m of text.matchAll(terminatorPattern(lexicon))) {
    const type = heads[m[1]!] as EntityType;
    const listEnd = m.index!;
    let listStart = listEnd;
    while (listStart > floor && !CLAUSE.test(text[listStart - 1]!)) listStart--;
    floor = listEnd + m[0].length;
    const items = splitItems(text, listStart, listEnd, separators);
    if (items.length < 2 && !/个/.test(m[0])) continue;
    // The first item begins after the last word that cannot be part of a name (对, 围绕, 布局 …).
    const head = items[0];
    if (head) {
      const inside = tokens.filter((t) => t.start >= head.start && t.end <= head.end);
      const stop = inside.findLastIndex(
        (t) => lexicon.nameBreakers.has(t.word) || isPunctuation(t.word) || /^(p|c|uj|d|r)$/.test(t.tag) || (t.word.length === 1 && /^(v|a)$/.test(t.tag)),
      );
      if (stop >= 0) head.start = inside[stop]!.end;
    }
    for (const item of items) {
      const surface = text.slice(item.start, item.end);
      if (!acceptItem(surface, type, lexicon, maxItemChars)) continue;
      out.push({ start: item.start, end: item.end, type, source: 'enumeration', score: 0.8 });
    }
  }
  return out;
}

function splitItems(text: string, start: number, end: number, separators: string[]): { start: number; end: number }[] {
  const items: { start: number; end: number }[] = [];
  let from = start;
  for (let i = start; i < end; ) {
    const sep = separators.find((s) => text.startsWith(s, i));
    if (sep && i > from) {
      items.push({ start: from, end: i });
      from = i + sep.length;
      i = from;
    } else i++;
  }
  if (end > from) items.push({ start: from, end });
  return items;
}

function acceptItem(surface: string, type: EntityType, lexicon: Lexicon, maxChars: number): boolean {
  if (surface.length < 2 || surface.length > maxChars) return false;
  if (!/^[\u4e00-\u9fa5A-Za-z0-9]+$/.test(surface) || /^[\d.]+$/.test(surface)) return false;
  if (lexicon.nonentities.has(surface) || lexicon.genericModifiers.has(surface.slice(0, 2))) return false;
  // An item with an organization's or program's head, or a facility's, is not an industry (开源鸿蒙适配中心, 训练场).
  if (type === 'Industry' && lexicon.notIndustryTails.some((h) => surface.endsWith(h))) return false;
  // A two-character item is a domain word (科技, 教育, 人才) unless the lexicon knows it as an industry.
  if (type === 'Industry' && surface.length === 2 && !lexicon.industries.has(surface)) return false;
  return true;
}
