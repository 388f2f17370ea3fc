// Entities of every type from the statistical tagger (src/extract/model), trained on public NER data
// and our annotated corpus. It runs on every sentence; a span becomes a candidate when the model's own
// calibrated probability says it is more likely right than wrong, and the rules' near-certain
// candidates (《》 titles, quoted names with their heads, central organs) still win on equal length.
import type { Candidate, SentenceContext } from './types.ts';
import { loadEntityTagger, type EntityTagger } from '../model/tagger.ts';

/** A calibrated probability: above one half, the span is more likely right than wrong. */
const MIN_SCORE = Number(process.env.ZT_MIN ?? 0.5);
let tagger: EntityTagger | undefined;

/** Loads the tagger now rather than on the first sentence (its weight table takes a moment). */
export function prepareModel(): void {
  tagger ??= loadEntityTagger();
}

export function modelCandidates(ctx: SentenceContext): Candidate[] {
  tagger ??= loadEntityTagger();
  const { text, lexicon } = ctx;
  const out: Candidate[] = [];
  for (const span of tagger.predict(text, ctx.tokens)) {
    if (span.score < MIN_SCORE) continue;
    const name = text.slice(span.start, span.end);
    if (lexicon.nonentities.has(name) || lexicon.genericModifiers.has(name)) continue;
    // One character names nobody in this genre's prose (中 of 中美 is an adjective, not a place).
    if (name.length < 2) continue;
    out.push({ start: span.start, end: span.end, type: span.type, source: 'model', score: span.score });
  }
  return out;
}
