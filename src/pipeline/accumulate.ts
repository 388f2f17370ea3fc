// The cross-document merge, one document (or one part graph) at a time, so that no list of
// per-document results is ever held: entities merge by key, relations by type and endpoints.
//
// Every rule is order-free — name = the longest (ties: the first in code-point order), aliases,
// mentions, docs and evidence are unions, confidence the maximum, planned only if planned
// everywhere — and lists are sorted at the end by document order (documents sorted by path). So
// the graph does not depend on worker count, completion order, or how a corpus was split into
// parts: merging the graphs of shards gives the graph of the whole.
import type { Entity, Evidence, MentionRef, Relation, SourceDocument } from '../types.ts';
import { buildGraph, compareNodeKeys, edgeAttributes, edgeKey, graphAttributes, isEdge, nodeAttributes } from '../graph/build.ts';
import { GRAPH_GLUE, edgeJSON, graphHead, nodeJSON, type KnowledgeGraph } from '../graph/io.ts';
import type { CompactResult } from './job.ts';
import type { TextPiece } from './state.ts';

/** What one document said of an entity beyond its mentions: what a later build needs to take it back. */
export type EntitySupport = [doc: string, name: string, aliases: string[], confidence: number];
/** What one document said of a relation beyond its evidence. */
export type RelationSupport = [doc: string, confidence: number, planned: 0 | 1];

export interface EntityAcc {
  key: string;
  type: Entity['type'];
  name: string;
  /** Every name seen, the current name included. */
  names: Set<string>;
  mentions: MentionRef[];
  docs: Set<string>;
  confidence: number;
  support?: EntitySupport[];
}

export interface RelationAcc {
  type: Relation['type'];
  source: string;
  target: string;
  evidence: Evidence[];
  confidence: number;
  planned: boolean;
  support?: RelationSupport[];
}

/** The longer name; of two as long, the first in code-point order. */
export function betterName(a: string, b: string): string {
  if (a.length !== b.length) return a.length > b.length ? a : b;
  return a <= b ? a : b;
}

/** Paths in natural order: `file#2` before `file#10`, `day9.md` before `day10.md`. */
export function compareNatural(a: string, b: string): number {
  const ra = a.match(/\d+|\D+/g) ?? [];
  const rb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(ra.length, rb.length); i++) {
    const x = ra[i];
    const y = rb[i];
    if (x === y) continue;
    const digits = /^\d/.test(x) && /^\d/.test(y);
    if (digits) {
      const nx = x.replace(/^0+/, '');
      const ny = y.replace(/^0+/, '');
      if (nx.length !== ny.length) return nx.length - ny.length;
      if (nx !== ny) return nx < ny ? -1 : 1;
    } else return x < y ? -1 : 1;
  }
  if (ra.length !== rb.length) return ra.length - rb.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

export class GraphAccumulator {
  private readonly documents = new Map<string, SourceDocument>();
  readonly entities = new Map<string, EntityAcc>();
  readonly relations = new Map<string, RelationAcc>();

  /** With `support`, each entity and relation remembers what each document said of it (see patch.ts). */
  constructor(private readonly support = false) {}

  get documentCount(): number {
    return this.documents.size;
  }

  add(result: CompactResult): void {
    this.addDocument(result.doc);
    const doc = this.support ? result.doc.id : undefined;
    for (const e of result.entities) this.addEntity(e, doc);
    for (const r of result.relations) this.addRelation(r, doc);
  }

  /** A part graph (graph.json of a shard): its documents, nodes and edges. */
  addGraph(graph: KnowledgeGraph): void {
    for (const d of graph.getAttribute('documents') ?? []) this.addDocument(d);
    graph.forEachNode((key, a) => this.addEntity({ key, ...a }));
    graph.forEachEdge((_edge, a, source, target) =>
      this.addRelation({ type: a.type, source, target, evidence: a.evidence, confidence: a.confidence, planned: a.planned }),
    );
  }

  addDocument(d: SourceDocument): void {
    if (!this.documents.has(d.path)) this.documents.set(d.path, { id: d.id, path: d.path, title: d.title, articles: d.articles });
  }

  addEntity(e: Entity, doc?: string): void {
    const seen = this.entities.get(e.key);
    if (!seen) {
      this.entities.set(e.key, {
        key: e.key,
        type: e.type,
        name: e.name,
        names: new Set([e.name, ...e.aliases]),
        mentions: [...e.mentions],
        docs: new Set(e.docs),
        confidence: e.confidence,
        ...(doc === undefined ? {} : { support: [[doc, e.name, e.aliases, e.confidence]] }),
      });
      return;
    }
    if (doc !== undefined) seen.support?.push([doc, e.name, e.aliases, e.confidence]);
    seen.name = betterName(seen.name, e.name);
    seen.names.add(e.name);
    for (const a of e.aliases) seen.names.add(a);
    for (const m of e.mentions) seen.mentions.push(m);
    for (const d of e.docs) seen.docs.add(d);
    seen.confidence = Math.max(seen.confidence, e.confidence);
  }

