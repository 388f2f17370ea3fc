// A place followed by its government head's title (广东省省长 孟凡利, 深圳市市长覃伟中) names the place's
// people's government as well: the Organization 广东省人民政府, written here as the place (its alias too).
import type { Candidate, SentenceContext } from './types.ts';

export function governmentCandidates({ tokens, lexicon }: SentenceContext): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    // The short title list first: most words are no title, and the place table is large.
    if (!lexicon.governmentTitles.has(tokens[i + 1]!.word)) continue;
    const place = lexicon.places.get(tokens[i]!.word);
    if (!place) continue;
    out.push({ start: tokens[i]!.start, end: tokens[i]!.end, type: 'Organization', source: 'context', score: 0.7, name: `${place.name}人民政府` });
  }
  return out;
}
