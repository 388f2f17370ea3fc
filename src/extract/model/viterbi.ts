// Best tag sequence (Viterbi) and span probabilities (forward–backward) of a linear chain over the
// five BIOES tags, written out tag by tag: O, E, S may be followed by O, B, S; B, I by I, E. This is
// the hot path of predict, so the legal transitions are spelled out instead of looped over.
import { T, O, B, I, E, S } from './tags.ts';

let back = new Uint8Array(0);

/**
 * Writes into `out` the highest-scoring legal tag sequence for emission scores `emit` (n × T,
 * position-major) and transition scores `trans` ((T+1) × T, row T = sentence start) / `endTrans` (T).
 */
export function viterbi(emit: Float64Array, n: number, trans: Float32Array, endTrans: Float32Array, out: Uint8Array): void {
  if (n === 0) return;
  if (back.length < n * T) back = new Uint8Array(n * T * 2);
  const tOO = trans[O * T + O], tOB = trans[O * T + B], tOS = trans[O * T + S];
  const tEO = trans[E * T + O], tEB = trans[E * T + B], tES = trans[E * T + S];
  const tSO = trans[S * T + O], tSB = trans[S * T + B], tSS = trans[S * T + S];
  const tBI = trans[B * T + I], tBE = trans[B * T + E], tII = trans[I * T + I], tIE = trans[I * T + E];
  let dO = emit[O] + trans[T * T + O];
  let dB = emit[B] + trans[T * T + B];
  let dI = -Infinity;
  let dE = -Infinity;
  let dS = emit[S] + trans[T * T + S];
  for (let i = 1; i < n; i++) {
    const o = i * T;
    // Into O, B, S: from O, E or S.
    let best = dO + tOO, arg = O, s = dE + tEO;
    if (s > best) (best = s), (arg = E);
    s = dS + tSO;
    if (s > best) (best = s), (arg = S);
    const nO = best + emit[o + O];
    back[o + O] = arg;
    (best = dO + tOB), (arg = O), (s = dE + tEB);
    if (s > best) (best = s), (arg = E);
    s = dS + tSB;
    if (s > best) (best = s), (arg = S);
    const nB = best + emit[o + B];
    back[o + B] = arg;
    (best = dO + tOS), (arg = O), (s = dE + tES);
    if (s > best) (best = s), (arg = E);
    s = dS + tSS;
    if (s > best) (best = s), (arg = S);
    const nS = best + emit[o + S];
    back[o + S] = arg;
    // Into I, E: from B or I.
    (best = dB + tBI), (arg = B), (s = dI + tII);
    if (s > best) (best = s), (arg = I);
    const nI = best + emit[o + I];
    back[o + I] = arg;
    (best = dB + tBE), (arg = B), (s = dI + tIE);
    if (s > best) (best = s), (arg = I);
    const nE = best + emit[o + E];
    back[o + E] = arg;
    (dO = nO), (dB = nB), (dI = nI), (dE = nE), (dS = nS);
  }
  let best = dO + endTrans[O], arg = O, s = dE + endTrans[E];
  if (s > best) (best = s), (arg = E);
  s = dS + endTrans[S];
  if (s > best) arg = S;
  for (let i = n - 1; i >= 0; i--) {
    out[i] = arg;
    arg = back[i * T + arg];
  }
}

let alpha = new Float64Array(0);
let beta = new Float64Array(0);
let x = new Float64Array(0);
let scale = new Float64Array(0);
const tr = new Float64Array((T + 1) * T);

/**
 * Probability of each given tagged stretch (tags[start..end) exactly as in `tags`) under the
 * distribution exp(score / temperature) over legal sequences: the confidence of a span.
 * Forward–backward in probability space with per-position scaling (Rabiner), T exp() per character.
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
    x = new Float64Array(n * T * 2);
    scale = new Float64Array(n * 2);
  }
  for (let i = 0; i < tr.length; i++) tr[i] = Math.exp(trans[i] * k);
  const tOO = tr[O * T + O], tOB = tr[O * T + B], tOS = tr[O * T + S];
  const tEO = tr[E * T + O], tEB = tr[E * T + B], tES = tr[E * T + S];
  const tSO = tr[S * T + O], tSB = tr[S * T + B], tSS = tr[S * T + S];
  const tBI = tr[B * T + I], tBE = tr[B * T + E], tII = tr[I * T + I], tIE = tr[I * T + E];
  // Emission factors, shifted by each position's best score so exp() never overflows.
  for (let i = 0, o = 0; i < n; i++, o += T) {
    const max = Math.max(emit[o], emit[o + 1], emit[o + 2], emit[o + 3], emit[o + 4]);
    for (let t = 0; t < T; t++) x[o + t] = Math.exp((emit[o + t] - max) * k);
  }
  // Forward.
  let aO = tr[T * T + O] * x[O], aB = tr[T * T + B] * x[B], aI = 0, aE = 0, aS = tr[T * T + S] * x[S];
  for (let i = 0, o = 0; i < n; i++, o += T) {
    if (i > 0) {
      const fromOES_O = aO * tOO + aE * tEO + aS * tSO;
      const fromOES_B = aO * tOB + aE * tEB + aS * tSB;
      const fromOES_S = aO * tOS + aE * tES + aS * tSS;
      const toI = aB * tBI + aI * tII;
      const toE = aB * tBE + aI * tIE;
      aO = fromOES_O * x[o + O];
      aB = fromOES_B * x[o + B];
      aI = toI * x[o + I];
      aE = toE * x[o + E];
      aS = fromOES_S * x[o + S];
    }
    const sum = aO + aB + aI + aE + aS;
    scale[i] = sum;
    aO /= sum, aB /= sum, aI /= sum, aE /= sum, aS /= sum;
    alpha[o + O] = aO, alpha[o + B] = aB, alpha[o + I] = aI, alpha[o + E] = aE, alpha[o + S] = aS;
  }
  // Backward, ending in O, E or S.
  const eO = Math.exp(endTrans[O] * k), eE = Math.exp(endTrans[E] * k), eS = Math.exp(endTrans[S] * k);
  const z = aO * eO + aE * eE + aS * eS;
  let bO = eO / z, bB = 0, bI = 0, bE = eE / z, bS = eS / z;
  for (let i = n - 1, o = (n - 1) * T; i >= 0; i--, o -= T) {
    if (i < n - 1) {
      const c = scale[i + 1];
      const p = o + T;
      const vO = x[p + O] * bO, vB = x[p + B] * bB, vI = x[p + I] * bI, vE = x[p + E] * bE, vS = x[p + S] * bS;
      const nO = (tOO * vO + tOB * vB + tOS * vS) / c;
      const nE = (tEO * vO + tEB * vB + tES * vS) / c;
      const nS = (tSO * vO + tSB * vB + tSS * vS) / c;
      const nB = (tBI * vI + tBE * vE) / c;
      const nI = (tII * vI + tIE * vE) / c;
      (bO = nO), (bB = nB), (bI = nI), (bE = nE), (bS = nS);
    }
    beta[o + O] = bO, beta[o + B] = bB, beta[o + I] = bI, beta[o + E] = bE, beta[o + S] = bS;
  }
  // Plain loops, no closures: tsx wraps every arrow function it creates, which costs in a hot path.
  const out: number[] = [];
  for (const { start, end } of spans) {
    let p = alpha[start * T + tags[start]];
    for (let i = start + 1; i < end; i++) p *= (tr[tags[i - 1] * T + tags[i]] * x[i * T + tags[i]]) / scale[i];
    p *= beta[(end - 1) * T + tags[end - 1]];
    out.push(Math.min(1, p));
  }
  return out;
}
