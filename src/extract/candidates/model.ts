// Organizations from the statistical tagger trained on CLUENER2020 (src/extract/model): it finds names
// past the suffix rules (companies without 公司, names jieba splits). Off until a model file exists.
import type { Candidate, SentenceContext } from './types.ts';

export function modelCandidates(_ctx: SentenceContext): Candidate[] {
  return [];
}
