// The graph sigma renders: a graphology graph holding the visible part of the store.
// Entity and relation types live in `kind` / `relation`, because sigma reads a node's or
// edge's `type` attribute as the name of its rendering program.
import Graph from 'graphology';
import { otherEnd, type Store } from './graph-load.ts';

export interface ViewNode {
  x: number;
  y: number;
  size: number;
  label: string;
  kind: string;
  /** Index into store.nodes. */
  index: number;
  community?: number;
}

export interface ViewEdge {
  relation: string;
  /** Index into store.edges. */
  index: number;
  size: number;
}

export type ViewGraph = Graph<ViewNode, ViewEdge>;

export function createView(): ViewGraph {
  return new Graph<ViewNode, ViewEdge>({ type: 'directed', multi: true, allowSelfLoops: true });
}

/**
 * Adds store nodes (and every edge between them and nodes already shown). Returns the keys of the
 * added nodes that had no stored position; `placeNear` gives them one beside a shown neighbour.
 */
export function showNodes(view: ViewGraph, store: Store, indices: Iterable<number>): string[] {
  const added: number[] = [];
  const unplaced: string[] = [];
  for (const i of indices) {
    const node = store.nodes[i]!;
    if (view.hasNode(node.key)) continue;
    const { x, y } = node.attributes;
    const placed = Number.isFinite(x) && Number.isFinite(y);
    view.addNode(node.key, {
      x: placed ? x! : NaN,
      y: placed ? y! : NaN,
      size: 4,
      label: node.attributes.name,
      kind: node.attributes.type,
      index: i,
    });
    if (!placed) unplaced.push(node.key);
    added.push(i);
  }
  for (const i of added) {
    for (const e of store.incident(i)) {
      const key = `e${e}`;
      if (view.hasEdge(key)) continue;
      const other = store.nodes[otherEnd(store, e, i)]!.key;
      if (!view.hasNode(other)) continue;
      const edge = store.edges[e]!;
      view.addDirectedEdgeWithKey(key, edge.source, edge.target, { relation: edge.attributes.type, index: e, size: 1.5 });
    }
  }
  return unplaced;
}

/** Puts nodes without a position beside a placed neighbour, or at random inside the current extent. */
export function placeNear(view: ViewGraph, keys: string[], random: () => number = Math.random): void {
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  view.forEachNode((_, a) => {
    if (!Number.isFinite(a.x)) return;
    minX = Math.min(minX, a.x); maxX = Math.max(maxX, a.x);
    minY = Math.min(minY, a.y); maxY = Math.max(maxY, a.y);
  });
  if (!Number.isFinite(minX)) { minX = minY = -1; maxX = maxY = 1; }
  const spread = Math.max(maxX - minX, maxY - minY, 1) / 20;
  for (const key of keys) {
    const anchor = view.neighbors(key).map((n) => view.getNodeAttributes(n)).find((a) => Number.isFinite(a.x));
    if (anchor) {
      view.mergeNodeAttributes(key, { x: anchor.x + (random() - 0.5) * spread, y: anchor.y + (random() - 0.5) * spread });
    } else {
      view.mergeNodeAttributes(key, { x: minX + random() * (maxX - minX), y: minY + random() * (maxY - minY) });
    }
  }
}
