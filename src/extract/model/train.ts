// From labeled sentences to an OrgModel: tag with jieba, hash features, map them to dense ids,
// run the averaged perceptron, keep the features whose weights matter.
import nodejieba from 'nodejieba';
import type { LabeledSentence, LexiconList, OrgModel, TaggedWord } from './types.ts';
import { buildLexicon } from './lexicon.ts';
import { extractFeatures, slotCount, FEATURE_SET } from './features.ts';
import { trainPerceptron, type PerceptronWeights } from './perceptron.ts';
import { spansToTags, TAGS, T } from './tags.ts';

export interface TrainOrgOptions {
  epochs: number;
  seed: number;
  lexicons: LexiconList[];
  /** Features seen fewer times than this in training are dropped before training. */
  minCount?: number;
  /** Features whose largest |weight| is below this are dropped from the model. */
  pruneBelow?: number;
  tokenize?: (text: string) => TaggedWord[];
  /** Weights live in 2^hashBits buckets addressed by feature hash (the hashing trick); 0 = exact features. */
  hashBits?: number;
  meta?: Record<string, unknown>;
  onEpoch?: (epoch: number, mistakes: number, snapshot: () => OrgModel) => void;
}

export function trainOrgModel(sentences: readonly LabeledSentence[], options: TrainOrgOptions): OrgModel {
  const tokenize = options.tokenize ?? ((text: string) => nodejieba.tag(text));
  const lexicon = buildLexicon(options.lexicons);
  const F = slotCount(lexicon);
  const minCount = options.minCount ?? 1;

  let chars = 0;
  for (const s of sentences) chars += s.text.length;
  const hashes = new Uint32Array(chars * F);
  const offsets = new Int32Array(sentences.length + 1);
  const gold = new Uint8Array(chars);
  const counts = new Map<number, number>();
  let at = 0;
  sentences.forEach((sentence, s) => {
    const n = sentence.text.length;
    offsets[s] = at;
    const view = hashes.subarray(at * F, (at + n) * F);
    extractFeatures(sentence.text, tokenize(sentence.text), lexicon, view);
    for (let k = 0; k < view.length; k++) if (view[k] !== 0) counts.set(view[k], (counts.get(view[k]) ?? 0) + 1);
    gold.set(spansToTags(n, sentence.spans), at);
    at += n;
  });
  offsets[sentences.length] = at;

  // Dense ids in order of first appearance, so training is deterministic.
  const ids = new Map<number, number>();
  const keyOf: number[] = [];
  const feats = new Int32Array(hashes.length);
  const bits = options.hashBits ?? 0;
  if (bits > 0) {
    const mask = (1 << bits) - 1;
    for (let b = 0; b <= mask; b++) keyOf.push(b);
    for (let k = 0; k < hashes.length; k++) feats[k] = hashes[k] === 0 ? -1 : hashes[k] & mask;
  }
  for (let k = 0; bits === 0 && k < hashes.length; k++) {
    const h = hashes[k];
    if (h === 0 || (counts.get(h) ?? 0) < minCount) {
      feats[k] = -1;
      continue;
    }
    let id = ids.get(h);
    if (id === undefined) {
      id = keyOf.length;
      ids.set(h, id);
      keyOf.push(h);
    }
    feats[k] = id;
  }

  const toModel = (w: PerceptronWeights): OrgModel =>
    buildModel(w, keyOf, options, { ...options.meta, sentences: sentences.length, features: keyOf.length, hashBits: bits });
  const weights = trainPerceptron(
    { F, feats, offsets, gold, numFeatures: keyOf.length },
    {
      epochs: options.epochs,
      seed: options.seed,
      onEpoch: options.onEpoch && ((epoch, mistakes, averaged) => options.onEpoch!(epoch, mistakes, () => toModel(averaged()))),
    },
  );
  return toModel(weights);
}

function buildModel(w: PerceptronWeights, keyOf: number[], options: TrainOrgOptions, meta: Record<string, unknown>): OrgModel {
  const pruneBelow = options.pruneBelow ?? 0;
  const kept: number[] = [];
  for (let id = 0; id < keyOf.length; id++) {
    let max = 0;
    for (let t = 0; t < T; t++) max = Math.max(max, Math.abs(w.weights[id * T + t]));
    if (max > pruneBelow) kept.push(id);
  }
  kept.sort((a, b) => keyOf[a] - keyOf[b]);
  const keys = new Uint32Array(kept.length);
  const weights = new Float32Array(kept.length * T);
  kept.forEach((id, i) => {
    keys[i] = keyOf[id];
    weights.set(w.weights.subarray(id * T, id * T + T), i * T);
  });
  return {
    featureSet: FEATURE_SET,
    tags: TAGS,
    lexicons: options.lexicons,
    transitions: w.transitions,
    endTransitions: w.endTransitions,
    keys,
    weights,
    meta: { ...meta, keptFeatures: kept.length },
  };
}
