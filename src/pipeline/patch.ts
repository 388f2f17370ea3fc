// The incremental graph: when a few documents changed since the last build (same documents, same
// order), graph.json is patched instead of rebuilt. Only the nodes and edges those documents touch
// (before or after the change) are parsed and recomputed; every other element is copied byte for
// byte from the previous graph.json. What a document contributed is taken back by its id: mentions,
// docs and evidence carry it, and the support file keeps, per element, what each document said of
// it (names, confidence, planned) — the parts of the merge that are not plain unions.
//
// The recomputation uses the very functions of the full merge (accumulate.ts), so a patched graph
// equals a rebuilt one; anything the patch cannot reproduce exactly returns undefined and the build
// falls back to the full merge.
import type { Entity, NodeAttributes, EdgeAttributes, Relation, SourceDocument } from '../types.ts';
import {
  betterName,
  documentOrder,
  finishEntity,
  finishRelation,
  relationKey,
  type EntityAcc,
  type EntitySupport,
  type RelationAcc,
  type RelationSupport,
} from './accumulate.ts';
import type { CompactResult } from './job.ts';
import type { GraphLayout, GraphPiece } from './state.ts';
import { compareNodeKeys, edgeAttributes, nodeAttributes } from '../graph/build.ts';
import { edgeJSON, graphHead, nodeJSON } from '../graph/io.ts';

export interface DocumentChange {
  before: CompactResult;
  after: CompactResult;
}

export interface PatchBase {
  layout: GraphLayout;
  graph: Buffer;
  support: Buffer;
}

export interface PatchInput extends PatchBase {
  changes: DocumentChange[];
  builtAt: string;
}

export interface PatchedGraph {
  /** graph.json (and support file) pieces: new text, or runs of old elements. */
  graph: GraphPiece[];
  documents: SourceDocument[];
}

const text = (buf: Buffer, at: number, end: number) => buf.toString('utf8', at, end);

export function patchGraph(input: PatchInput): PatchedGraph | undefined {
  return new GraphPatch(input, input.changes.map((c) => c.before)).apply(input.changes, input.builtAt);
}

/**
 * A patch in two steps. The first takes back what the changed documents said before (it parses the
 * elements they touched, the bulk of the work) and needs only their previous results: a re-run does
 * it while the changed documents are still being extracted. The second adds what they say now.
 */
export class GraphPatch {
  private readonly attributes: { documents: SourceDocument[]; builtAt: string };
  private readonly byPath: Map<string, number>;
  private readonly uses = new Map<string, number>();
  /** Ids of the documents taken back; undefined when they cannot be (see constructor). */
  private readonly changed?: Set<string>;
  private readonly nodeIndex: Map<string, number>;
  private readonly edgeIndex: Map<string, number>;
  private readonly entities = new Map<string, EntityAcc>();
  private readonly relations = new Map<string, RelationAcc>();

  constructor(
    private readonly base: PatchBase,
    private readonly before: CompactResult[],
  ) {
    const { layout, graph } = base;
    this.attributes = JSON.parse(text(graph, layout.attributes[0], layout.attributes[1])) as { documents: SourceDocument[]; builtAt: string };
    this.byPath = new Map(this.attributes.documents.map((d, i) => [d.path, i]));
    // Contributions are taken back by document id. The id is a hash of the text, so it changes with
    // it; one shared with another document (the same text twice) could not tell them apart.
    for (const d of this.attributes.documents) this.uses.set(d.id, (this.uses.get(d.id) ?? 0) + 1);
    this.nodeIndex = new Map(layout.nodes.keys.map((k, i) => [k, i]));
    this.edgeIndex = new Map(layout.edges.keys.map((k, i) => [k, i]));
    if (before.some((b) => !this.byPath.has(b.doc.path) || this.uses.get(b.doc.id) !== 1)) return;
    this.changed = new Set(before.map((b) => b.doc.id));
    for (const b of before) {
      for (const e of b.entities) this.entityOf(e.key, e.type);
      for (const r of b.relations) if (r.source !== r.target) this.relationOf(r);
    }
  }

  private kept<T extends { doc: string }>(list: T[]): T[] {
    return list.filter((x) => !this.changed!.has(x.doc));
  }
  private keptSupport<T extends [string, ...unknown[]]>(list: T[]): T[] {
    return list.filter((s) => !this.changed!.has(s[0]));
  }

