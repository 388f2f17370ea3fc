// graph.json → the plain rows the loader writes: entities, documents, and per document its mentions
// and its relationships (one per relation and document, carrying that document's evidence).
//
// Entities and documents are lists; mentions and relationships are made from the graph while the
// loader reads them, a batch at a time, so that a million relations never sit in memory twice (once
// in the graph, once as rows).
import { createHash } from 'node:crypto';
import { ENTITY_TYPES, RELATED_TO, RELATION_TYPES, type EntityType, type NodeAttributes } from '../types.ts';
import type { KnowledgeGraph } from '../graph/io.ts';
import { UserError } from '../util/errors.ts';
import { articleProperties } from './articles.ts';

/** Relationship types the loader writes; Cypher type names come only from this list. */
export const LOADED_RELATION_TYPES = [...RELATION_TYPES, RELATED_TO] as const;
export type LoadedRelationType = (typeof LOADED_RELATION_TYPES)[number];

export interface EntityRow {
  key: string;
  type: EntityType;
  name: string;
  aliases: string[];
  confidence: number;
}

export interface DocumentRow {
  id: string;
  path: string;
  title: string;
  /** The document's articles, as parallel lists (see articles.ts). */
  articles: Record<string, string[] | number[]>;
  /** Hash of everything this document contributes; a document is reloaded when it changes. */
  facts: string;
}

export interface MentionRow {
  doc: string;
  key: string;
  starts: number[];
  ends: number[];
  sentences: number[];
}

export interface RelationshipRow {
  doc: string;
  source: string;
  target: string;
  sentences: string[];
  starts: number[];
  ends: number[];
  confidence: number;
  planned: boolean;
}

export interface GraphRows {
  entities: EntityRow[];
  documents: DocumentRow[];
  /** Row counts over the whole graph. */
  sizes: { mentions: number; relationships: number; evidence: number };
  /** Edges that had no evidence, so no document to belong to: not loaded. */
  skippedEdges: number;
  /** The mentions of these documents, made from the graph as they are read. */
  mentions(docs: ReadonlySet<string>): Generator<MentionRow>;
  /** The relationships of one type that these documents support, made from the graph as they are read. */
  relationships(docs: ReadonlySet<string>, type: LoadedRelationType): Generator<RelationshipRow>;
}

const isEntityType = (t: unknown): t is EntityType => (ENTITY_TYPES as readonly unknown[]).includes(t);
const isRelationType = (t: unknown): t is LoadedRelationType => (LOADED_RELATION_TYPES as readonly unknown[]).includes(t);

/** A node's mention rows, one per document it is named in (restricted to `docs` when given). */
function mentionRowsOf(key: string, a: NodeAttributes, docs?: ReadonlySet<string>): MentionRow[] {
  const byDoc = new Map<string, MentionRow>();
  for (const doc of a.docs ?? []) if (!docs || docs.has(doc)) byDoc.set(doc, { doc, key, starts: [], ends: [], sentences: [] });
  for (const m of a.mentions ?? []) {
    if (docs && !docs.has(m.doc)) continue;
    let row = byDoc.get(m.doc);
    if (!row) byDoc.set(m.doc, (row = { doc: m.doc, key, starts: [], ends: [], sentences: [] }));
    row.starts.push(m.start);
    row.ends.push(m.end);
    row.sentences.push(m.sentence);
  }
  return [...byDoc.values()];
}

