// Entities of every type from the statistical tagger (src/extract/model), trained on public NER data
// and our annotated corpus. It runs on every sentence and its best tagging decides: each span is a
// candidate, scored by its type's precision on held-out sentences; the rules' candidates still win on
// equal length (《》 titles, quoted names with their heads, central organs come first).
import type { Candidate, SentenceContext } from './types.ts';
import { loadEntityTagger, type EntityTagger } from '../model/tagger.ts';

let tagger: EntityTagger | undefined;

/** Loads the tagger now rather than on the first sentence (its weight table takes a moment). */
export function prepareModel(): void {
  tagger ??= loadEntityTagger();
}

/** The tagger's spans as candidates; `rules` are the rules' proposals for the sentence, its features. */
export function modelCandidates(ctx: SentenceContext, rules: Candidate[]): Candidate[] {
  tagger ??= loadEntityTagger();
  const { text, lexicon } = ctx;
  const out: Candidate[] = [];
  for (const found of tagger.predict(text, ctx.tokens, false, rules)) {
    const span = balanced(found, text);
    if (!span) continue;
    const name = text.slice(span.start, span.end);
    if (lexicon.nonentities.has(name) || lexicon.genericModifiers.has(name)) continue;
    // One character names nobody in this genre's prose (中 of 中美 is an adjective, not a place).
    if (name.length < 2) continue;
    out.push({ start: span.start, end: span.end, type: span.type, source: 'model', score: span.score });
  }
  return out;
}

const PAIRS: [string, string][] = [['“', '”'], ['《', '》'], ['（', '）'], ['(', ')'], ['‘', '’']];

/**
 * A name never holds half a pair of quotes or brackets: a span that starts just inside its opening mark
 * (氢能走廊”示范工程 of “氢能走廊”示范工程) takes the mark in; one that cannot be balanced so is dropped.
 */
function balanced<T extends { start: number; end: number }>(span: T, text: string): T | undefined {
  let { start, end } = span;
  for (const [open, close] of PAIRS) {
    const name = text.slice(start, end);
    const opens = name.split(open).length - 1;
    const closes = name.split(close).length - 1;
    if (opens === closes) continue;
    if (closes === opens + 1 && text[start - 1] === open) start--;
    else if (opens === closes + 1 && text[end] === close) end++;
    else return undefined;
  }
  return start === span.start && end === span.end ? span : { ...span, start, end };
}
