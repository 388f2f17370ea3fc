// Node size by degree (over the whole store) or PageRank (over the visible graph), and Louvain
// communities (over the visible graph), both from graphology's standard library.
import pagerank from 'graphology-metrics/centrality/pagerank';
import louvain from 'graphology-communities-louvain';
import type { Store } from './graph-load.ts';
import type { ViewGraph } from './view.ts';

export type SizeBy = 'degree' | 'pagerank';

const MIN_SIZE = 3;
const MAX_SIZE = 16;

function scale(value: number, max: number): number {
  return MIN_SIZE + (MAX_SIZE - MIN_SIZE) * Math.sqrt(max > 0 ? value / max : 0);
}

export function applySizes(view: ViewGraph, store: Store, sizeBy: SizeBy): void {
  if (sizeBy === 'pagerank' && view.size > 0) {
    const ranks = pagerank(view, { getEdgeWeight: null, maxIterations: 200, tolerance: 1e-6 });
    let max = 0;
    for (const key in ranks) max = Math.max(max, ranks[key]!);
    view.updateEachNodeAttributes((key, a) => ({ ...a, size: scale(ranks[key] ?? 0, max) }));
    return;
  }
  view.updateEachNodeAttributes((_, a) => ({ ...a, size: scale(store.degree[a.index]!, store.maxDegree) }));
}

/** Assigns `community` to every visible node; returns how many communities were found. */
export function assignCommunities(view: ViewGraph): number {
  if (view.order === 0) return 0;
  const communities = louvain(view, { getEdgeWeight: null, rng: seededRandom(7) });
  const ids = new Map<number, number>();
  // Renumber by first appearance so that colours are stable for the same graph.
  view.updateEachNodeAttributes((key, a) => {
    const raw = communities[key]!;
    if (!ids.has(raw)) ids.set(raw, ids.size);
    return { ...a, community: ids.get(raw)! };
  });
  return ids.size;
}

function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
