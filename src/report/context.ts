// What every section needs, computed once from the graph in a canonical order (sorted keys, sorted evidence,
// content-derived anchors), so that the same graph gives the same report whatever order it was read in.
import { createHash } from 'node:crypto';
import type { KnowledgeGraph } from '../graph/io.ts';
import { RELATION_TYPES, RELATED_TO } from '../types.ts';
import type { Evidence, RelationType, SourceDocument } from '../types.ts';
import type { EntityRef } from './model.ts';

/** Entity types that get a card. */
export const CARD_TYPES = ['Organization', 'Program', 'Policy'] as const;

export interface TypedRelation {
  anchor: string;
  type: RelationType;
  source: string;
  target: string;
  evidence: Evidence[];
  confidence: number;
  planned: boolean;
}

export interface Cooccurrence {
  a: string;
  b: string;
  sentences: number;
}

export interface ReportContext {
  graph: KnowledgeGraph;
  refs: Map<string, EntityRef>;
  /** Typed relations, RELATED_TO excluded, sorted by type, source, target. */
  relations: TypedRelation[];
  cooccurrences: Cooccurrence[];
  documents: Map<string, SourceDocument>;
  compareRefs: (a: EntityRef, b: EntityRef) => number;
}

export function anchor(prefix: string, text: string): string {
  return `${prefix}-${createHash('sha1').update(text).digest('hex').slice(0, 10)}`;
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function canonicalEvidence(evidence: Evidence[] | undefined): Evidence[] {
  const seen = new Map<string, Evidence>();
  for (const e of evidence ?? []) seen.set(JSON.stringify([e.doc, e.start, e.end, e.sentence]), e);
  return [...seen.entries()].sort(([a], [b]) => byCodePoint(a, b)).map(([, e]) => e);
}

export function createContext(graph: KnowledgeGraph): ReportContext {
  const collator = new Intl.Collator('zh-Hans-CN');
  const refs = new Map<string, EntityRef>();
  for (const key of graph.nodes().sort(byCodePoint)) {
    const { type, name } = graph.getNodeAttributes(key);
    refs.set(key, { key, name, type, card: (CARD_TYPES as readonly string[]).includes(type) ? anchor('e', key) : null });
  }

  // One relation per (type, source, target): parallel edges pool their evidence, as they do in Neo4j. An edge
  // without evidence is not a relation (the guideline requires evidence; the loader skips it too).
  const merged = new Map<string, Omit<TypedRelation, 'anchor'>>();
  const pairs = new Map<string, Cooccurrence>();
  graph.forEachEdge((_edge, attrs, source, target) => {
    if (!attrs.evidence?.length) return;
    if (attrs.type === RELATED_TO) {
      const [a, b] = [source, target].sort(byCodePoint);
      const pair = pairs.get(`${a}\u0000${b}`) ?? { a, b, sentences: 0 };
      pair.sentences += canonicalEvidence(attrs.evidence).length;
      pairs.set(`${a}\u0000${b}`, pair);
      return;
    }
    if (!(RELATION_TYPES as readonly string[]).includes(attrs.type)) return;
    const id = `${source}\u0000${attrs.type}\u0000${target}`;
    const seen = merged.get(id);
    if (seen) {
      seen.evidence = canonicalEvidence([...seen.evidence, ...attrs.evidence]);
      seen.confidence = Math.max(seen.confidence, attrs.confidence ?? 0);
      seen.planned &&= attrs.planned === true;
    } else {
      merged.set(id, {
        type: attrs.type as RelationType, source, target, evidence: canonicalEvidence(attrs.evidence),
        confidence: attrs.confidence ?? 0, planned: attrs.planned === true,
      });
    }
  });
  const order = (r: Omit<TypedRelation, 'anchor'>) => [RELATION_TYPES.indexOf(r.type), r.source, r.target] as const;
  const relations: TypedRelation[] = [...merged.values()]
    .sort((x, y) => {
      const [a, b] = [order(x), order(y)];
      return a[0] - b[0] || byCodePoint(a[1], b[1]) || byCodePoint(a[2], b[2]);
    })
    .map((r) => ({ ...r, anchor: anchor('r', `${r.source}\u0000${r.type}\u0000${r.target}`) }));

  // Documents as the loader keeps them: every document a node or an edge refers to, the path standing in for a
  // missing one, so that a graph read back from Neo4j lists the same documents.
  const documents = new Map<string, SourceDocument>();
  for (const doc of graph.getAttribute('documents') ?? []) {
    documents.set(doc.id, { ...doc, path: doc.path || doc.id, title: doc.title ?? '', articles: doc.articles ?? [] });
  }
  const cite = (id: string) => {
    if (!documents.has(id)) documents.set(id, { id, path: id, title: '', articles: [] });
  };
  graph.forEachNode((_key, attrs) => {
    attrs.docs?.forEach(cite);
    attrs.mentions?.forEach((m) => cite(m.doc));
  });
  graph.forEachEdge((_edge, attrs) => attrs.evidence?.forEach((ev) => cite(ev.doc)));

  // Names in collation order (pinyin for Chinese), ranked once: sorting by rank is what every section does.
  const sorted = [...refs.values()].sort((a, b) => collator.compare(a.name, b.name) || byCodePoint(a.key, b.key));
  const rank = new Map(sorted.map((ref, i) => [ref.key, i]));

  return {
    graph, refs, relations, documents,
    cooccurrences: [...pairs.values()].sort((x, y) => y.sentences - x.sentences || byCodePoint(x.a + x.b, y.a + y.b)),
    compareRefs: (a, b) => rank.get(a.key)! - rank.get(b.key)!,
  };
}
