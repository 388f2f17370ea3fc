// Plain data of the statistical Organization recognizer, declared once.

/** One jieba token with its part of speech, as `nodejieba.tag()` returns it. */
export interface TaggedWord {
  word: string;
  tag: string;
}

/** A recognized Organization span in one text: offsets in UTF-16 units, end exclusive. */
export interface OrgSpan {
  start: number;
  end: number;
  /** Marginal probability of exactly this span under the model (0..1). */
  score: number;
}

/** A training or evaluation sentence: its text and gold Organization spans (end exclusive). */
export interface LabeledSentence {
  text: string;
  spans: { start: number; end: number }[];
}

/** A named word list whose matches become features (the model carries its own copy). */
export interface LexiconList {
  name: string;
  words: string[];
}

/**
 * Everything a trained model holds. Features hash to 2^bits buckets; `buckets[i]` (ascending, the
 * buckets whose weights matter) has weights `weights[i*T .. i*T+T)` × `step`; all other buckets weigh 0.
 */
export interface OrgModel {
  featureSet: string;
  bits: number;
  tags: readonly string[];
  lexicons: LexiconList[];
  /** (T+1) × T: row t = from tag t, row T = from sentence start. */
  transitions: Float32Array;
  /** T: to sentence end. */
  endTransitions: Float32Array;
  buckets: Uint32Array;
  /** Weights in units of `step` (int16, so the table stays small). */
  weights: Int16Array;
  step: number;
  /** How the model was made (command, data, epochs, counts); informational. */
  meta: Record<string, unknown>;
}
