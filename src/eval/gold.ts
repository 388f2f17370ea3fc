// Scores a graph against gold files by the guideline's rules: an entity is found when a node of the
// same type has the gold name or a gold alias as its name or one of its aliases (after removing
// 《》“”"" and white space); a relation is found when an edge of the same type joins nodes found as
// its source and target. RELATED_TO is ignored; nodes matching a gold `ignore` name are not counted.
import { readFileSync } from 'node:fs';
import type { KnowledgeGraph } from '../graph/io.ts';
import { ENTITY_TYPES, RELATION_TYPES, RELATED_TO } from '../types.ts';
import { UserError, errorMessage } from '../util/errors.ts';
import { normalize } from '../util/marks.ts';

export interface GoldFile {
  entities: { type: string; name: string; aliases?: string[] }[];
  relations: { source: string; type: string; target: string }[];
  ignore?: string[];
}

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface EvalResult {
  entities: Record<string, Score>;
  relations: Record<string, Score>;
  missedEntities: string[];
  spuriousEntities: string[];
  missedRelations: string[];
  spuriousRelations: string[];
}


export function readGold(path: string): GoldFile {
  try {
    const gold = JSON.parse(readFileSync(path, 'utf8')) as GoldFile;
    if (!Array.isArray(gold.entities) || !Array.isArray(gold.relations)) throw new Error('needs "entities" and "relations" arrays');
    return gold;
  } catch (err) {
    throw new UserError(`${path}: not a gold file (${errorMessage(err)})`);
  }
}

/** Precision, recall and F1 of counts (0 where undefined). */
export function score(tp: number, fp: number, fn: number): Score {
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, fp, fn, precision, recall, f1 };
}

export function evaluate(graph: KnowledgeGraph, golds: GoldFile[]): EvalResult {
  const counts = { entities: new Map<string, [number, number, number]>(), relations: new Map<string, [number, number, number]>() };
  const bump = (m: Map<string, [number, number, number]>, type: string, i: 0 | 1 | 2) => {
    const c = m.get(type) ?? [0, 0, 0];
    c[i]++;
    m.set(type, c);
  };
  const result: EvalResult = { entities: {}, relations: {}, missedEntities: [], spuriousEntities: [], missedRelations: [], spuriousRelations: [] };
  const nodeForms = new Map<string, Set<string>>();
  graph.forEachNode((key, a) => nodeForms.set(key, new Set([a.name, ...a.aliases].map(normalize))));
  const ignore = new Set(golds.flatMap((g) => g.ignore ?? []).map(normalize));
  const goldEntities = golds.flatMap((g) => g.entities);
  // Which gold entity (by index) each node matches.
  const matchOf = new Map<string, number[]>();
  graph.forEachNode((key, a) => {
    const forms = nodeForms.get(key)!;
    const hits = goldEntities.flatMap((g, i) => (g.type === a.type && [g.name, ...(g.aliases ?? [])].some((n) => forms.has(normalize(n))) ? [i] : []));
    matchOf.set(key, hits);
    if (!hits.length && ![...forms].some((f) => ignore.has(f))) {
      bump(counts.entities, a.type, 1);
      result.spuriousEntities.push(`${a.type} ${a.name}`);
    }
  });
  const nodesOfGold = (i: number) => [...matchOf].filter(([, hits]) => hits.includes(i)).map(([k]) => k);
  goldEntities.forEach((g, i) => {
    if (nodesOfGold(i).length) bump(counts.entities, g.type, 0);
    else {
      bump(counts.entities, g.type, 2);
      result.missedEntities.push(`${g.type} ${g.name}`);
    }
  });
  const goldIndexByName = (name: string) => goldEntities.findIndex((g) => [g.name, ...(g.aliases ?? [])].map(normalize).includes(normalize(name)));
  const matchedEdges = new Set<string>();
  for (const r of golds.flatMap((g) => g.relations)) {
    const sources = new Set(nodesOfGold(goldIndexByName(r.source)));
    const targets = new Set(nodesOfGold(goldIndexByName(r.target)));
    const edge = graph.edges().find((e) => graph.getEdgeAttribute(e, 'type') === r.type && sources.has(graph.source(e)) && targets.has(graph.target(e)));
    if (edge) {
      matchedEdges.add(edge);
      bump(counts.relations, r.type, 0);
    } else {
      bump(counts.relations, r.type, 2);
      result.missedRelations.push(`${r.source} ${r.type} ${r.target}`);
    }
  }
  graph.forEachEdge((e, a, s, t) => {
    if (a.type === RELATED_TO || matchedEdges.has(e)) return;
    bump(counts.relations, a.type, 1);
    result.spuriousRelations.push(`${graph.getNodeAttribute(s, 'name')} ${a.type} ${graph.getNodeAttribute(t, 'name')}`);
  });
  for (const [kind, types] of [['entities', ENTITY_TYPES], ['relations', RELATION_TYPES]] as const) {
    let all: [number, number, number] = [0, 0, 0];
    for (const type of types) {
      const c = counts[kind].get(type);
      if (!c) continue;
      result[kind][type] = score(...c);
      all = [all[0] + c[0], all[1] + c[1], all[2] + c[2]];
    }
    result[kind].overall = score(...all);
  }
  return result;
}

export function formatEval(result: EvalResult): string {
  const rows: string[] = [];
  const pct = (x: number) => x.toFixed(3);
  for (const kind of ['entities', 'relations'] as const) {
    rows.push(`${kind}`, `  ${'type'.padEnd(16)} ${'P'.padStart(6)} ${'R'.padStart(6)} ${'F1'.padStart(6)}   tp  fp  fn`);
    for (const [type, s] of Object.entries(result[kind])) {
      rows.push(`  ${type.padEnd(16)} ${pct(s.precision).padStart(6)} ${pct(s.recall).padStart(6)} ${pct(s.f1).padStart(6)} ${String(s.tp).padStart(4)}${String(s.fp).padStart(4)}${String(s.fn).padStart(4)}`);
    }
  }
  return rows.join('\n');
}
