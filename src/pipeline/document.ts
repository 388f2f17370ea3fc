// One document through the per-document stages: clean → extract → resolve → relate. Pure: the same
// RawDocument always gives the same result, so workers may run it in parallel and a cache may skip it.
// A very large document goes through them in bounded pieces (src/clean/pieces.ts), joined afterwards,
// so that its cost grows linearly with its length.
import type { Document, Entity, RawDocument, Relation } from '../types.ts';
import { cleanPiece, documentTitle } from '../clean/index.ts';
import { joinDocuments, splitText, type PieceShift } from '../clean/pieces.ts';
import { extractMentions } from '../extract/index.ts';
import { loadLexicon } from '../extract/lexicon.ts';
import { resolveDocument } from '../resolve/entities.ts';
import { mergeEntities } from '../resolve/merge.ts';
import { relate } from '../relate/index.ts';
import { mergeRelations } from '../relate/merge.ts';

export interface DocumentResult {
  doc: Document;
  entities: Entity[];
  relations: Relation[];
}

function processPiece(raw: RawDocument): DocumentResult {
  const lexicon = loadLexicon();
  const doc = cleanPiece(raw);
  const { mentions, tokens } = extractMentions(doc, lexicon);
  const entities = resolveDocument(doc, mentions, lexicon);
  const relations = relate({ doc, entities, mentions, tokens });
  return { doc, entities, relations };
}

export function processDocument(raw: RawDocument): DocumentResult {
  const pieces = splitText(raw.text);
  if (pieces.length === 1) return processPiece(raw);
  const results = pieces.map((text) => processPiece({ ...raw, text }));
  const { doc, shifts } = joinDocuments(results.map((r) => r.doc), (articles) => documentTitle(raw, articles));
  // An entity or relation found in several pieces is one, as it is when found in several sentences.
  const entities = mergeEntities(results.map((r, i) => r.entities.map((e) => shiftEntity(e, shifts[i]!))));
  const relations = mergeRelations(results.map((r, i) => r.relations.map((rel) => shiftRelation(rel, shifts[i]!))));
  return { doc, entities, relations };
}

function shiftEntity(e: Entity, { offset, sentence }: PieceShift): Entity {
  return { ...e, mentions: e.mentions.map((m) => ({ ...m, start: m.start + offset, end: m.end + offset, sentence: m.sentence + sentence })) };
}

function shiftRelation(r: Relation, { offset }: PieceShift): Relation {
  return { ...r, evidence: r.evidence.map((ev) => ({ ...ev, start: ev.start + offset, end: ev.end + offset })) };
}
