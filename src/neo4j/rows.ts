// graph.json → the plain rows the loader writes: entities, documents, and per document its mentions
// and its relationships (one per relation and document, carrying that document's evidence).
import { createHash } from 'node:crypto';
import { ENTITY_TYPES, RELATED_TO, RELATION_TYPES, type EntityType } from '../types.ts';
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
  /** By document id. */
  mentions: Map<string, MentionRow[]>;
  /** By document id, then relationship type. */
  relationships: Map<string, Map<LoadedRelationType, RelationshipRow[]>>;
  /** Edges that had no evidence, so no document to belong to: not loaded. */
  skippedEdges: number;
}

const isEntityType = (t: unknown): t is EntityType => (ENTITY_TYPES as readonly unknown[]).includes(t);
const isRelationType = (t: unknown): t is LoadedRelationType => (LOADED_RELATION_TYPES as readonly unknown[]).includes(t);

export function graphRows(graph: KnowledgeGraph, source = 'graph.json'): GraphRows {
  const documents = new Map<string, Omit<DocumentRow, 'facts'>>();
  for (const d of graph.getAttribute('documents') ?? []) documents.set(d.id, { id: d.id, path: d.path || d.id, title: d.title ?? '', articles: articleProperties(d.articles ?? []) });
  const ensureDoc = (id: string) => {
    if (!documents.has(id)) documents.set(id, { id, path: id, title: '', articles: articleProperties([]) });
  };

  const entities: EntityRow[] = [];
  const mentions = new Map<string, MentionRow[]>();
  graph.forEachNode((key, a) => {
    if (!isEntityType(a.type)) throw new UserError(`${source}: node ${JSON.stringify(key)} has type ${JSON.stringify(a.type)}, not one of ${ENTITY_TYPES.join(', ')}`);
    entities.push({ key, type: a.type, name: String(a.name ?? key), aliases: (a.aliases ?? []).map(String), confidence: Number(a.confidence ?? 1) });
    const byDoc = new Map<string, MentionRow>();
    for (const doc of a.docs ?? []) byDoc.set(doc, { doc, key, starts: [], ends: [], sentences: [] });
    for (const m of a.mentions ?? []) {
      let row = byDoc.get(m.doc);
      if (!row) byDoc.set(m.doc, (row = { doc: m.doc, key, starts: [], ends: [], sentences: [] }));
      row.starts.push(m.start);
      row.ends.push(m.end);
      row.sentences.push(m.sentence);
    }
    for (const row of byDoc.values()) {
      ensureDoc(row.doc);
      push(mentions, row.doc, row);
    }
  });

  const relationships = new Map<string, Map<LoadedRelationType, RelationshipRow[]>>();
  let skippedEdges = 0;
  // Parallel edges of one type between the same pair are one relation; their evidence is pooled.
  const seen = new Map<string, RelationshipRow>();
  graph.forEachEdge((edge, a, s, t) => {
    if (!isRelationType(a.type)) throw new UserError(`${source}: edge ${JSON.stringify(edge)} has type ${JSON.stringify(a.type)}, not one of ${LOADED_RELATION_TYPES.join(', ')}`);
    if (!a.evidence?.length) {
      skippedEdges++;
      return;
    }
    for (const ev of a.evidence) {
      ensureDoc(ev.doc);
      const id = JSON.stringify([ev.doc, a.type, s, t]);
      let row = seen.get(id);
      if (!row) {
        row = { doc: ev.doc, source: s, target: t, sentences: [], starts: [], ends: [], confidence: Number(a.confidence ?? 1), planned: Boolean(a.planned) };
        seen.set(id, row);
        let byType = relationships.get(ev.doc);
        if (!byType) relationships.set(ev.doc, (byType = new Map()));
        push(byType, a.type, row);
      } else {
        row.confidence = Math.max(row.confidence, Number(a.confidence ?? 1));
      }
      row.sentences.push(String(ev.sentence ?? ''));
      row.starts.push(ev.start);
      row.ends.push(ev.end);
    }
  });

  // Every relationship's source is mentioned by the relationship's document: the purge of a document
  // finds its relationships through these MENTIONS.
  const mentioned = new Set<string>();
  for (const [doc, list] of mentions) for (const m of list) mentioned.add(`${doc}\u0000${m.key}`);
  for (const [doc, byType] of relationships) {
    for (const list of byType.values()) {
      for (const r of list) {
        if (mentioned.has(`${doc}\u0000${r.source}`)) continue;
        mentioned.add(`${doc}\u0000${r.source}`);
        push(mentions, doc, { doc, key: r.source, starts: [], ends: [], sentences: [] });
      }
    }
  }

  const docs = [...documents.values()].map((d) => ({ ...d, facts: factsHash(d, mentions.get(d.id) ?? [], relationships.get(d.id)) }));
  return { entities, documents: docs, mentions, relationships, skippedEdges };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Order-independent: a rebuild that lists the same facts in another order is unchanged. */
function factsHash(doc: Omit<DocumentRow, 'facts'>, mentions: MentionRow[], rels?: Map<LoadedRelationType, RelationshipRow[]>): string {
  const lines = [JSON.stringify([doc.path, doc.title, doc.articles])];
  for (const m of mentions) lines.push(JSON.stringify(['m', m.key, m.starts, m.ends, m.sentences]));
  for (const [type, rows] of rels ?? []) {
    for (const r of rows) lines.push(JSON.stringify(['r', type, r.source, r.target, r.sentences, r.starts, r.ends, r.confidence, r.planned]));
  }
  lines.sort();
  const hash = createHash('sha256');
  for (const line of lines) hash.update(line).update('\n');
  return hash.digest('hex').slice(0, 24);
}

export function countRows(rows: GraphRows): { mentions: number; relationships: number; evidence: number } {
  let mentions = 0;
  let relationships = 0;
  let evidence = 0;
  for (const list of rows.mentions.values()) mentions += list.length;
  for (const byType of rows.relationships.values()) {
    for (const list of byType.values()) {
      relationships += list.length;
      for (const r of list) evidence += r.sentences.length;
    }
  }
  return { mentions, relationships, evidence };
}
