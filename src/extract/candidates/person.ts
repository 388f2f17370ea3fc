// Persons: jieba's person-name tags checked against the surname list, and names standing next to a
// title (省长 王清宪, 市长覃伟中, 习近平总书记).
import type { Candidate, SentenceContext } from './types.ts';
import type { Lexicon } from '../lexicon.ts';
import type { Token } from '../tokens.ts';

export function looksLikePersonName(name: string, lexicon: Lexicon): boolean {
  if (name.length < 2 || name.length > 4 || !/^[\u4e00-\u9fa5]+$/.test(name) || lexicon.persons.notLastChars.includes(name.at(-1)!)) return false;
  const surname = lexicon.surnames.has(name.slice(0, 2)) && name.length >= 3 ? name.slice(0, 2) : name[0]!;
  return lexicon.surnames.has(surname) && !lexicon.personTitles.has(name) && !lexicon.nonentities.has(name);
}

const patterns = new WeakMap<Lexicon, RegExp>();

/** A title, optional space, then a 2–3 character name that ends at a space, punctuation or a word of afterName. */
function titledNamePattern(lexicon: Lexicon): RegExp {
  let re = patterns.get(lexicon);
  if (!re) {
    const titles = [...lexicon.personTitles].sort((a, b) => b.length - a.length).join('|');
    re = new RegExp(`(?:${titles})[ \\u3000]?([\\u4e00-\\u9fa5]{2,3}?)(?=[ \\u3000，。、：:（]|$|${lexicon.persons.afterName.join('|')})`, 'g');
    patterns.set(lexicon, re);
  }
  return re;
}

export function personCandidates({ text, tokens, lexicon }: SentenceContext): Candidate[] {
  const out: Candidate[] = [];
  // jieba's person tag alone is weak (it tags 高水平 nr): trust it for names jieba knows whole (nrfg)
  // and for names next to a title (习近平总书记, 副部长 郑秀玉).
  const isTitle = (t: Token | undefined) => t !== undefined && lexicon.personTitles.has(t.word);
  let hasTitle = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (lexicon.personTitles.has(t.word)) hasTitle = true;
    // jieba tags names it does not know `x`: those count only beside a title.
    const tag = t.tag;
    if (!(tag === 'nr' || tag === 'nrfg' || tag === 'nrt' || (tag === 'x' && t.word.length >= 2))) continue;
    if (lexicon.places.has(t.word)) continue;
    const known = tag === 'nrfg' && t.word.length >= 2 && t.word.length <= 4;
    const titled = (tokens[i + 1] !== undefined && lexicon.titlesAfterName.has(tokens[i + 1]!.word)) || isTitle(tokens[i - 1]) || (tokens[i - 1]?.word.trim() === '' && isTitle(tokens[i - 2]));
    if ((known || titled) && looksLikePersonName(t.word, lexicon)) {
      out.push({ start: t.start, end: t.end, type: 'Person', source: 'jieba', score: known ? 0.85 : 0.8 });
    }
  }
  if (!hasTitle) return out;
  for (const m of text.matchAll(titledNamePattern(lexicon))) {
    const name = m[1]!;
    const start = m.index! + m[0].length - name.length;
    // A name that jieba reads as one ordinary word (强调, 顾问) is not a name.
    const covering = tokens.filter((t) => t.start < start + name.length && start < t.end);
    if (covering.length === 1 && !/^(nr|x)/.test(covering[0]!.tag)) continue;
    if (looksLikePersonName(name, lexicon)) out.push({ start, end: start + name.length, type: 'Person', source: 'context', score: 0.8 });
  }
  return out;
}
