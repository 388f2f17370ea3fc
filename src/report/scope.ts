// `--entity`: find the entity by name or alias, and cut out its neighbourhood (entities within two typed
// relations, and every edge among them).
import type { KnowledgeGraph } from '../graph/io.ts';
import { createGraph } from '../graph/io.ts';
import { RELATED_TO } from '../types.ts';
import type { EntityType } from '../types.ts';
import { UserError } from '../util/errors.ts';

export const HOPS = 2;

export interface NamedEntity {
  key: string;
  type: EntityType;
  name: string;
  aliases: string[];
}

/** Quote marks and white space do not count when names are compared (the guideline's own rule). */
export function normalizeName(name: string): string {
  return name.replace(/[《》“”"'‘’「」\s]/g, '');
}

function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[y.length];
}

/** Names closest to the query: containing it or contained in it first, then by edit distance relative to length. */
export function closeMatches(entities: NamedEntity[], query: string, limit = 5): string[] {
  const q = normalizeName(query);
  const scored = new Map<string, number>();
  for (const e of entities) {
    for (const form of [e.name, ...e.aliases]) {
      const f = normalizeName(form);
      if (!f) continue;
      const length = Math.max([...f].length, [...q].length);
      const score = f.includes(q) || q.includes(f) ? Math.abs(f.length - q.length) / (100 * length) : editDistance(f, q) / length;
      const label = `${e.name} (${e.type})`;
      if (score < (scored.get(label) ?? Infinity)) scored.set(label, score);
    }
  }
  return [...scored.entries()]
    .filter(([, score]) => score <= 0.5)
    .sort(([a, x], [b, y]) => x - y || (a < b ? -1 : 1))
    .slice(0, limit)
    .map(([label]) => label);
}

/** Keys of the entities named `query`: by name if any, else by alias. Throws a UserError listing close matches. */
export function matchEntities(entities: NamedEntity[], query: string): string[] {
  const q = normalizeName(query);
  const byName = entities.filter((e) => normalizeName(e.name) === q);
  const found = byName.length ? byName : entities.filter((e) => e.aliases.some((a) => normalizeName(a) === q));
  if (found.length) return found.map((e) => e.key).sort();
  const close = closeMatches(entities, query);
  throw new UserError(
    `no entity named "${query}" in the graph` +
      (close.length ? `; close matches: ${close.join(', ')}` : '; check the name (`zhengtu explain <name>` looks names and aliases up in graph.json)'),
  );
}

export function namedEntities(graph: KnowledgeGraph): NamedEntity[] {
  return graph.mapNodes((key, a) => ({ key, type: a.type, name: a.name, aliases: a.aliases ?? [] }));
}

/** The entities within `hops` typed relations of the centers (either direction), with all edges among them. */
export function neighbourhood(graph: KnowledgeGraph, centers: string[], hops = HOPS): KnowledgeGraph {
  const reached = new Set(centers);
  let frontier = [...centers];
  for (let hop = 0; hop < hops; hop++) {
    const next: string[] = [];
    for (const node of frontier) {
      graph.forEachEdge(node, (_e, attrs, source, target) => {
        if (attrs.type === RELATED_TO || !attrs.evidence?.length) return;
        const other = source === node ? target : source;
        if (!reached.has(other)) {
          reached.add(other);
          next.push(other);
        }
      });
    }
    frontier = next;
  }
  const sub = createGraph();
  sub.replaceAttributes({ ...graph.getAttributes() });
  for (const node of reached) sub.addNode(node, graph.getNodeAttributes(node));
  graph.forEachEdge((edge, attrs, source, target) => {
    if (reached.has(source) && reached.has(target)) sub.addDirectedEdgeWithKey(edge, source, target, attrs);
  });
  return sub;
}