  /** An entity as the old element minus the changed documents' part (new ones start empty). */
  private entityOf(key: string, type: Entity['type']): EntityAcc {
    let acc = this.entities.get(key);
    if (acc) return acc;
    const i = this.nodeIndex.get(key);
    if (i === undefined) acc = { key, type, name: '', names: new Set(), mentions: [], docs: new Set(), confidence: 0, support: [] };
    else {
      const { graph, support, layout } = this.base;
      const r = layout.nodes.ranges;
      const a = (JSON.parse(text(graph, r[4 * i], r[4 * i + 1])) as { attributes: NodeAttributes }).attributes;
      const s = this.keptSupport(JSON.parse(text(support, r[4 * i + 2], r[4 * i + 3])) as EntitySupport[]);
      acc = { key, type: a.type, name: '', names: new Set(), mentions: this.kept(a.mentions), docs: new Set(a.docs.filter((d) => !this.changed!.has(d))), confidence: 0, support: s };
    }
    this.entities.set(key, acc);
    return acc;
  }

  /** Relations alike. */
  private relationOf(r: Relation): RelationAcc {
    const key = relationKey(r);
    let acc = this.relations.get(key);
    if (acc) return acc;
    const i = this.edgeIndex.get(key);
    if (i === undefined) acc = { type: r.type, source: r.source, target: r.target, evidence: [], confidence: 0, planned: true, support: [] };
    else {
      const { graph, support, layout } = this.base;
      const x = layout.edges.ranges;
      const a = (JSON.parse(text(graph, x[4 * i], x[4 * i + 1])) as { attributes: EdgeAttributes }).attributes;
      const s = this.keptSupport(JSON.parse(text(support, x[4 * i + 2], x[4 * i + 3])) as RelationSupport[]);
      acc = { type: a.type, source: r.source, target: r.target, evidence: this.kept(a.evidence), confidence: 0, planned: true, support: s };
    }
    this.relations.set(key, acc);
    return acc;
  }

  /** Whether the first step took back exactly these results (the very objects, in this order). */
  tookBack(before: CompactResult[]): boolean {
    return before.length === this.before.length && before.every((b, i) => b === this.before[i]);
  }

