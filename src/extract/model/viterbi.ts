// Best tag sequence (Viterbi) and span probabilities (forward–backward) of a linear chain over BIO
// tags of K types (tags.ts). Only legal transitions are visited: into O and B-y from any tag; into I-x
// from B-x and I-x. A step costs (K+1)·T + 2K operations.
import { O, B, I, tagCount, tagOf } from './tags.ts';

export interface Lattice {
  K: number;
  T: number;
  /** O, then B of each type: the tags any tag may precede. */
  opening: Int32Array;
}

const lattices = new Map<number, Lattice>();

export function lattice(K: number): Lattice {
  let l = lattices.get(K);
  if (!l) {
    const opening = [O];
    for (let k = 0; k < K; k++) opening.push(tagOf(k, B));
    l = { K, T: tagCount(K), opening: Int32Array.from(opening) };
    lattices.set(K, l);
  }
  return l;
}

let back = new Uint8Array(0);
let cur = new Float64Array(0);
let next = new Float64Array(0);

/**
 * Writes into `out` the highest-scoring legal tag sequence for emission scores `emit` (n × T,
 * position-major) and transition scores `trans` ((T+1) × T, row T = sentence start) / `endTrans` (T).
 */
export function viterbi(emit: Float64Array, n: number, trans: Float32Array, endTrans: Float32Array, out: Uint8Array, K: number): void {
  if (n === 0) return;
  const { T, opening } = lattice(K);
  if (back.length < n * T) back = new Uint8Array(n * T * 2);
  if (cur.length < T) (cur = new Float64Array(T)), (next = new Float64Array(T));
  const start = T * T;
  for (let t = 0; t < T; t++) cur[t] = -Infinity;
  for (let j = 0; j < opening.length; j++) {
    const t = opening[j];
    cur[t] = emit[t] + trans[start + t];
  }
  for (let i = 1; i < n; i++) {
    const o = i * T;
    for (let j = 0; j < opening.length; j++) {
      const to = opening[j];
      let best = -Infinity;
      let arg = O;
      for (let from = 0; from < T; from++) {
        const s = cur[from] + trans[from * T + to];
        if (s > best) (best = s), (arg = from);
      }
      next[to] = best + emit[o + to];
      back[o + to] = arg;
    }
    for (let b = 1; b < T; b += 2) {
      const s1 = cur[b] + trans[b * T + b + 1];
      const s2 = cur[b + 1] + trans[(b + 1) * T + b + 1];
      next[b + 1] = (s1 >= s2 ? s1 : s2) + emit[o + b + 1];
      back[o + b + 1] = s1 >= s2 ? b : b + 1;
    }
    const swap = cur;
    cur = next;
    next = swap;
  }
  let best = -Infinity;
  let arg = O;
  for (let t = 0; t < T; t++) {
    const s = cur[t] + endTrans[t];
    if (s > best) (best = s), (arg = t);
  }
  for (let i = n - 1; i >= 0; i--) {
    out[i] = arg;
    arg = back[i * T + arg];
  }
}

let alpha = new Float64Array(0);
let beta = new Float64Array(0);
let x = new Float64Array(0);
let scale = new Float64Array(0);
let tr = new Float64Array(0);

/**
 * Probability of each given tagged stretch (tags[start..end) exactly as in `tags`) under the
 * distribution exp(score / temperature) over legal sequences: the confidence of a span.
 * Forward–backward in probability space with per-position scaling (Rabiner).
 */
export function spanProbabilities(
  emit: Float64Array,
  n: number,
  trans: Float32Array,
  endTrans: Float32Array,
  tags: Uint8Array,
  spans: readonly { start: number; end: number }[],
  temperature: number,
  K: number,
): number[] {
  if (spans.length === 0) return [];
  const { T, opening } = lattice(K);
  const k = 1 / temperature;
  if (alpha.length < n * T) {
    alpha = new Float64Array(n * T * 2);
    beta = new Float64Array(n * T * 2);
    x = new Float64Array(n * T * 2);
    scale = new Float64Array(n * 2);
  }
  if (tr.length < (T + 1) * T) tr = new Float64Array((T + 1) * T);
  for (let i = 0; i < (T + 1) * T; i++) tr[i] = Math.exp(trans[i] * k);
  // Emission factors, shifted by each position's best score so exp() never overflows.
  for (let i = 0, o = 0; i < n; i++, o += T) {
    let max = -Infinity;
    for (let t = 0; t < T; t++) if (emit[o + t] > max) max = emit[o + t];
    for (let t = 0; t < T; t++) x[o + t] = Math.exp((emit[o + t] - max) * k);
  }
  forward(n, T, opening);
  backward(n, T, opening, endTrans, k);
  const out: number[] = [];
  for (const { start, end } of spans) {
    let p = alpha[start * T + tags[start]];
    for (let i = start + 1; i < end; i++) p *= (tr[tags[i - 1] * T + tags[i]] * x[i * T + tags[i]]) / scale[i];
    // The span ends here only if the next tag does not continue it.
    if (end < n) {
      const cont = tags[end - 1] + (tags[end - 1] % 2 === 1 ? 1 : 0);
      const o = end * T;
      p *= 1 - (tr[tags[end - 1] * T + cont] * x[o + cont] * beta[o + cont]) / scale[end] / beta[(end - 1) * T + tags[end - 1]];
    }
    p *= beta[(end - 1) * T + tags[end - 1]];
    out.push(Math.min(1, Math.max(0, p)));
  }
  return out;
}

function forward(n: number, T: number, opening: Int32Array): void {
  for (let t = 0; t < T; t++) alpha[t] = 0;
  for (let j = 0; j < opening.length; j++) alpha[opening[j]] = tr[T * T + opening[j]] * x[opening[j]];
  normalize(0, T);
  for (let i = 1; i < n; i++) {
    const p = (i - 1) * T;
    const o = i * T;
    for (let j = 0; j < opening.length; j++) {
      const to = opening[j];
      let sum = 0;
      for (let from = 0; from < T; from++) sum += alpha[p + from] * tr[from * T + to];
      alpha[o + to] = sum * x[o + to];
    }
    for (let b = 1; b < T; b += 2) {
      alpha[o + b + 1] = (alpha[p + b] * tr[b * T + b + 1] + alpha[p + b + 1] * tr[(b + 1) * T + b + 1]) * x[o + b + 1];
    }
    normalize(i, T);
  }
}

function normalize(i: number, T: number): void {
  const o = i * T;
  let sum = 0;
  for (let t = 0; t < T; t++) sum += alpha[o + t];
  scale[i] = sum;
  for (let t = 0; t < T; t++) alpha[o + t] /= sum;
}

function backward(n: number, T: number, opening: Int32Array, endTrans: Float32Array, k: number): void {
  const last = (n - 1) * T;
  let z = 0;
  for (let t = 0; t < T; t++) z += alpha[last + t] * Math.exp(endTrans[t] * k);
  for (let t = 0; t < T; t++) beta[last + t] = Math.exp(endTrans[t] * k) / z;
  for (let i = n - 2; i >= 0; i--) {
    const o = i * T;
    const p = o + T;
    const sc = scale[i + 1];
    for (let from = 0; from < T; from++) {
      let sum = 0;
      for (let j = 0; j < opening.length; j++) sum += tr[from * T + opening[j]] * x[p + opening[j]] * beta[p + opening[j]];
      if (from !== O) {
        const inside = from % 2 === 1 ? from + 1 : from; // I of the same type
        sum += tr[from * T + inside] * x[p + inside] * beta[p + inside];
      }
      beta[o + from] = sum / sc;
    }
  }
}
