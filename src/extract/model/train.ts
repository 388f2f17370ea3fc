// From labeled sentences to an OrgModel: tag with jieba, hash features to buckets, run the averaged
// perceptron, keep the buckets whose weights matter.
import type { LabeledSentence, LexiconList, OrgModel, TaggedWord } from './types.ts';
import { buildLexicon } from './lexicon.ts';
import { extractFeatures, slotCount, FEATURE_SET } from './features.ts';
import { trainPerceptron, type PerceptronWeights } from './perceptron.ts';
import { spansToTags, TAGS, T } from './tags.ts';
import { quantize } from './weights.ts';
import { jiebaTag } from './tagger.ts';

export interface TrainOrgOptions {
  epochs: number;
  seed: number;
  lexicons: LexiconList[];
  /** Features hash to 2^bits weight buckets. */
  bits: number;
  /** Buckets whose largest |weight| is at most this are dropped from the model. */
  pruneBelow?: number;
  tokenize?: (text: string) => TaggedWord[];
  meta?: Record<string, unknown>;
  onEpoch?: (epoch: number, mistakes: number, snapshot: () => OrgModel) => void;
}

export function trainOrgModel(sentences: readonly LabeledSentence[], options: TrainOrgOptions): OrgModel {
  const tokenize = options.tokenize ?? jiebaTag;
  const lexicon = buildLexicon(options.lexicons);
  const F = slotCount(lexicon);

  let chars = 0;
  for (const s of sentences) chars += s.text.length;
  const buckets = new Uint32Array(chars * F);
  const offsets = new Int32Array(sentences.length + 1);
  const gold = new Uint8Array(chars);
  let at = 0;
  sentences.forEach((sentence, s) => {
    const n = sentence.text.length;
    offsets[s] = at;
    extractFeatures(sentence.text, tokenize(sentence.text), lexicon, options.bits, buckets.subarray(at * F, (at + n) * F));
    gold.set(spansToTags(n, sentence.spans), at);
    at += n;
  });
  offsets[sentences.length] = at;
  // Bucket 0 is "no feature".
  const feats = new Int32Array(buckets.length);
  for (let k = 0; k < buckets.length; k++) feats[k] = buckets[k] === 0 ? -1 : buckets[k];

  const toModel = (w: PerceptronWeights): OrgModel => buildModel(w, options, { ...options.meta, sentences: sentences.length });
  const weights = trainPerceptron(
    { F, feats, offsets, gold, numFeatures: 2 ** options.bits },
    {
      epochs: options.epochs,
      seed: options.seed,
      onEpoch: options.onEpoch && ((epoch, mistakes, averaged) => options.onEpoch!(epoch, mistakes, () => toModel(averaged()))),
    },
  );
  return toModel(weights);
}

function buildModel(w: PerceptronWeights, options: TrainOrgOptions, meta: Record<string, unknown>): OrgModel {
  const pruneBelow = options.pruneBelow ?? 0;
  const kept: number[] = [];
  const total = w.weights.length / T;
  for (let b = 1; b < total; b++) {
    let max = 0;
    for (let t = 0; t < T; t++) max = Math.max(max, Math.abs(w.weights[b * T + t]));
    if (max > pruneBelow) kept.push(b);
  }
  const buckets = Uint32Array.from(kept);
  const kept32 = new Float32Array(kept.length * T);
  kept.forEach((b, i) => kept32.set(w.weights.subarray(b * T, b * T + T), i * T));
  const { weights, step } = quantize(kept32);
  return {
    featureSet: FEATURE_SET,
    bits: options.bits,
    tags: TAGS,
    lexicons: options.lexicons,
    transitions: w.transitions,
    endTransitions: w.endTransitions,
    buckets,
    weights,
    step,
    meta: { ...meta, keptBuckets: kept.length },
  };
}
