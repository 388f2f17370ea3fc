// Loads graph.json (graphology's export) into a compact store of every node and edge. The store
// is not a graphology graph: importing 100k nodes / 300k edges into one costs seconds, while these
// flat arrays cost one pass. Sigma renders a smaller graphology graph of the visible part (see view.ts).
import type { EdgeAttributes, NodeAttributes, SourceDocument } from '../../src/types.ts';

export type StoredNodeAttributes = NodeAttributes & { x?: number; y?: number };

export interface StoredNode {
  key: string;
  attributes: StoredNodeAttributes;
}

export interface StoredEdge {
  key?: string;
  source: string;
  target: string;
  attributes: EdgeAttributes;
}

export interface Store {
  nodes: StoredNode[];
  edges: StoredEdge[];
  /** Node key → index into `nodes`. */
  index: Map<string, number>;
  /** Endpoints of edge i as node indices. */
  source: Int32Array;
  target: Int32Array;
  /** Degree of every node in the whole graph (in + out). */
  degree: Int32Array;
  maxDegree: number;
  documents: Map<string, SourceDocument>;
  /** Edge indices incident to node i: list[offsets[i] … offsets[i+1]). */
  incident(node: number): Int32Array;
}

export class GraphLoadError extends Error {}

export async function fetchStore(url: string): Promise<Store> {
  let response: Response;
  try {
    response = await fetch(url, { cache: 'no-cache' });
  } catch (err) {
    throw new GraphLoadError(`${url}: cannot be fetched (${(err as Error).message}); open the viewer through a web server, e.g. \`zhengtu serve <dir>\``);
  }
  if (!response.ok) {
    throw new GraphLoadError(`${url}: HTTP ${response.status}; write it with \`zhengtu build <inputs> --out <dir>\` next to index.html`);
  }
  let data: unknown;
  try {
    data = await response.json();
  } catch (err) {
    throw new GraphLoadError(`${url}: not valid JSON (${(err as Error).message})`);
  }
  return buildStore(data);
}

export function buildStore(data: unknown): Store {
  const raw = data as { nodes?: unknown; edges?: unknown; attributes?: { documents?: SourceDocument[] } };
  if (!raw || !Array.isArray(raw.nodes)) throw new GraphLoadError('graph.json: not a graphology graph (no "nodes" array)');
  const nodes = raw.nodes as StoredNode[];
  const edges = Array.isArray(raw.edges) ? (raw.edges as StoredEdge[]) : [];
  const index = new Map<string, number>();
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    node.attributes ??= {} as StoredNodeAttributes;
    const attrs = node.attributes;
    attrs.name ??= String(node.key);
    attrs.aliases ??= [];
    attrs.docs ??= [];
    index.set(String(node.key), i);
  }
  const source = new Int32Array(edges.length);
  const target = new Int32Array(edges.length);
  const degree = new Int32Array(nodes.length);
  for (let e = 0; e < edges.length; e++) {
    const edge = edges[e]!;
    const s = index.get(String(edge.source));
    const t = index.get(String(edge.target));
    if (s === undefined || t === undefined) throw new GraphLoadError(`graph.json: edge ${e} joins a node that does not exist (${edge.source} → ${edge.target})`);
    edge.attributes ??= { type: 'RELATED_TO', evidence: [], weight: 1, confidence: 0 };
    edge.attributes.evidence ??= [];
    source[e] = s;
    target[e] = t;
    degree[s]!++;
    degree[t]!++;
  }
  let maxDegree = 0;
  for (let i = 0; i < degree.length; i++) if (degree[i]! > maxDegree) maxDegree = degree[i]!;
  const documents = new Map<string, SourceDocument>();
  for (const doc of raw.attributes?.documents ?? []) documents.set(doc.id, doc);

  let offsets: Int32Array | null = null;
  let list: Int32Array | null = null;
  // Built on first use: the first render does not need it.
  const buildAdjacency = (): void => {
    offsets = new Int32Array(nodes.length + 1);
    for (let i = 0; i < nodes.length; i++) offsets[i + 1] = offsets[i]! + degree[i]!;
    const fill = offsets.slice(0, nodes.length);
    list = new Int32Array(edges.length * 2);
    for (let e = 0; e < edges.length; e++) {
      list[fill[source[e]!]!++] = e;
      list[fill[target[e]!]!++] = e;
    }
  };
  return {
    nodes,
    edges,
    index,
    source,
    target,
    degree,
    maxDegree,
    documents,
    incident(node: number): Int32Array {
      if (!offsets || !list) buildAdjacency();
      return list!.subarray(offsets![node]!, offsets![node + 1]!);
    },
  };
}

/** The node at the other end of edge `e` from node `node`. */
export function otherEnd(store: Store, e: number, node: number): number {
  return store.source[e] === node ? store.target[e]! : store.source[e]!;
}

/** A store with more nodes and edges appended (live mode); indices of the old ones do not change. */
export function extendStore(store: Store, nodes: StoredNode[], edges: StoredEdge[]): Store {
  const fresh = nodes.filter((n) => !store.index.has(n.key));
  return buildStore({
    nodes: store.nodes.concat(fresh),
    edges: store.edges.concat(edges),
    attributes: { documents: [...store.documents.values()] },
  });
}
