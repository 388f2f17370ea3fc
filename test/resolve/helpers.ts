// Documents from a few lines of text, through clean → extract → resolve.
import { cleanDocument } from '../../src/clean/index.ts';
import { extractMentions } from '../../src/extract/index.ts';
import { loadLexicon } from '../../src/extract/lexicon.ts';
import { resolveDocument } from '../../src/resolve/entities.ts';
import type { Document, Entity } from '../../src/types.ts';

export const lexicon = loadLexicon();

export function documentOf(text: string, id = 'doc', path = `${id}.txt`): Document {
  return cleanDocument({ id, path, format: 'txt', text, meta: {} });
}

export function resolved(text: string, id = 'doc'): { doc: Document; entities: Entity[] } {
  const doc = documentOf(text, id);
  const { mentions } = extractMentions(doc, lexicon);
  return { doc, entities: resolveDocument(doc, mentions, lexicon) };
}

export const byKey = (entities: Entity[], key: string) => entities.find((e) => e.key === key);
