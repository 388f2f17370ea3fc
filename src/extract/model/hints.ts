// What the rules said about each character, as model features: the candidate generators (《》 titles,
// quoted names, head-noun names, dictionaries, enumerations, persons by title …) propose spans, and the
// tagger learns from annotated text how far to trust each kind of proposal for each type. Per position,
// the outermost proposal covering it: its source, type and the position's place in it (B, I, E, S).
import type { EntityType, MentionSource } from '../../types.ts';
import type { Token } from '../tokens.ts';

export interface Hint {
  start: number;
  end: number;
  type: EntityType;
  source: MentionSource;
}

const SOURCES: MentionSource[] = ['book-title', 'quote', 'suffix', 'lexicon', 'enumeration', 'strategy', 'byline', 'jieba', 'gazetteer', 'model', 'context'];
const TYPES: EntityType[] = ['Organization', 'Program', 'Industry', 'Policy', 'Person', 'Place'];

/**
 * Writes into `out` (length ≥ 2n) two small codes per position, 0 when no proposal covers it:
 * source × type × place of the outermost proposal, and type × place alone (shared across sources).
 */
export function encodeHints(n: number, hints: readonly Hint[], out: Int32Array): void {
  out.fill(0, 0, 2 * n);
  const span = new Int32Array(n);
  for (const h of hints) {
    const length = h.end - h.start;
    const source = SOURCES.indexOf(h.source) + 1;
    const type = TYPES.indexOf(h.type) + 1;
    for (let i = Math.max(0, h.start); i < Math.min(n, h.end); i++) {
      if (span[i] >= length) continue;
      span[i] = length;
      const place = length === 1 ? 4 : i === h.start ? 1 : i === h.end - 1 ? 3 : 2;
      out[2 * i] = (source * 8 + type) * 8 + place;
      out[2 * i + 1] = type * 8 + place;
    }
  }
}

/** The rules, as the extractor runs them on one sentence (tokens with offsets). */
export type HintProvider = (text: string, tokens: Token[]) => Hint[];

let provider: HintProvider | undefined;

/**
 * The extractor registers its rules here when it loads (src/extract/index.ts), so that the tagger,
 * which sits below the rules, can ask for their proposals when a caller gives none.
 */
export function registerHintProvider(rules: HintProvider): void {
  provider = rules;
}

export function hintProvider(): HintProvider {
  if (!provider) throw new Error('the entity model was trained with the rules as features: import src/extract/index.ts before tagging');
  return provider;
}
