// Plain data of the statistical entity recognizer, declared once.
import type { EntityType } from '../../types.ts';

/** The types the tagger learns, in tag order. */
export const MODEL_TYPES: EntityType[] = ['Organization', 'Person', 'Place', 'Program', 'Industry', 'Policy'];

/** One jieba token with its part of speech, as `nodejieba.tag()` returns it. */
export interface TaggedWord {
  word: string;
  tag: string;
}

/** A recognized entity span in one text: offsets in UTF-16 units, end exclusive. */
export interface EntitySpan {
  start: number;
  end: number;
  type: EntityType;
  /** Marginal probability of exactly this span and type under the model (0..1). */
  score: number;
}

/** A training or evaluation sentence: its text and gold spans (end exclusive). */
export interface LabeledSentence {
  text: string;
  spans: { start: number; end: number; type: EntityType }[];
  /**
   * The types this sentence's source annotates (public NER sets know only persons, places and
   * organizations): training never learns from its silence about the others. Absent: all types.
   */
  annotates?: readonly EntityType[];
  /** Where the sentence comes from (corpus name), for reports. */
  source?: string;
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
export interface EntityModel {
  featureSet: string;
  bits: number;
  /** Entity types in tag order: type k has tags B = 1 + 2k, I = 2 + 2k. */
  types: EntityType[];
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
