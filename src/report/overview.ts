// Overview: the documents, entity counts by type, relation counts by type, and the untyped co-occurrences.
import { ENTITY_TYPES, RELATION_TYPES } from '../types.ts';
import type { ReportContext } from './context.ts';
import type { Overview } from './model.ts';

const TOP_COOCCURRENCES = 10;

/** `onlyCited`: list only the documents some evidence comes from (a neighbourhood report). */
export function overview(context: ReportContext, onlyCited: boolean): Overview {
  const cited = new Set<string>();
  context.graph.forEachEdge((_e, attrs) => attrs.evidence?.forEach((ev) => cited.add(ev.doc)));
  const documents = [...context.documents.values()]
    .filter((d) => !onlyCited || cited.has(d.id))
    .sort((a, b) => (a.path + '\u0000' + a.id < b.path + '\u0000' + b.id ? -1 : 1))
    .map((d) => ({
      id: d.id, path: d.path, title: d.title,
      articles: (d.articles ?? []).map((a) => ({ title: a.title, authors: a.authors ?? [], affiliation: a.affiliation ?? null })),
    }));

  const entityCounts = ENTITY_TYPES.map((type) => ({ type, count: 0 }));
  for (const ref of context.refs.values()) entityCounts[ENTITY_TYPES.indexOf(ref.type)].count++;
  const relationCounts = RELATION_TYPES.map((type) => ({ type, count: 0 }));
  for (const r of context.relations) relationCounts[RELATION_TYPES.indexOf(r.type)].count++;

  return {
    documents,
    entityCounts,
    relationCounts,
    cooccurrence: {
      count: context.cooccurrences.length,
      top: context.cooccurrences.slice(0, TOP_COOCCURRENCES).map((c) => ({
        a: context.refs.get(c.a)!, b: context.refs.get(c.b)!, sentences: c.sentences,
      })),
    },
  };
}
