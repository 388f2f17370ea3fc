// The one place that knows the Neo4j model (cypher/schema.cypher, src/neo4j/statements.ts): nodes
// (:Entity:<Type> {key, name, aliases, confidence}); one relationship per (source, type, target,
// document) with {doc, sentences, starts, ends, confidence, planned}; (:Document {id, path, title}).
// Adjust the query and the record mapping here when the model changes. Values travel as parameters.
import type { EntityType, Evidence } from '../../src/types.ts';
import { ENTITY_TYPES } from '../../src/types.ts';

export const NEIGHBOURHOOD_QUERY = `
MATCH (e:Entity)
WHERE e.key = $term OR e.name = $term OR $term IN coalesce(e.aliases, [])
WITH e ORDER BY size(e.name) LIMIT 1
OPTIONAL MATCH (e)-[r]-(n:Entity)
WITH e, r, n LIMIT $limit
OPTIONAL MATCH (d:Document {id: r.doc})
RETURN e, collect(CASE WHEN r IS NULL THEN NULL ELSE
  {type: type(r), start: startNode(r).key, props: properties(r), other: n, document: d {.id, .path, .title}} END) AS rels`;

export interface LiveNode {
  key: string;
  type: EntityType;
  name: string;
  aliases: string[];
  confidence: number;
}

export interface LiveRelation {
  type: string;
  source: string;
  target: string;
  evidence: Evidence[];
  confidence: number;
}

export interface LiveDocument {
  id: string;
  path: string;
  title: string;
}

export interface LiveNeighbourhood {
  center: LiveNode;
  nodes: LiveNode[];
  /** One per (source, type, target): evidence from every document pooled. */
  relations: LiveRelation[];
  documents: LiveDocument[];
}

interface Neo4jNode {
  labels: string[];
  properties: Record<string, unknown>;
}

function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (value && typeof (value as { toNumber?: () => number }).toNumber === 'function') return (value as { toNumber: () => number }).toNumber();
  return Number(value) || 0;
}

function toNode(raw: Neo4jNode): LiveNode {
  const p = raw.properties;
  const type = (raw.labels.find((l) => (ENTITY_TYPES as readonly string[]).includes(l)) ?? 'Organization') as EntityType;
  const name = String(p.name ?? p.key ?? '');
  return {
    key: String(p.key ?? `${type}:${name}`),
    type,
    name,
    aliases: Array.isArray(p.aliases) ? p.aliases.map(String) : [],
    confidence: toNumber(p.confidence),
  };
}

/**
 * Evidence on a relationship: parallel lists `sentences`, `starts`, `ends` with the document in
 * `doc` (the loader's model), or an `evidence` property holding Evidence JSON; all become Evidence[].
 */
export function readEvidence(props: Record<string, unknown>): Evidence[] {
  const parse = (value: unknown): Evidence | Evidence[] | null => {
    if (typeof value !== 'string') return value && typeof value === 'object' ? (value as Evidence) : null;
    try {
      return JSON.parse(value) as Evidence | Evidence[];
    } catch {
      return { doc: '', sentence: value, start: 0, end: value.length };
    }
  };
  const raw = props.evidence;
  const items: Evidence[] = [];
  const push = (v: Evidence | Evidence[] | null) => {
    if (Array.isArray(v)) v.forEach((x) => push(x));
    else if (v && typeof v.sentence === 'string') items.push({ doc: String(v.doc ?? ''), sentence: v.sentence, start: toNumber(v.start), end: toNumber(v.end) });
  };
  if (Array.isArray(raw)) raw.forEach((v) => push(parse(v)));
  else if (raw !== undefined) push(parse(raw));
  if (!items.length && Array.isArray(props.sentences)) {
    const starts = Array.isArray(props.starts) ? props.starts : [];
    const ends = Array.isArray(props.ends) ? props.ends : [];
    props.sentences.forEach((s, i) => items.push({ doc: String(props.doc ?? ''), sentence: String(s), start: toNumber(starts[i]), end: toNumber(ends[i]) }));
  }
  return items;
}

export function readNeighbourhood(record: { get(key: string): unknown }): LiveNeighbourhood {
  const center = toNode(record.get('e') as Neo4jNode);
  const nodes = new Map<string, LiveNode>([[center.key, center]]);
  const relations = new Map<string, LiveRelation>();
  const documents = new Map<string, LiveDocument>();
  type RawRelation = { type: string; start: string; props: Record<string, unknown>; other: Neo4jNode; document?: Record<string, unknown> | null };
  for (const rel of (record.get('rels') as Array<RawRelation | null>) ?? []) {
    if (!rel) continue;
    const other = toNode(rel.other);
    nodes.set(other.key, other);
    const outgoing = rel.start === center.key;
    const source = outgoing ? center.key : other.key;
    const target = outgoing ? other.key : center.key;
    const id = `${source}\u0000${rel.type}\u0000${target}`;
    const found = relations.get(id) ?? { type: rel.type, source, target, evidence: [], confidence: 0 };
    found.evidence.push(...readEvidence(rel.props ?? {}));
    found.confidence = Math.max(found.confidence, toNumber(rel.props?.confidence));
    relations.set(id, found);
    if (rel.document?.id) documents.set(String(rel.document.id), { id: String(rel.document.id), path: String(rel.document.path ?? ''), title: String(rel.document.title ?? '') });
  }
  return { center, nodes: [...nodes.values()], relations: [...relations.values()], documents: [...documents.values()] };
}