  addRelation(r: Relation, doc?: string): void {
    const key = relationKey(r);
    const seen = this.relations.get(key);
    const support: RelationSupport | undefined = doc === undefined ? undefined : [doc, r.confidence, r.planned ? 1 : 0];
    if (!seen) {
      this.relations.set(key, {
        type: r.type,
        source: r.source,
        target: r.target,
        evidence: [...r.evidence],
        confidence: r.confidence,
        planned: !!r.planned,
        ...(support ? { support: [support] } : {}),
      });
      return;
    }
    if (support) seen.support?.push(support);
    for (const ev of r.evidence) seen.evidence.push(ev);
    seen.confidence = Math.max(seen.confidence, r.confidence);
    seen.planned = seen.planned && !!r.planned;
  }

  /** The merged graph; `builtAt` is passed in so that two builds can be compared byte for byte. */
  toGraph(builtAt: string): KnowledgeGraph {
    const documents = this.sortedDocuments();
    const order = documentOrder(documents);
    const entities = [...this.entities.values()].map((e) => finishEntity(e, order));
    const relations = [...this.relations.keys()].sort().map((key) => finishRelation(this.relations.get(key)!, order));
    return buildGraph(documents, entities, relations, builtAt);
  }

  /**
   * graph.json as toGraph(builtAt) would serialize, piece by piece, each element with what each
   * document said of it; without building the graph: a build writes its graph straight from here.
   */
  *pieces(builtAt: string): Generator<TextPiece> {
    const documents = this.sortedDocuments();
    const order = documentOrder(documents);
    yield { chunk: 'head', text: graphHead(graphAttributes(documents, builtAt)) };
    let first = true;
    for (const key of [...this.entities.keys()].sort(compareNodeKeys)) {
      if (!first) yield { chunk: 'glue', text: GRAPH_GLUE.between };
      first = false;
      const acc = this.entities.get(key)!;
      yield { chunk: 'node', key, text: nodeJSON(key, nodeAttributes(finishEntity(acc, order))), support: supportJSON(acc.support) };
    }
    yield { chunk: 'glue', text: GRAPH_GLUE.nodesToEdges };
    first = true;
    const hasNode = (key: string) => this.entities.has(key);
    for (const key of [...this.relations.keys()].sort()) {
      const acc = this.relations.get(key)!;
      if (!isEdge(acc, hasNode)) continue;
      if (!first) yield { chunk: 'glue', text: GRAPH_GLUE.between };
      first = false;
      const r = finishRelation(acc, order);
      yield { chunk: 'edge', key, text: edgeJSON(key, r.source, r.target, edgeAttributes(r)), support: supportJSON(acc.support) };
    }
    yield { chunk: 'glue', text: GRAPH_GLUE.tail };
  }

  /** Whether a relation between two different entities was left out of the graph (an endpoint is no entity). */
  dropsRelations(): boolean {
    const hasNode = (key: string) => this.entities.has(key);
    for (const r of this.relations.values()) if (r.source !== r.target && !isEdge(r, hasNode)) return true;
    return false;
  }

  private sortedDocuments(): SourceDocument[] {
    return [...this.documents.values()].sort((a, b) => compareNatural(a.path, b.path));
  }
}

const supportJSON = (support: unknown[] | undefined) => JSON.stringify(support ?? []);

export const relationKey = edgeKey;

export interface DocumentOrder {
  byDoc: (a: string, b: string) => number;
  byPlace: (a: { doc: string; start: number; end: number }, b: { doc: string; start: number; end: number }) => number;
}

/** Document ids ranked by the (sorted) documents' order; a repeated id keeps its first place. */
export function documentOrder(documents: readonly { id: string }[]): DocumentOrder {
  const rank = new Map<string, number>();
  documents.forEach((d, i) => rank.has(d.id) || rank.set(d.id, i));
  // Most comparisons meet two places in one document: no lookup for those.
  const byDoc = (a: string, b: string) => (a === b ? 0 : (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity) || (a < b ? -1 : 1));
  const byPlace: DocumentOrder['byPlace'] = (a, b) => byDoc(a.doc, b.doc) || a.start - b.start || a.end - b.end;
  return { byDoc, byPlace };
}

export function finishEntity(e: EntityAcc, order: DocumentOrder): Entity {
  const mentions = dedupe(e.mentions.sort(order.byPlace), (a, b) => a.doc === b.doc && a.start === b.start && a.end === b.end);
  const aliases = [...e.names].filter((n) => n !== e.name).sort();
  return { key: e.key, type: e.type, name: e.name, aliases, mentions, docs: [...e.docs].sort(order.byDoc), confidence: e.confidence };
}

export function finishRelation(r: RelationAcc, order: DocumentOrder): Relation {
  const evidence = dedupe(r.evidence.sort(order.byPlace), (a, b) => a.doc === b.doc && a.start === b.start);
  return { type: r.type, source: r.source, target: r.target, evidence, confidence: r.confidence, ...(r.planned ? { planned: true } : {}) };
}

/** Adjacent duplicates (the list is sorted) removed, the first kept. */
function dedupe<T>(list: T[], same: (a: T, b: T) => boolean): T[] {
  const out: T[] = [];
  for (let i = 0; i < list.length; i++) if (i === 0 || !same(list[i - 1], list[i])) out.push(list[i]);
  return out;
}
