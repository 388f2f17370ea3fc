// Best tag sequence (Viterbi) and span marginals (forward–backward) of a linear chain over BIOES tags.
import { T, allowed, allowedEnd } from './tags.ts';

/** Legal-transition mask: row T is the sentence start. */
const LEGAL = new Uint8Array((T + 1) * T);
for (let from = 0; from <= T; from++) for (let to = 0; to < T; to++) LEGAL[from * T + to] = allowed(from, to) ? 1 : 0;
const LEGAL_END = new Uint8Array(T);
for (let t = 0; t < T; t++) LEGAL_END[t] = allowedEnd(t) ? 1 : 0;

let delta = new Float64Array(0);
let back = new Uint8Array(0);

/**
 * Writes into `out` the highest-scoring legal tag sequence for emission scores `emit` (n × T,
 * position-major) and transition scores `trans` ((T+1) × T, row T = start) / `endTrans` (T).
 */
export function viterbi(emit: Float64Array, n: number, trans: Float32Array, endTrans: Float32Array, out: Uint8Array): void {
  if (n === 0) return;
  if (delta.length < n * T) {
    delta = new Float64Array(n * T * 2);
    back = new Uint8Array(n * T * 2);
  }
  for (let t = 0; t < T; t++) delta[t] = LEGAL[T * T + t] ? emit[t] + trans[T * T + t] : -Infinity;
  for (let i = 1; i < n; i++) {
    const o = i * T;
    const p = o - T;
    for (let t = 0; t < T; t++) {
      let best = -Infinity;
      let arg = 0;
      for (let f = 0; f < T; f++) {
        if (!LEGAL[f * T + t]) continue;
        const s = delta[p + f] + trans[f * T + t];
        if (s > best) {
          best = s;
          arg = f;
        }
      }
      delta[o + t] = best + emit[o + t];
      back[o + t] = arg;
    }
  }
  let best = -Infinity;
  let arg = 0;
  const last = (n - 1) * T;
  for (let t = 0; t < T; t++) {
    if (!LEGAL_END[t]) continue;
    const s = delta[last + t] + endTrans[t];
    if (s > best) {
      best = s;
      arg = t;
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    out[i] = arg;
    arg = back[i * T + arg];
  }
}

let alpha = new Float64Array(0);
let beta = new Float64Array(0);
let factor = new Float64Array(0);
let scale = new Float64Array(0);

/**
 * Probability of each given tagged stretch (tags[start..end) exactly as in `tags`) under the
 * distribution exp(score / temperature) over legal sequences: the confidence of a span.
 * Forward–backward in probability space with per-position scaling (Rabiner), so only T exp() per
 * character.
 */
export function spanProbabilities(
  emit: Float64Array,
  n: number,
  trans: Float32Array,
  endTrans: Float32Array,
  tags: Uint8Array,
  spans: readonly { start: number; end: number }[],
  temperature: number,
): number[] {
  if (spans.length === 0) return [];
  const k = 1 / temperature;
  if (alpha.length < n * T) {
    alpha = new Float64Array(n * T * 2);
    beta = new Float64Array(n * T * 2);
    factor = new Float64Array(n * T * 2);
    scale = new Float64Array(n * 2);
  }
  const tr = new Float64Array((T + 1) * T);
  for (let i = 0; i < tr.length; i++) tr[i] = LEGAL[i] ? Math.exp(trans[i] * k) : 0;
  const endF = new Float64Array(T);
  for (let t = 0; t < T; t++) endF[t] = LEGAL_END[t] ? Math.exp(endTrans[t] * k) : 0;
  for (let i = 0; i < n; i++) {
    let max = -Infinity;
    for (let t = 0; t < T; t++) max = Math.max(max, emit[i * T + t]);
    for (let t = 0; t < T; t++) factor[i * T + t] = Math.exp((emit[i * T + t] - max) * k);
  }
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let t = 0; t < T; t++) {
      let acc = 0;
      if (i === 0) acc = tr[T * T + t];
      else for (let f = 0; f < T; f++) acc += alpha[(i - 1) * T + f] * tr[f * T + t];
      const v = acc * factor[i * T + t];
      alpha[i * T + t] = v;
      sum += v;
    }
    scale[i] = sum;
    for (let t = 0; t < T; t++) alpha[i * T + t] /= sum;
  }
  let z = 0;
  for (let t = 0; t < T; t++) z += alpha[(n - 1) * T + t] * endF[t];
  for (let t = 0; t < T; t++) beta[(n - 1) * T + t] = endF[t] / z;
  for (let i = n - 2; i >= 0; i--) {
    for (let f = 0; f < T; f++) {
      let acc = 0;
      for (let t = 0; t < T; t++) acc += tr[f * T + t] * factor[(i + 1) * T + t] * beta[(i + 1) * T + t];
      beta[i * T + f] = acc / scale[i + 1];
    }
  }
  return spans.map(({ start, end }) => {
    let p = alpha[start * T + tags[start]];
    for (let i = start + 1; i < end; i++) p *= (tr[tags[i - 1] * T + tags[i]] * factor[i * T + tags[i]]) / scale[i];
    p *= beta[(end - 1) * T + tags[end - 1]];
    return Math.min(1, p);
  });
}
