// graph.json is graphology's own serialization (graph.export()) of a directed multi graph.
import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import Graph from 'graphology';
import type { SerializedGraph } from 'graphology-types';
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from '../types.ts';
import { UserError, errorMessage } from '../util/errors.ts';

export type KnowledgeGraph = Graph<NodeAttributes, EdgeAttributes, GraphAttributes>;

export function createGraph(): KnowledgeGraph {
  return new Graph<NodeAttributes, EdgeAttributes, GraphAttributes>({ type: 'directed', multi: true, allowSelfLoops: false });
}

export function graphFromJSON(data: SerializedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>): KnowledgeGraph {
  const graph = createGraph();
  graph.import(data);
  return graph;
}

export function readGraph(path: string): KnowledgeGraph {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new UserError(`${path}: cannot read the graph (${errorMessage(err)}); run \`zhengtu build <inputs> --out <dir>\` first`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new UserError(`${path}: not valid JSON (${errorMessage(err)}); is it a graph.json written by \`zhengtu build\`?`);
  }
  if (!data || typeof data !== 'object' || !Array.isArray((data as { nodes?: unknown }).nodes)) {
    throw new UserError(`${path}: not a graphology graph (no "nodes" array); is it a graph.json written by \`zhengtu build\`?`);
  }
  return graphFromJSON(data as SerializedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>);
}

/** Writes through a temporary file, so that a crash never leaves half a graph.json behind. */
export function writeGraph(path: string, graph: KnowledgeGraph): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, JSON.stringify(graph.export()));
  renameSync(tmp, path);
}
