// Shared tests for what can stand inside a name, used by the generators that extend names leftwards.
import type { Lexicon } from '../lexicon.ts';
import { isPunctuation, type Token } from '../tokens.ts';

const NAME_TAGS = /^(n|nr|nrfg|nrt|ns|nt|nz|ng|l|j|a|an|b|vn|eng|x|i|s|f|m)$/;

/** Can this token continue a name to its left? */
export function isNameToken(token: Token, lexicon: Lexicon): boolean {
  if (isPunctuation(token.word) || lexicon.nameBreakers.has(token.word) || lexicon.personTitles.has(token.word)) return false;
  // Idioms that open with an adverb or verb (不断完善, 加快建设) break names too.
  if (token.word.length >= 4 && lexicon.nameBreakers.has(token.word.slice(0, 2))) return false;
  if (token.tag === 'm' && !/^[一二三四五六七八九十百千万\d]+$/.test(token.word)) return false;
  if (token.tag === 'f' && token.word.length < 2) return false;
  if (NAME_TAGS.test(token.tag)) return true;
  return lexicon.nameVerbs.has(token.word);
}

/** Is every word of `tokens` a generic modifier (国家, 重点, 企业 …), so that they name nothing? */
export function allGeneric(words: string[], lexicon: Lexicon, subjectsToo = false): boolean {
  return words.every(
    (w) => lexicon.genericModifiers.has(w) || (subjectsToo && lexicon.genericSubjects.has(w)) || /^[\d一二三四五六七八九十]+$/.test(w),
  );
}

/** The words from token `first` up to `headStart` (a head may begin inside a token: 市委|党校). */
export function wordsBefore(text: string, tokens: Token[], first: number, headStart: number): string[] {
  const words: string[] = [];
  for (let i = first; i < tokens.length && tokens[i]!.start < headStart; i++) {
    words.push(text.slice(tokens[i]!.start, Math.min(tokens[i]!.end, headStart)));
  }
  return words;
}

/** Does the text hold a proper part: a place, an organ or a proper-noun token? */
export function hasProperPart(text: string, tokens: Token[], lexicon: Lexicon): boolean {
  // Industry names are known to the dictionary too, but name no body (工业互联网平台).
  if (tokens.some((t) => /^(ns|nt|nz|eng)$/.test(t.tag) && !isPunctuation(t.word) && !lexicon.industries.has(t.word))) return true;
  for (const _ of lexicon.placeTrie.matches(text)) return true;
  for (const _ of lexicon.organTrie.matches(text)) return true;
  return false;
}

/** Tokens that lie within [start, end). */
export function tokensIn(tokens: Token[], start: number, end: number): Token[] {
  return tokens.filter((t) => t.start >= start && t.end <= end);
}

/**
 * Extends a name leftwards from token index `i` (exclusive) over name-like tokens, up to `maxChars`.
 * Returns the index of the first token of the name.
 */
export function extendLeft(tokens: Token[], i: number, end: number, lexicon: Lexicon, maxChars = 24): number {
  let first = i;
  while (first > 0) {
    const prev = tokens[first - 1]!;
    if (end - prev.start > maxChars) break;
    // A bracketed part inside a name: 上海（长三角）国际科技创新中心.
    if (prev.word === '）' || prev.word === ')') {
      const open = tokens.slice(Math.max(0, first - 6), first - 1).findLastIndex((t) => t.word === '（' || t.word === '(');
      const at = open < 0 ? -1 : Math.max(0, first - 6) + open;
      if (at > 0 && isNameToken(tokens[at - 1]!, lexicon)) {
        first = at;
        continue;
      }
      break;
    }
    if (!isNameToken(prev, lexicon)) break;
    first--;
  }
  return first;
}
