// The run-time Organization recognizer: features → emission scores → Viterbi → spans with confidences.
import nodejieba from 'nodejieba';
import { fileURLToPath } from 'node:url';
import type { OrgModel, OrgSpan, TaggedWord } from './types.ts';
import { buildLexicon, type Lexicon } from './lexicon.ts';
import { extractFeatures, slotCount, FEATURE_SET } from './features.ts';
import { BucketTable } from './weights.ts';
import { viterbi, spanProbabilities } from './viterbi.ts';
import { tagsToSpans, T } from './tags.ts';
import { readModel } from './io.ts';

export const DEFAULT_MODEL_PATH = fileURLToPath(new URL('../../../data/models/org-tagger.bin.gz', import.meta.url));

export class OrgTagger {
  readonly model: OrgModel;
  private readonly lexicon: Lexicon;
  private readonly table: BucketTable;
  private readonly F: number;
  private readonly temperature: number;
  private feats = new Uint32Array(0);
  private emit = new Float64Array(0);
  private tags = new Uint8Array(0);

  constructor(model: OrgModel) {
    if (model.featureSet !== FEATURE_SET) {
      throw new Error(`the model was made for features "${model.featureSet}", this code computes "${FEATURE_SET}": retrain with \`npm run train\``);
    }
    this.model = model;
    this.lexicon = buildLexicon(model.lexicons);
    this.F = slotCount(this.lexicon);
    this.table = new BucketTable(model.buckets, model.weights, model.step, model.bits);
    this.temperature = typeof model.meta.temperature === 'number' ? model.meta.temperature : 1;
  }

  /**
   * Organization spans of `text` (end exclusive). Pass `tokens` = nodejieba.tag(text) when the
   * caller has them already, to avoid tagging twice.
   */
  predict(text: string, tokens?: readonly TaggedWord[]): OrgSpan[] {
    const n = text.length;
    if (n === 0) return [];
    if (this.tags.length < n) {
      const size = Math.max(n, this.tags.length * 2);
      this.feats = new Uint32Array(size * this.F);
      this.emit = new Float64Array(size * T);
      this.tags = new Uint8Array(size);
    }
    extractFeatures(text, tokens ?? nodejieba.tag(text), this.lexicon, this.model.bits, this.feats);
    this.table.emissions(this.feats, n, this.F, this.emit);
    viterbi(this.emit, n, this.model.transitions, this.model.endTransitions, this.tags);
    const spans = tagsToSpans(this.tags, n);
    const scores = spanProbabilities(
      this.emit, n, this.model.transitions, this.model.endTransitions, this.tags, spans, this.temperature,
    );
    return spans.map((span, i) => ({ start: span.start, end: span.end, score: scores[i] }));
  }
}

/** Loads a model file (default: the committed one under data/models/). */
export function loadOrgTagger(path: string = DEFAULT_MODEL_PATH): OrgTagger {
  return new OrgTagger(readModel(path));
}
