import type { EntityType, MentionSource } from '../../types.ts';
import type { Lexicon } from '../lexicon.ts';
import type { Token } from '../tokens.ts';

/** One sentence as the candidate generators see it; offsets in candidates are relative to `text`. */
export interface SentenceContext {
  text: string;
  tokens: Token[];
  lexicon: Lexicon;
  /** Where tokens end: computed once per sentence for the generators that test word boundaries. */
  tokenEnds?: Set<number>;
}

export function tokenEnds(ctx: SentenceContext): Set<number> {
  return (ctx.tokenEnds ??= new Set(ctx.tokens.map((t) => t.end)));
}

export interface Candidate {
  start: number;
  end: number;
  type: EntityType;
  source: MentionSource;
  score: number;
  /** The entity's name when it differs from the surface (quotes removed, head noun added, full place name). */
  name?: string;
  /** Other forms this mention vouches for (the bare quoted name …). */
  aliases?: string[];
  /** The bare level word the name starts with (市委, 市科技创新委员会 → 市): context supplies the place. */
  levelPrefix?: string;
}

export type CandidateGenerator = (ctx: SentenceContext) => Candidate[];
