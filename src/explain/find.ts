// Finding an entity of the graph by what a user types: its name or one of its aliases, compared
// without 《》“” marks and spaces, optionally of one type; close names when nothing matches.
import type { KnowledgeGraph } from '../graph/io.ts';
import type { EntityType } from '../types.ts';

export const normalizeName = (s: string) => s.replace(/[《》“”"「」‘’'\s]/g, '');

export interface EntityRef {
  key: string;
  type: EntityType;
  name: string;
}

export type Lookup =
  | { kind: 'found'; entity: EntityRef }
  | { kind: 'ambiguous'; candidates: EntityRef[] }
  | { kind: 'not-found'; suggestions: EntityRef[] };

/**
 * A node whose name is the query wins over nodes that only carry it as an alias; several of the
 * same rank are ambiguous. A graph key (`Organization:潍坊市委`) names its node directly.
 */
export function findEntity(graph: KnowledgeGraph, query: string, type?: EntityType): Lookup {
  const q = normalizeName(query);
  if (graph.hasNode(query) && (!type || graph.getNodeAttribute(query, 'type') === type)) return { kind: 'found', entity: refOf(graph, query) };
  const byName: EntityRef[] = [];
  const byAlias: EntityRef[] = [];
  graph.forEachNode((key, a) => {
    if (type && a.type !== type) return;
    if (normalizeName(a.name) === q) byName.push(refOf(graph, key));
    else if (a.aliases.some((x) => normalizeName(x) === q)) byAlias.push(refOf(graph, key));
  });
  const ranked = byName.length ? byName : byAlias;
  if (ranked.length === 1) return { kind: 'found', entity: ranked[0]! };
  if (ranked.length > 1) return { kind: 'ambiguous', candidates: ranked.sort(byTypeAndName) };
  return { kind: 'not-found', suggestions: closeNames(graph, q, type) };
}

function refOf(graph: KnowledgeGraph, key: string): EntityRef {
  const a = graph.getNodeAttributes(key);
  return { key, type: a.type, name: a.name };
}

const byTypeAndName = (a: EntityRef, b: EntityRef) => a.type.localeCompare(b.type) || a.name.localeCompare(b.name);

/** Character bigrams, for a similarity that tolerates a missing or extra character. */
function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) out.add(s.slice(i, i + 2));
  return out;
}

function dice(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let common = 0;
  for (const x of a) if (b.has(x)) common++;
  return (2 * common) / (a.size + b.size);
}

/**
 * Names that hold the query or are held by it (a substring either way) come first, nearest in
 * length; then names sharing enough character pairs.
 */
export function closeNames(graph: KnowledgeGraph, q: string, type?: EntityType, limit = 8): EntityRef[] {
  if (!q) return [];
  const qb = bigrams(q);
  const scored: { ref: EntityRef; score: number }[] = [];
  graph.forEachNode((key, a) => {
    if (type && a.type !== type) return;
    let best = 0;
    for (const form of [a.name, ...a.aliases].map(normalizeName)) {
      if (!form) continue;
      const contains = form.includes(q) || (form.length >= 2 && q.includes(form));
      const score = contains ? 2 - Math.abs(form.length - q.length) / Math.max(form.length, q.length) : dice(qb, bigrams(form));
      best = Math.max(best, score);
    }
    if (best >= 0.5) scored.push({ ref: refOf(graph, key), score: best });
  });
  return scored
    .sort((a, b) => b.score - a.score || byTypeAndName(a.ref, b.ref))
    .slice(0, limit)
    .map((s) => s.ref);
}
