import type { EntityType, MentionSource } from '../../types.ts';
import type { Lexicon } from '../lexicon.ts';
import type { Token } from '../tokens.ts';

/** One sentence as the candidate generators see it; offsets in candidates are relative to `text`. */
export interface SentenceContext {
  text: string;
  tokens: Token[];
  lexicon: Lexicon;
  /** Where tokens end (1 at each offset where one ends): computed once per sentence, on first need. */
  tokenEnds?: Uint8Array;
}

export function tokenEnds(ctx: SentenceContext): Uint8Array {
  if (!ctx.tokenEnds) {
    const ends = new Uint8Array(ctx.text.length + 1);
    for (const t of ctx.tokens) ends[t.end] = 1;
    ctx.tokenEnds = ends;
  }
  return ctx.tokenEnds;
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
