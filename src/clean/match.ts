// Word overlap between short furniture (a title, a summary block) and article bodies, measured on
// character bigrams (Chinese has no spaces; two-character words carry most of a title's meaning),
// scored as query likelihood: how much better a body explains the short text's bigrams than the
// page as a whole does (Dirichlet-smoothed lift), so that a body dense in a title's words wins.
import { isCJK } from './chars.ts';

export type Bag = Map<string, number>;

/** Dirichlet smoothing mass, in bigrams. */
const MU = 100;
/** One bigram can move a score at most this much either way. */
const MAX_TERM = 3;

export function bigrams(text: string): Bag {
  const bag: Bag = new Map();
  for (let i = 0; i + 1 < text.length; i++) {
    const a = text[i]!;
    const b = text[i + 1]!;
    if (!isCJK(a) || !isCJK(b)) continue;
    const g = a + b;
    bag.set(g, (bag.get(g) ?? 0) + 1);
  }
  return bag;
}

export function total(bag: Bag): number {
  let n = 0;
  for (const v of bag.values()) n += v;
  return n;
}

export interface Background {
  bag: Bag;
  size: number;
}

export function background(bags: Bag[]): Background {
  const bag: Bag = new Map();
  for (const b of bags) for (const [g, c] of b) bag.set(g, (bag.get(g) ?? 0) + c);
  return { bag, size: Math.max(1, total(bag)) };
}

/**
 * Mean positive log-lift of the short text's bigrams (weighted by their count in it, so that its
 * topic words count most) in the long text against the background: how much more the long text
 * uses the short text's words than the page does. A bigram the long text lacks adds nothing
 * (titles paraphrase); one the background lacks is skipped.
 */
export function affinity(short: Bag, long: Bag, bg: Background): number {
  const size = total(long);
  let sum = 0;
  let n = 0;
  for (const [g, weight] of short) {
    const p = (bg.bag.get(g) ?? 0) / bg.size;
    if (!p) continue;
    n += weight;
    const c = long.get(g) ?? 0;
    if (!c) continue;
    const term = Math.log((c + MU * p) / ((size + MU) * p));
    if (term > 0) sum += weight * Math.min(MAX_TERM, term);
  }
  return n ? sum / n : 0;
}

export interface Assignment {
  row: number;
  col: number;
  score: number;
}

/** One-to-one assignment, greedy by best score; pairs under `min` stay unassigned. */
export function assignGreedy(scores: number[][], min: number): Assignment[] {
  const cells: Assignment[] = [];
  scores.forEach((r, row) => r.forEach((score, col) => cells.push({ row, col, score })));
  cells.sort((a, b) => b.score - a.score);
  const rows = new Set<number>();
  const cols = new Set<number>();
  const out: Assignment[] = [];
  for (const cell of cells) {
    if (cell.score < min || rows.has(cell.row) || cols.has(cell.col)) continue;
    rows.add(cell.row);
    cols.add(cell.col);
    out.push(cell);
  }
  return out;
}
