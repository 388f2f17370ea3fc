// From labeled sentences to an EntityModel: tag with jieba, hash features to buckets, run the averaged
// perceptron, keep the buckets whose weights matter.
import type { EntityType } from '../../types.ts';
import type { EntityModel, LabeledSentence, LexiconList } from './types.ts';
import { buildLexicon } from './lexicon.ts';
import { extractFeatures, slotCount, FEATURE_SET } from './features.ts';
import { trainPerceptron, type PerceptronWeights } from './perceptron.ts';
import { spansToTags, tagCount, tagNames } from './tags.ts';
import { quantize } from './weights.ts';
import { encodeHints, type Hint } from './hints.ts';
import { tokenize as jiebaTokens, type Token } from '../tokens.ts';

export interface TrainOptions {
  epochs: number;
  seed: number;
  types: EntityType[];
  lexicons: LexiconList[];
  /** Features hash to 2^bits weight buckets. */
  bits: number;
  /** Buckets whose largest |weight| is at most this are dropped from the model. */
  pruneBelow?: number;
  /** Epochs over the `closing` sentences alone after the others (see PerceptronOptions). */
  closingEpochs?: number;
  closing?: (sentence: LabeledSentence) => boolean;
  /** How often each sentence is seen per epoch (default 1). */
  repeats?: (sentence: LabeledSentence) => number;
  tokenize?: (text: string) => Token[];
  /** The rules' proposals for a sentence (hints.ts); the tagger learns how far to trust them. */
  hints?: (sentence: LabeledSentence, tokens: Token[]) => Hint[];
  meta?: Record<string, unknown>;
  onEpoch?: (epoch: number, mistakes: number, snapshot: () => EntityModel) => void;
}

export function trainEntityModel(sentences: readonly LabeledSentence[], options: TrainOptions): EntityModel {
  const tokenize = options.tokenize ?? jiebaTokens;
  let hintCodes = new Int32Array(0);
  const lexicon = buildLexicon(options.lexicons);
  const F = slotCount(lexicon);
  const K = options.types.length;
  const typeIndex = new Map(options.types.map((t, k) => [t, k]));

  let chars = 0;
  for (const s of sentences) chars += s.text.length;
  const buckets = new Uint32Array(chars * F);
  const offsets = new Int32Array(sentences.length + 1);
  const gold = new Uint8Array(chars);
  const typeMasks = new Uint32Array(sentences.length);
  const repeats = new Uint8Array(sentences.length);
  const closing = new Uint8Array(sentences.length);
  let at = 0;
  sentences.forEach((sentence, s) => {
    const n = sentence.text.length;
    offsets[s] = at;
    const tokens = tokenize(sentence.text);
    if (hintCodes.length < 2 * n) hintCodes = new Int32Array(4 * n);
    if (options.hints) encodeHints(n, options.hints(sentence, tokens), hintCodes);
    extractFeatures(sentence.text, tokens, lexicon, options.bits, buckets.subarray(at * F, (at + n) * F), options.hints ? hintCodes : undefined);
    const spans = sentence.spans.flatMap((span) => (typeIndex.has(span.type) ? [{ ...span, type: typeIndex.get(span.type)! }] : []));
    gold.set(spansToTags(n, spans), at);
    typeMasks[s] = (sentence.annotates ?? options.types).reduce((mask, t) => (typeIndex.has(t) ? mask | (1 << typeIndex.get(t)!) : mask), 0);
    repeats[s] = Math.max(1, Math.min(255, options.repeats?.(sentence) ?? 1));
    closing[s] = options.closing?.(sentence) ? 1 : 0;
    at += n;
  });
  offsets[sentences.length] = at;
  // Bucket 0 is "no feature".
  const feats = new Int32Array(buckets.length);
  for (let k = 0; k < buckets.length; k++) feats[k] = buckets[k] === 0 ? -1 : buckets[k];

  const toModel = (w: PerceptronWeights): EntityModel => buildModel(w, options, { ...options.meta, sentences: sentences.length, characters: chars });
  const weights = trainPerceptron(
    { F, feats, offsets, gold, numFeatures: 2 ** options.bits, K, typeMasks, repeats, closing },
    {
      epochs: options.epochs,
      closingEpochs: options.closingEpochs,
      seed: options.seed,
      onEpoch: options.onEpoch && ((epoch, mistakes, averaged) => options.onEpoch!(epoch, mistakes, () => toModel(averaged()))),
    },
  );
  return toModel(weights);
}

function buildModel(w: PerceptronWeights, options: TrainOptions, meta: Record<string, unknown>): EntityModel {
  const T = tagCount(options.types.length);
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
    types: options.types,
    tags: tagNames(options.types),
    lexicons: options.lexicons,
    transitions: w.transitions,
    endTransitions: w.endTransitions,
    buckets,
    weights,
    step,
    // Whether the rules' proposals are features: predict must then give them too.
    meta: { ...meta, hints: Boolean(options.hints), keptBuckets: kept.length },
  };
}
