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
 * The tagger runs only on clauses where jieba saw a word it does not know (x) that the rules left
 * uncovered: that is where it can add a name (潍柴, 中物院), and it keeps the tagger off most text.
 */
function clausesWorthTagging(ctx: SentenceContext, found: Candidate[]): [number, number][] {
  const { tokens } = ctx;
  const clauses: [number, number][] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.tag !== 'x' || t.word.length < 2 || !CJK.test(t.word)) continue;
    if (found.some((c) => c.type !== 'Place' && c.start <= t.start && t.end <= c.end)) continue;
    let first = i;
    while (first > 0 && !CLAUSE.test(tokens[first - 1]!.word)) first--;
    let last = i;
    while (last + 1 < tokens.length && !CLAUSE.test(tokens[last + 1]!.word)) last++;
    if (!clauses.some(([a]) => a === first)) clauses.push([first, last + 1]);
    i = last;
  }
  return clauses;
}

const CJK = /[\u4e00-\u9fa5]/;
const CLAUSE = /^[，。；：！？,;:!?]$/;

/** Loads the tagger now rather than on the first sentence that needs it (8 MB of weights). */
export function prepareModel(): void {
  tagger ??= loadOrgTagger();
}

export function modelCandidates(ctx: SentenceContext, found: Candidate[] = []): Candidate[] {
  const clauses = clausesWorthTagging(ctx, found);
  if (!clauses.length) return [];
  tagger ??= loadOrgTagger();
  const { text, tokens } = ctx;
  const out: Candidate[] = [];
  for (const [first, end] of clauses) {
    const from = tokens[first]!.start;
    const clause = tokens.slice(first, end);
    for (const span of tagger.predict(text.slice(from, tokens[end - 1]!.end), clause)) {
      const candidate = accept({ start: from + span.start, end: from + span.end, score: span.score }, ctx);
      if (candidate) out.push(candidate);
    }
  }
  return out;
}

function accept(span: { start: number; end: number; score: number }, ctx: SentenceContext): Candidate | undefined {
  const { text, tokens, lexicon } = ctx;
  const name = text.slice(span.start, span.end);
  if (span.score < MIN_SCORE || name.length < 2 || lexicon.nonentities.has(name) || lexicon.genericModifiers.has(name)) return undefined;
  if (!/^[\u4e00-\u9fa5A-Za-z]/.test(name) || /[，。；：、（）()“”]/.test(name)) return undefined;
  // Latin text only as an acronym (CCTV), never as running English words.
  if (!CJK.test(name) && !/^[A-Z]{2,8}$/.test(name)) return undefined;
  // Spans must start and end on jieba word boundaries, and not with a verb.
  const first = tokens.find((t) => t.start === span.start);
  if (!first || !tokens.some((t) => t.end === span.end) || /^(v|p|c|d|u)/.test(first.tag)) return undefined;
  if (lexicon.places.has(name) || lexicon.industries.has(name)) return undefined;
  // Out of its domain the tagger also takes common nouns (新兴学科): keep spans holding an unknown or proper word.
  const inside = tokens.filter((t) => t.start >= span.start && t.end <= span.end);
  if (!inside.some((t) => /^(x|nt|nz|nrt|ns|eng|j)$/.test(t.tag) && !isPunctuation(t.word) && !lexicon.industries.has(t.word))) return undefined;
  return { start: span.start, end: span.end, type: 'Organization', source: 'model', score: Math.min(0.75, span.score) };
}
