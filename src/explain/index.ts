// `zhengtu explain`: graph + name → report model (find.ts, report.ts) → text (render.ts).
import type { KnowledgeGraph } from '../graph/io.ts';
import type { EntityType } from '../types.ts';
import { findEntity, type EntityRef } from './find.ts';
import { explainEntity, type EntityReport, type ReportOptions } from './report.ts';

export { findEntity, closeNames, normalizeName, type EntityRef, type Lookup } from './find.ts';
export { explainEntity, articleTitle, type EntityReport, type ReportOptions } from './report.ts';
export { renderReport, highlightSentence, type RenderOptions } from './render.ts';

export type Explained =
  | { kind: 'found'; report: EntityReport }
  | { kind: 'ambiguous'; candidates: EntityRef[] }
  | { kind: 'not-found'; suggestions: EntityRef[] };

export function explain(graph: KnowledgeGraph, name: string, options: ReportOptions & { type?: EntityType } = {}): Explained {
  const lookup = findEntity(graph, name, options.type);
  if (lookup.kind !== 'found') return lookup;
  return { kind: 'found', report: explainEntity(graph, lookup.entity.key, options) };
}
