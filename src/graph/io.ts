// graph.json is graphology's own serialization (graph.export()) of a directed multi graph.
import { closeSync, openSync, readFileSync, renameSync, rmSync, writevSync } from 'node:fs';
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

/** One piece of graph.json: the text before the nodes, a node, an edge, or the separators between. */
export interface GraphChunk {
  kind: 'head' | 'node' | 'edge' | 'glue';
  key?: string;
  text: string;
}

/**
 * graph.json piece by piece, exactly JSON.stringify(graph.export()) when joined, without ever
 * holding the whole text (a string past ~500 MB cannot be built at all) or the export() copy.
 */
export function* graphChunks(graph: KnowledgeGraph): Generator<GraphChunk> {
  const options = { type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops };
  yield { kind: 'head', text: `{"options":${JSON.stringify(options)},"attributes":${JSON.stringify(graph.getAttributes())},"nodes":[` };
  let first = true;
  for (const { node, attributes } of graph.nodeEntries()) {
    if (!first) yield { kind: 'glue', text: ',' };
    first = false;
    // export() leaves out an empty attributes object, and so must we.
    const element = Object.keys(attributes).length ? { key: node, attributes } : { key: node };
    yield { kind: 'node', key: node, text: JSON.stringify(element) };
  }
  yield { kind: 'glue', text: '],"edges":[' };
  first = true;
  for (const { edge, attributes, source, target, undirected } of graph.edgeEntries()) {
    if (!first) yield { kind: 'glue', text: ',' };
    first = false;
    const element: Record<string, unknown> = { key: edge, source, target };
    if (Object.keys(attributes).length) element.attributes = attributes;
    if (graph.type === 'mixed' && undirected) element.undirected = true;
    yield { kind: 'edge', key: edge, text: JSON.stringify(element) };
  }
  yield { kind: 'glue', text: ']}' };
}

/** Buffered writes to a file descriptor, counting bytes: callers learn where each piece landed. */
export class ChunkedFile {
  private readonly fd: number;
  private parts: (string | Uint8Array)[] = [];
  private pending = 0;
  /** Bytes written so far (the offset of the next piece). */
  offset = 0;
  constructor(readonly path: string) {
    this.fd = openSync(path, 'w');
  }
  write(piece: string | Uint8Array): void {
    const bytes = typeof piece === 'string' ? Buffer.byteLength(piece) : piece.byteLength;
    const last = this.parts.length - 1;
    if (typeof piece === 'string' && typeof this.parts[last] === 'string') this.parts[last] += piece;
    else this.parts.push(piece);
    this.offset += bytes;
    this.pending += bytes;
    if (this.pending >= 1 << 22) this.flush();
  }
  private flush(): void {
    // writev: copied ranges of an old file go out as they are, without joining them first.
    const parts = this.parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : p));
    this.parts = [];
    this.pending = 0;
    for (let i = 0; i < parts.length; i += 1024) {
      const batch = parts.slice(i, i + 1024);
      let left = batch.reduce((n, p) => n + p.byteLength, 0);
      let written = writevSync(this.fd, batch);
      while (written < left) {
        // A short write (rare on files): the rest, one piece at a time.
        left -= written;
        let skip = written;
        while (batch.length && skip >= batch[0].byteLength) skip -= batch.shift()!.byteLength;
        batch[0] = batch[0].subarray(skip);
        written = writevSync(this.fd, batch);
      }
    }
  }
  close(): void {
    this.flush();
    closeSync(this.fd);
  }
  abort(): void {
    closeSync(this.fd);
    rmSync(this.path, { force: true });
  }
}

/** Streams through a temporary file, so that a crash never leaves half a graph.json behind. */
export function writeGraph(path: string, graph: KnowledgeGraph): void {
  const tmp = `${path}.tmp-${process.pid}`;
  const file = new ChunkedFile(tmp);
  try {
    for (const chunk of graphChunks(graph)) file.write(chunk.text);
    file.close();
  } catch (err) {
    file.abort();
    throw err;
  }
  renameSync(tmp, path);
}
