// The run-time entity recognizer: features → emission scores → Viterbi → typed spans with confidences.
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import type { EntityModel, EntitySpan, TaggedWord } from './types.ts';
import { buildLexicon, type Lexicon } from './lexicon.ts';
import { extractFeatures, slotCount, FEATURE_SET } from './features.ts';
import { BucketTable } from './weights.ts';
import { viterbi, spanProbabilities } from './viterbi.ts';
import { tagCount, tagsToSpans } from './tags.ts';
import { readModel } from './io.ts';
import { encodeHints, hintProvider, type Hint } from './hints.ts';
import { tagWords, tokenize } from '../tokens.ts';

export const DEFAULT_MODEL_PATH = fileURLToPath(new URL('../../../data/models/entity-tagger.bin.gz', import.meta.url));

/** jieba as the pipeline runs it (with the project's user dictionary): training and predict must agree. */
export function jiebaTag(text: string): TaggedWord[] {
  return tagWords(text);
}

export class EntityTagger {
  readonly model: EntityModel;
  private readonly lexicon: Lexicon;
  private readonly table: BucketTable;
  private readonly F: number;
  private readonly K: number;
  private readonly T: number;
  private readonly temperature: number;
  /** Per type, the share of the model's spans that were right on held-out sentences (meta.precision). */
  private readonly precision: number[];
  private feats = new Uint32Array(0);
  private emit = new Float64Array(0);
  private tags = new Uint8Array(0);
  private hintCodes = new Int32Array(0);

  constructor(model: EntityModel) {
    if (model.featureSet !== FEATURE_SET) {
      throw new Error(`the model was made for features "${model.featureSet}", this code computes "${FEATURE_SET}": retrain with \`npm run train\``);
    }
    this.model = model;
    this.K = model.types.length;
    this.T = tagCount(this.K);
    this.lexicon = buildLexicon(model.lexicons);
    this.F = slotCount(this.lexicon);
    this.table = new BucketTable(model.buckets, model.weights, model.step, model.bits, this.T);
    this.temperature = typeof model.meta.temperature === 'number' ? model.meta.temperature : 1;
    const precision = (model.meta.precision ?? {}) as Record<string, number>;
    this.precision = model.types.map((t) => precision[t] ?? 0.5);
  }

  /**
   * Entity spans of `text` (end exclusive). Pass `tokens` = nodejieba.tag(text) when the caller has
   * them already, to avoid tagging twice (jieba loaded as ensureJieba() loads it). A span's score is
   * its type's precision on held-out sentences; `marginals` computes instead each span's own
   * probability by forward–backward, which costs as much again as tagging. `hints` are the rules'
   * proposals for this text (the model was trained with them as features: give them when it was).
   */
  predict(text: string, tokens?: readonly TaggedWord[], marginals = false, hints?: readonly Hint[]): EntitySpan[] {
    const n = text.length;
    if (n === 0) return [];
    const { T, K } = this;
    if (this.tags.length < n) {
      const size = Math.max(n, this.tags.length * 2);
      this.feats = new Uint32Array(size * this.F);
      this.emit = new Float64Array(size * T);
      this.tags = new Uint8Array(size);
      this.hintCodes = new Int32Array(2 * size);
    }
    const words = tokens ?? jiebaTag(text);
    if (this.model.meta.hints === true) {
      const proposals = hints ?? hintProvider()(text, words.length && 'start' in words[0]! ? (words as never) : tokenize(text));
      encodeHints(n, proposals, this.hintCodes);
    }
    extractFeatures(text, words, this.lexicon, this.model.bits, this.feats, this.model.meta.hints === true ? this.hintCodes : undefined);
    this.table.emissions(this.feats, n, this.F, this.emit);
    viterbi(this.emit, n, this.model.transitions, this.model.endTransitions, this.tags, K);
    const spans = tagsToSpans(this.tags, n);
    const scores = marginals
      ? spanProbabilities(this.emit, n, this.model.transitions, this.model.endTransitions, this.tags, spans, this.temperature, K)
      : spans.map((span) => this.precision[span.type]);
    const result: EntitySpan[] = [];
    for (let i = 0; i < spans.length; i++) {
      result.push({ start: spans[i].start, end: spans[i].end, type: this.model.types[spans[i].type], score: scores[i] });
    }
    return result;
  }
}

const loaded = new Map<string, EntityTagger>();

/**
 * The tagger of a model file (default: the committed one under data/models/), loaded once per
 * process and path: a tagger holds its weight table and is safe to share (predict is synchronous).
 */
export function loadEntityTagger(path: string = DEFAULT_MODEL_PATH): EntityTagger {
  const key = resolve(path);
  let tagger = loaded.get(key);
  if (!tagger) {
    tagger = new EntityTagger(readModel(key));
    loaded.set(key, tagger);
  }
  return tagger;
}
