// graph.json is graphology's own serialization (graph.export()) of a directed multi graph.
import { close, closeSync, openSync, readFileSync, renameSync, rmSync, writev, writevSync } from 'node:fs';
import { promisify } from 'node:util';
import Graph from 'graphology';
import type { SerializedGraph } from 'graphology-types';
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from '../types.ts';
import { UserError, errorMessage } from '../util/errors.ts';

export type KnowledgeGraph = Graph<NodeAttributes, EdgeAttributes, GraphAttributes>;

const GRAPH_OPTIONS = { type: 'directed', multi: true, allowSelfLoops: false } as const;

export function createGraph(): KnowledgeGraph {
  return new Graph<NodeAttributes, EdgeAttributes, GraphAttributes>({ ...GRAPH_OPTIONS });
}

/** graph.json up to its first node, for a graph made by createGraph(). */
export const graphHead = (attributes: object, options: object = GRAPH_OPTIONS) => `{"options":${JSON.stringify(options)},"attributes":${JSON.stringify(attributes)},"nodes":[`;
/** A node or an edge as graph.json holds it (graphology's export(); attributes never empty here). */
export const nodeJSON = (key: string, attributes: NodeAttributes) => JSON.stringify({ key, attributes });
export const edgeJSON = (key: string, source: string, target: string, attributes: EdgeAttributes) => JSON.stringify({ key, source, target, attributes });
/** The separators of graph.json around and between its elements. */
export const GRAPH_GLUE = { between: ',', nodesToEdges: '],"edges":[', tail: ']}' } as const;

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
  yield { kind: 'head', text: graphHead(graph.getAttributes(), options) };
  let first = true;
  for (const { node, attributes } of graph.nodeEntries()) {
    if (!first) yield { kind: 'glue', text: GRAPH_GLUE.between };
    first = false;
    // export() leaves out an empty attributes object, and so must we.
    const element = Object.keys(attributes).length ? { key: node, attributes } : { key: node };
    yield { kind: 'node', key: node, text: JSON.stringify(element) };
  }
  yield { kind: 'glue', text: GRAPH_GLUE.nodesToEdges };
  first = true;
  for (const { edge, attributes, source, target, undirected } of graph.edgeEntries()) {
    if (!first) yield { kind: 'glue', text: GRAPH_GLUE.between };
    first = false;
    const element: Record<string, unknown> = { key: edge, source, target };
    if (Object.keys(attributes).length) element.attributes = attributes;
    if (graph.type === 'mixed' && undirected) element.undirected = true;
    yield { kind: 'edge', key: edge, text: JSON.stringify(element) };
  }
  yield { kind: 'glue', text: GRAPH_GLUE.tail };
}

/** Text is encoded into one staging buffer of this size; larger pieces go out on their own. */
const STAGING_BYTES = 1 << 22;
/** Byte ranges up to this size are copied into the staging buffer rather than written apart. */
const COPY_BYTES = 1 << 16;

/** Pieces per writev call (Linux takes up to 1024). */
const MAX_IOV = 512;
const writevAsync = promisify(writev);

/** `parts` without their first `written` bytes (a writev call may write fewer than it was given). */
function unwritten(parts: Uint8Array[], written: number): Uint8Array[] {
  let i = 0;
  while (i < parts.length && written >= parts[i].byteLength) written -= parts[i++].byteLength;
  const rest = parts.slice(i);
  if (written > 0) rest[0] = rest[0].subarray(written);
  return rest;
}

/** Buffered writes to a file descriptor, counting bytes: callers learn where each piece landed. */
export class ChunkedFile {
  private readonly fd: number;
  // Text is UTF-8-encoded once, straight into the staging buffer (no byteLength pass, no
  // Buffer per piece); ranges of an old file go out as they are, through writev.
  private readonly staging = Buffer.allocUnsafe(STAGING_BYTES);
  private used = 0;
  /** Where the staged bytes not yet in `parts` begin. */
  private segment = 0;
  private parts: Uint8Array[] = [];
  /** Bytes written so far (the offset of the next piece). */
  offset = 0;
  constructor(readonly path: string) {
    this.fd = openSync(path, 'w');
  }
  write(piece: string | Uint8Array): void {
    if (typeof piece === 'string') {
      // A UTF-16 code unit is at most 3 bytes of UTF-8.
      if (piece.length * 3 > STAGING_BYTES - this.used) this.flush();
      if (piece.length * 3 > STAGING_BYTES) return this.append(Buffer.from(piece));
      const bytes = this.staging.write(piece, this.used);
      this.used += bytes;
      this.offset += bytes;
    } else if (piece.byteLength <= COPY_BYTES) {
      if (piece.byteLength > STAGING_BYTES - this.used) this.flush();
      this.staging.set(piece, this.used);
      this.used += piece.byteLength;
      this.offset += piece.byteLength;
    } else this.append(piece);
  }
  private append(bytes: Uint8Array): void {
    if (this.used > this.segment) this.parts.push(this.staging.subarray(this.segment, this.used));
    this.segment = this.used;
    this.parts.push(bytes);
    this.offset += bytes.byteLength;
    if (this.parts.length >= MAX_IOV) this.flush();
  }
  /** Everything written since the last flush, as pieces; the staging buffer is free again. */
  private takeParts(): Uint8Array[] {
    const parts = this.parts;
    if (this.used > this.segment) parts.push(this.staging.subarray(this.segment, this.used));
    this.parts = [];
    this.used = this.segment = 0;
    return parts;
  }
  private flush(): void {
    let parts = this.takeParts();
    while (parts.length) parts = unwritten(parts, writevSync(this.fd, parts.slice(0, MAX_IOV)));
  }
  /**
   * What is staged now, then `parts`, written on libuv's thread pool; the file is closed after. The
   * offsets move at once: the caller knows where everything lands before it is written.
   */
  async closeInBackground(parts: Uint8Array[]): Promise<void> {
    // The staging buffer is not written to again: its views may go out after this returns.
    let rest = this.takeParts();
    rest.push(...parts);
    for (const p of parts) this.offset += p.byteLength;
    try {
      while (rest.length) rest = unwritten(rest, (await writevAsync(this.fd, rest.slice(0, MAX_IOV))).bytesWritten);
    } finally {
      await promisify(close)(this.fd);
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
