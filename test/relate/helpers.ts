// Relations of a small document: clean → extract → resolve → relate, as `source -TYPE-> target`
// strings (entity names, RELATED_TO left out), planned ones marked.
import { processDocument, type DocumentResult } from '../../src/pipeline/document.ts';
import type { Relation } from '../../src/types.ts';

export function processText(text: string, id = 'doc'): DocumentResult {
  return processDocument({ id, path: `${id}.txt`, format: 'txt', text, meta: {} });
}

export function describeRelation(result: DocumentResult, r: Relation): string {
  const name = (key: string) => result.entities.find((e) => e.key === key)?.name ?? key;
  return `${name(r.source)} -${r.type}${r.planned ? '(planned)' : ''}-> ${name(r.target)}`;
}

/** Typed relations of a text, optionally only of one type. */
export function relationsOf(text: string, type?: string): string[] {
  const result = processText(text);
  return result.relations
    .filter((r) => r.type !== 'RELATED_TO' && (!type || r.type === type))
    .map((r) => describeRelation(result, r))
    .sort();
}
