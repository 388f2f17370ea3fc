// Organizations from the statistical tagger trained on CLUENER2020 (src/extract/model): it finds names
// past the head-noun rules, such as companies written without 公司 (潍柴). It was trained on other news,
// so its spans are only taken where the rules found nothing, and only where they look like names:
// a confident span of two or more characters, holding a proper or unknown word, not starting with a verb.
import type { Candidate, SentenceContext } from './types.ts';
import { loadOrgTagger, type OrgTagger } from '../model/tagger.ts';
import { isPunctuation } from '../tokens.ts';

const MIN_SCORE = 0.6;
let tagger: OrgTagger | undefined;

/**
 * The tagger runs only where jieba saw an organization-like or unknown word (nt, x) that the rules left
 * uncovered: that is where it can add a name, and it keeps the tagger off most sentences.
 */
function worthTagging(ctx: SentenceContext, found: Candidate[]): boolean {
  return ctx.tokens.some(
    (t) =>
      (t.tag === 'x' || t.tag === 'nt') &&
      t.word.length >= 2 &&
      /[\u4e00-\u9fa5]/.test(t.word) &&
      !found.some((c) => c.type !== 'Place' && c.start <= t.start && t.end <= c.end),
  );
}

export function modelCandidates(ctx: SentenceContext, found: Candidate[] = []): Candidate[] {
  if (!worthTagging(ctx, found)) return [];
  tagger ??= loadOrgTagger();
  const { text, tokens, lexicon } = ctx;
  const out: Candidate[] = [];
  for (const span of tagger.predict(text, tokens)) {
    const name = text.slice(span.start, span.end);
    if (span.score < MIN_SCORE || name.length < 2 || lexicon.nonentities.has(name) || lexicon.genericModifiers.has(name)) continue;
    if (!/^[\u4e00-\u9fa5A-Za-z]/.test(name) || /[，。；：、（）()“”]/.test(name)) continue;
    // Latin text only as an acronym (CCTV), never as running English words.
    if (!/[\u4e00-\u9fa5]/.test(name) && !/^[A-Z]{2,8}$/.test(name)) continue;
    // Spans must start and end on jieba word boundaries, and not with a verb.
    const first = tokens.find((t) => t.start === span.start);
    if (!first || !tokens.some((t) => t.end === span.end) || /^(v|p|c|d|u)/.test(first.tag)) continue;
    if (lexicon.places.has(name) || lexicon.industries.has(name)) continue;
    // Out of its domain the tagger also takes common nouns (新兴学科): keep spans holding a proper or unknown word.
    const inside = tokens.filter((t) => t.start >= span.start && t.end <= span.end);
    if (!inside.some((t) => /^(x|nt|nz|nrt|ns|eng|j)$/.test(t.tag) && !isPunctuation(t.word) && !lexicon.industries.has(t.word))) continue;
    out.push({ start: span.start, end: span.end, type: 'Organization', source: 'model', score: Math.min(0.75, span.score) });
  }
  return out;
}