  /** The patched graph with what the documents say now; undefined when it cannot equal a full merge. */
  apply(changes: DocumentChange[], builtAt: string): PatchedGraph | undefined {
    const { layout, graph } = this.base;
    const { attributes, uses, entities, relations, nodeIndex, edgeIndex } = this;
    // Taken back in the first step must be exactly these documents' previous results.
    if (!this.changed || !this.tookBack(changes.map((c) => c.before))) return undefined;
    for (const { before, after } of changes) {
      if (before.doc.path !== after.doc.path) return undefined;
      if (after.doc.id !== before.doc.id && uses.has(after.doc.id)) return undefined;
      attributes.documents[this.byPath.get(before.doc.path)!] = after.doc;
      uses.set(after.doc.id, 1);
    }
    attributes.builtAt = builtAt;
    const order = documentOrder(attributes.documents);

    // Entities: the old element minus the changed documents' part, plus their new part.
    for (const { after } of changes) {
      for (const e of after.entities) {
        const acc = this.entityOf(e.key, e.type);
        acc.support!.push([after.doc.id, e.name, e.aliases, e.confidence]);
        acc.mentions.push(...e.mentions);
        for (const d of e.docs) acc.docs.add(d);
      }
    }
    const nodes = new Map<string, string | null>();
    for (const acc of entities.values()) {
      if (!acc.support!.length) {
        nodes.set(acc.key, null);
        continue;
      }
      acc.name = acc.support![0][1];
      for (const [, name, aliases, confidence] of acc.support!) {
        acc.name = betterName(acc.name, name);
        acc.names.add(name);
        for (const a of aliases) acc.names.add(a);
        acc.confidence = Math.max(acc.confidence, confidence);
      }
      nodes.set(acc.key, nodeJSON(acc.key, nodeAttributes(finishEntity(acc, order))));
    }
    const nodeExists = (key: string) => (nodes.has(key) ? nodes.get(key) !== null : nodeIndex.has(key));

    for (const { after } of changes) {
      for (const r of after.relations) {
        if (r.source === r.target) continue; // never an edge (no self-loops), in either merge
        const acc = this.relationOf(r);
        acc.support!.push([after.doc.id, r.confidence, r.planned ? 1 : 0]);
        acc.evidence.push(...r.evidence);
      }
    }
    const edges = new Map<string, string | null>();
    for (const [key, acc] of relations) {
      if (!acc.support!.length) {
        edges.set(key, null);
        continue;
      }
      // The full merge drops a relation whose endpoint is no entity; then its support is not kept either.
      if (!nodeExists(acc.source) || !nodeExists(acc.target)) return undefined;
      for (const [, confidence] of acc.support!) acc.confidence = Math.max(acc.confidence, confidence);
      acc.planned = acc.support!.every((s) => s[2] === 1);
      const r = finishRelation(acc, order);
      edges.set(key, edgeJSON(key, r.source, r.target, edgeAttributes(r)));
    }
    // An edge whose node went away would be dropped by the full merge, support and all. Its key is
    // `TYPE:source->target` (graph/build.ts), so its ends are read from it exactly: a node whose key
    // merely occurs inside another's (Place:中国 in Organization:中国科学院) is no end of it.
    const removed = new Set([...nodes.keys()].filter((k) => nodes.get(k) === null));
    const endsRemoved = (k: string) => {
      const ends = k.slice(k.indexOf(':') + 1);
      const arrow = ends.indexOf('->');
      if (ends.indexOf('->', arrow + 2) >= 0) return true; // a name holding -> : not read, assume the worst
      return removed.has(ends.slice(0, arrow)) || removed.has(ends.slice(arrow + 2));
    };
    if (removed.size && layout.edges.keys.some((k) => edges.get(k) !== null && endsRemoved(k))) return undefined;

    const nodeKeys = insertKeys(layout.nodes.keys, nodeIndex, nodes, compareNodeKeys);
    const edgeKeys = insertKeys(layout.edges.keys, edgeIndex, edges, (a, b) => (a < b ? -1 : a > b ? 1 : 0));
    if (!nodeKeys || !edgeKeys) return undefined;

    const out: GraphPiece[] = [];
    out.push({ chunk: 'head', text: graphHead(attributes, JSON.parse(text(graph, layout.options[0], layout.options[1])) as object) });
    const elements = (kind: 'node' | 'edge', keys: string[], fresh: Map<string, string | null>, index: Map<string, number>, accOf: (k: string) => { support?: unknown[] } | undefined) => {
      let run: (GraphPiece & { chunk: 'run' }) | undefined;
      keys.forEach((key, n) => {
        const value = fresh.get(key);
        const i = index.get(key)!;
        // Old elements that stay neighbours are copied together, the comma between them included.
        if (!value && run && run.to === i - 1) {
          run.to = i;
          return;
        }
        if (n) out.push({ chunk: 'glue', text: ',' });
        if (value) {
          out.push({ chunk: kind, key, text: value, support: JSON.stringify(accOf(key)!.support) });
          run = undefined;
        } else out.push((run = { chunk: 'run', of: kind, from: i, to: i }));
      });
    };
    elements('node', nodeKeys, nodes, nodeIndex, (k) => entities.get(k));
    out.push({ chunk: 'glue', text: '],"edges":[' });
    elements('edge', edgeKeys, edges, edgeIndex, (k) => relations.get(k));
    out.push({ chunk: 'glue', text: ']}' });
    return { graph: out, documents: attributes.documents };
  }
}

/**
 * The old keys without the removed ones, the new ones inserted in sort order. A new key that sorts
 * equal to an old one (localeCompare may) would leave the order to insertion history: give up then.
 */
function insertKeys(old: string[], index: Map<string, number>, fresh: Map<string, string | null>, compare: (a: string, b: string) => number): string[] | undefined {
  const added = [...fresh.keys()].filter((k) => fresh.get(k) !== null && !index.has(k)).sort(compare);
  const keys = old.filter((k) => fresh.get(k) !== null);
  if (!added.length) return keys;
  const out: string[] = [];
  let j = 0;
  for (const k of keys) {
    while (j < added.length && compare(added[j], k) < 0) out.push(added[j++]);
    if (j < added.length && compare(added[j], k) === 0) return undefined;
    out.push(k);
  }
  while (j < added.length) out.push(added[j++]);
  for (let i = 1; i < added.length; i++) if (compare(added[i - 1], added[i]) === 0) return undefined;
  return out;
}
