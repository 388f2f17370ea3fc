// Large graphs are not capped: past LARGE_GRAPH_NODES the view starts with the most connected
// nodes, says how many are hidden, and shows more on request (a batch, or one node's neighbours).
import type { Store } from './graph-load.ts';
import { otherEnd } from './graph-load.ts';
import type { ViewGraph } from './view.ts';

/** Past this many nodes, the first view holds only the most central ones. */
export const LARGE_GRAPH_NODES = 5000;
/** How many nodes the first view and each "show more" add. */
export const BATCH = 3000;

/** Node indices by degree, highest first. */
export function byDegree(store: Store): Int32Array {
  const order = new Int32Array(store.nodes.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort((a, b) => store.degree[b]! - store.degree[a]! || a - b);
}

/** How many nodes the first view and each "show more" add when the graph has more than `limit`. */
export function batchSize(limit: number): number {
  return Math.max(1, Math.min(BATCH, limit));
}

/** What to show first: everything up to `limit` nodes, else the top batch by degree. */
export function initialNodes(store: Store, ranking: Int32Array, limit = LARGE_GRAPH_NODES): Int32Array {
  return store.nodes.length <= limit ? ranking : ranking.subarray(0, Math.min(batchSize(limit), ranking.length));
}

/** The next `count` hidden nodes by degree. */
export function nextNodes(store: Store, ranking: Int32Array, view: ViewGraph, count = BATCH): number[] {
  const out: number[] = [];
  for (let r = 0; r < ranking.length && out.length < count; r++) {
    const i = ranking[r]!;
    if (!view.hasNode(store.nodes[i]!.key)) out.push(i);
  }
  return out;
}

/** The neighbours of a node that the view does not show yet. */
export function hiddenNeighbours(store: Store, view: ViewGraph, node: number): number[] {
  const out = new Set<number>();
  for (const e of store.incident(node)) {
    const other = otherEnd(store, e, node);
    if (!view.hasNode(store.nodes[other]!.key)) out.add(other);
  }
  return [...out];
}