export function graphRows(graph: KnowledgeGraph, source = 'graph.json'): GraphRows {
  const documents = new Map<string, Omit<DocumentRow, 'facts'>>();
  for (const d of graph.getAttribute('documents') ?? []) documents.set(d.id, { id: d.id, path: d.path || d.id, title: d.title ?? '', articles: articleProperties(d.articles ?? []) });
  const facts = new Map<string, FactsHash>();
  const factsOf = (id: string) => {
    let f = facts.get(id);
    if (!f) facts.set(id, (f = new FactsHash()));
    return f;
  };
  const ensureDoc = (id: string) => {
    if (!documents.has(id)) documents.set(id, { id, path: id, title: '', articles: articleProperties([]) });
    return factsOf(id);
  };
  const sizes = { mentions: 0, relationships: 0, evidence: 0 };

  const entities: EntityRow[] = [];
  const mentioned = new Set<string>();
  graph.forEachNode((key, a) => {
    if (!isEntityType(a.type)) throw new UserError(`${source}: node ${JSON.stringify(key)} has type ${JSON.stringify(a.type)}, not one of ${ENTITY_TYPES.join(', ')}`);
    entities.push({ key, type: a.type, name: String(a.name ?? key), aliases: (a.aliases ?? []).map(String), confidence: Number(a.confidence ?? 1) });
    for (const row of mentionRowsOf(key, a)) {
      ensureDoc(row.doc).add(JSON.stringify(['m', row.key, row.starts, row.ends, row.sentences]));
      mentioned.add(`${row.doc}\u0000${key}`);
      sizes.mentions++;
    }
  });

  // Edges by type, in graph order. Parallel edges of one type from one node to another are one relation:
  // their evidence is pooled into the rows of the first of them (`lead`), the others are `pooled`.
  const edgesByType = new Map<LoadedRelationType, string[]>(LOADED_RELATION_TYPES.map((t) => [t, []]));
  const lead = new Map<string, string[]>();
  const pooled = new Set<string>();
  /** Sources of relationships their document does not mention: the loader adds those mentions. */
  const extraMentions = new Map<string, string[]>();
  let skippedEdges = 0;
  graph.forEachEdge((edge, a, s, t) => {
    if (!isRelationType(a.type)) throw new UserError(`${source}: edge ${JSON.stringify(edge)} has type ${JSON.stringify(a.type)}, not one of ${LOADED_RELATION_TYPES.join(', ')}`);
    if (!a.evidence?.length) {
      skippedEdges++;
      return;
    }
    if (pooled.has(edge)) return;
    edgesByType.get(a.type)!.push(edge);
    const group = graph.outEdges(s, t).filter((e) => e === edge || (!pooled.has(e) && graph.getEdgeAttribute(e, 'type') === a.type && graph.getEdgeAttribute(e, 'evidence')?.length));
    if (group.length > 1) {
      lead.set(edge, group);
      for (const e of group) if (e !== edge) pooled.add(e);
    }
    for (const row of relationshipRowsOf(graph, group, s, t)) {
      ensureDoc(row.doc).add(JSON.stringify(['r', a.type, row.source, row.target, row.sentences, row.starts, row.ends, row.confidence, row.planned]));
      sizes.relationships++;
      sizes.evidence += row.sentences.length;
      // Every relationship's source is mentioned by the relationship's document: the purge of a
      // document finds its relationships through these MENTIONS.
      if (!mentioned.has(`${row.doc}\u0000${s}`)) {
        mentioned.add(`${row.doc}\u0000${s}`);
        push(extraMentions, row.doc, s);
        factsOf(row.doc).add(JSON.stringify(['m', s, [], [], []]));
        sizes.mentions++;
      }
    }
  });

  const docs = [...documents.values()].map((d) => {
    const hash = factsOf(d.id);
    hash.add(JSON.stringify([d.path, d.title, d.articles]));
    return { ...d, facts: hash.digest() };
  });

  return {
    entities,
    documents: docs,
    sizes,
    skippedEdges,
    *mentions(wanted) {
      for (const { node, attributes } of graph.nodeEntries()) yield* mentionRowsOf(node, attributes, wanted);
      for (const doc of wanted) for (const key of extraMentions.get(doc) ?? []) yield { doc, key, starts: [], ends: [], sentences: [] };
    },
    *relationships(wanted, type) {
      for (const edge of edgesByType.get(type) ?? []) yield* relationshipRowsOf(graph, lead.get(edge) ?? [edge], graph.source(edge), graph.target(edge), wanted);
    },
  };
}

/** The rows of one relation (a lead edge and the parallel edges pooled with it): one per document. */
function relationshipRowsOf(graph: KnowledgeGraph, group: string[], source: string, target: string, docs?: ReadonlySet<string>): RelationshipRow[] {
  if (group.length === 1) {
    // The common case, one edge with one evidence sentence: no grouping by document needed.
    const a = graph.getEdgeAttributes(group[0]!);
    const ev = a.evidence.length === 1 ? a.evidence[0]! : null;
    if (ev) {
      if (docs && !docs.has(ev.doc)) return [];
      return [{ doc: ev.doc, source, target, sentences: [String(ev.sentence ?? '')], starts: [ev.start], ends: [ev.end], confidence: Number(a.confidence ?? 1), planned: Boolean(a.planned) }];
    }
  }
  const byDoc = new Map<string, RelationshipRow>();
  for (const edge of group) {
    const a = graph.getEdgeAttributes(edge);
    for (const ev of a.evidence) {
      if (docs && !docs.has(ev.doc)) continue;
      let row = byDoc.get(ev.doc);
      if (!row) {
        byDoc.set(ev.doc, (row = { doc: ev.doc, source, target, sentences: [], starts: [], ends: [], confidence: Number(a.confidence ?? 1), planned: Boolean(a.planned) }));
      } else {
        row.confidence = Math.max(row.confidence, Number(a.confidence ?? 1));
      }
      row.sentences.push(String(ev.sentence ?? ''));
      row.starts.push(ev.start);
      row.ends.push(ev.end);
    }
  }
  return [...byDoc.values()];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Order-independent hash of a document's facts (a rebuild that lists the same facts in another order
 * is unchanged): the sum, word by word, of each fact's 128-bit hash, so no fact list is kept in memory.
 * The per-fact hash is cyrb128, a plain-JS string hash: a crypto hash object per fact cost more than
 * the rest of graphRows together, and this only has to notice changes, not resist an adversary.
 */
class FactsHash {
  private readonly words = new Uint32Array(4);
  private count = 0;
  add(line: string): void {
    const h = cyrb128(line);
    for (let i = 0; i < 4; i++) this.words[i] = (this.words[i]! + h[i]!) >>> 0;
    this.count++;
  }
  digest(): string {
    return createHash('sha256').update(Buffer.from(this.words.buffer)).update(String(this.count)).digest('hex').slice(0, 24);
  }
}

function cyrb128(str: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < str.length; i++) {
    const k = str.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}
