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
  for (const span of tagger.predict(text, ctx.tokens, false, rules)) {
    const name = text.slice(span.start, span.end);
    if (lexicon.nonentities.has(name) || lexicon.genericModifiers.has(name)) continue;
    // One character names nobody in this genre's prose (中 of 中美 is an adjective, not a place).
    if (name.length < 2) continue;
    out.push({ start: span.start, end: span.end, type: span.type, source: 'model', score: span.score });
  }
  return out;
}
