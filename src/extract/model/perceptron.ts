// Averaged structured perceptron (Collins 2002) over BIO tag sequences of K types, on features
// already turned into dense ids. Averaging uses the w − u/c trick, so each update costs O(1). A
// sentence from a corpus that annotates only some types is decoded with the others shut out, so its
// silence about them (an industry left untagged in People's Daily) teaches nothing.
import { PARTS, tagCount } from './tags.ts';
import { viterbi } from './viterbi.ts';

/** Training data: every sentence's characters concatenated. */
export interface EncodedCorpus {
  /** Slots per character. */
  F: number;
  /** chars × F feature ids, −1 = absent. */
  feats: Int32Array;
  /** Sentence s spans characters offsets[s] .. offsets[s+1). */
  offsets: Int32Array;
  /** Gold tag of every character. */
  gold: Uint8Array;
  numFeatures: number;
  /** Entity types (tags.ts: 1 + PARTS·K tags). */
  K: number;
  /** Per sentence, bit k set when the sentence's source annotates type k. */
  typeMasks: Uint32Array;
  /** Per sentence, how many times it is seen in an epoch (a small in-domain corpus counts more). */
  repeats?: Uint8Array;
  /** Per sentence, 1 when it is also seen in the closing epochs (PerceptronOptions.closingEpochs). */
  closing?: Uint8Array;
}

export interface PerceptronWeights {
  /** numFeatures × T, averaged. */
  weights: Float32Array;
  transitions: Float32Array;
  endTransitions: Float32Array;
}

export interface PerceptronOptions {
  epochs: number;
  /**
   * Epochs after `epochs` over the sentences marked `closing` alone: the in-domain corpus has the last
   * word on conventions where public corpora differ (MSRA splits 中国/政府 where our guideline does not).
   */
  closingEpochs?: number;
  seed: number;
  /** Called after each epoch with the averaged weights so far and the epoch's training mistakes. */
  onEpoch?: (epoch: number, mistakes: number, averaged: () => PerceptronWeights) => void;
}

/** Deterministic PRNG (mulberry32). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function trainPerceptron(corpus: EncodedCorpus, options: PerceptronOptions): PerceptronWeights {
  const { F, feats, offsets, gold, numFeatures, K, typeMasks } = corpus;
  const T = tagCount(K);
  const all = (1 << K) - 1;
  const sentences = offsets.length - 1;
  const w = new Float32Array(numFeatures * T);
  const u = new Float64Array(numFeatures * T);
  const tw = new Float32Array((T + 1) * T);
  const tu = new Float64Array((T + 1) * T);
  const ew = new Float32Array(T);
  const eu = new Float64Array(T);
  let maxLen = 1;
  for (let s = 0; s < sentences; s++) maxLen = Math.max(maxLen, offsets[s + 1] - offsets[s]);
  const emit = new Float64Array(maxLen * T);
  const pred = new Uint8Array(maxLen);
  const seen: number[] = [];
  for (let s = 0; s < sentences; s++) for (let r = corpus.repeats?.[s] ?? 1; r > 0; r--) seen.push(s);
  const everything = Int32Array.from(seen);
  const closingOrder = Int32Array.from(seen.filter((s) => corpus.closing?.[s] === 1));
  let order = everything;
  const random = mulberry32(options.seed);
  let c = 1;

  const update = (weights: Float32Array, sums: Float64Array, index: number, delta: number): void => {
    weights[index] += delta;
    sums[index] += c * delta;
  };

  const averaged = (): PerceptronWeights => {
    const avg = (weights: Float32Array, sums: Float64Array): Float32Array => {
      const out = new Float32Array(weights.length);
      for (let i = 0; i < weights.length; i++) out[i] = weights[i] - sums[i] / c;
      return out;
    };
    return { weights: avg(w, u), transitions: avg(tw, tu), endTransitions: avg(ew, eu) };
  };

  const total = options.epochs + (options.closingEpochs ?? 0);
  for (let epoch = 1; epoch <= total; epoch++) {
    order = epoch > options.epochs ? closingOrder : everything;
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const tmp = order[i];
      order[i] = order[j];
      order[j] = tmp;
    }
    let mistakes = 0;
    for (const s of order) {
      const base = offsets[s];
      const n = offsets[s + 1] - base;
      if (n === 0) continue;
      emit.fill(0, 0, n * T);
      for (let i = 0; i < n; i++) {
        for (let k = (base + i) * F, end = k + F; k < end; k++) {
          const f = feats[k];
          if (f < 0) continue;
          const o = f * T;
          for (let t = 0; t < T; t++) emit[i * T + t] += w[o + t];
        }
      }
      const mask = typeMasks[s];
      if (mask !== all) {
        for (let k = 0; k < K; k++) {
          if (mask & (1 << k)) continue;
          for (let i = 0; i < n; i++) for (let t = 1 + PARTS * k; t <= PARTS * (k + 1); t++) emit[i * T + t] = -Infinity;
        }
      }
      viterbi(emit, n, tw, ew, pred, K);
      let wrong = false;
      for (let i = 0; i < n; i++) {
        const g = gold[base + i];
        const p = pred[i];
        const gPrev = i === 0 ? T : gold[base + i - 1];
        const pPrev = i === 0 ? T : pred[i - 1];
        if (g !== p) {
          wrong = true;
          for (let k = (base + i) * F, end = k + F; k < end; k++) {
            const f = feats[k];
            if (f < 0) continue;
            update(w, u, f * T + g, 1);
            update(w, u, f * T + p, -1);
          }
        }
        if (g !== p || gPrev !== pPrev) {
          update(tw, tu, gPrev * T + g, 1);
          update(tw, tu, pPrev * T + p, -1);
        }
      }
      const gLast = gold[base + n - 1];
      const pLast = pred[n - 1];
      if (gLast !== pLast) {
        update(ew, eu, gLast, 1);
        update(ew, eu, pLast, -1);
      }
      if (wrong) mistakes++;
      c++;
    }
    options.onEpoch?.(epoch, mistakes, averaged);
  }
  return averaged();
}
