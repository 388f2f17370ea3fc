// Relate: typed relations with evidence (filled in by the relation patterns).
import type { Document, Entity, Relation } from '../types.ts';
import type { ExtractedMention } from '../extract/index.ts';
import type { Token } from '../extract/tokens.ts';

export interface RelateInput {
  doc: Document;
  entities: Entity[];
  mentions: ExtractedMention[];
  tokens: Token[][];
}

export function relate(_input: RelateInput): Relation[] {
  return [];
}
