// One document through the per-document stages: clean → extract → resolve → relate. Pure: the same
// RawDocument always gives the same result, so workers may run it in parallel and a cache may skip it.
import type { Document, Entity, RawDocument, Relation } from '../types.ts';
import { cleanDocument } from '../clean/index.ts';
import { extractMentions } from '../extract/index.ts';
import { loadLexicon } from '../extract/lexicon.ts';
import { resolveDocument } from '../resolve/entities.ts';
import { relate } from '../relate/index.ts';

export interface DocumentResult {
  doc: Document;
  entities: Entity[];
  relations: Relation[];
}

export function processDocument(raw: RawDocument): DocumentResult {
  const lexicon = loadLexicon();
  const doc = cleanDocument(raw);
  const { mentions, tokens } = extractMentions(doc, lexicon);
  const entities = resolveDocument(doc, mentions, lexicon);
  const relations = relate({ doc, entities, mentions, tokens });
  return { doc, entities, relations };
}
