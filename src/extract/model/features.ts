// Per-character feature buckets of a sentence: character n-grams, the jieba word and POS around the
// character, and word-list matches. Each position gets slotCount() buckets (0 = absent). Templates
// are numbered, never named, so nothing is built as a string in the hot loop.
import type { TaggedWord } from './types.ts';
import { salt, feature1, feature2, feature3, hashCodes, hashString } from './hash.ts';
import { normalizeCode, isDigit } from './normalize.ts';
import { matchLexicon, type Lexicon } from './lexicon.ts';

/** Stored in every model; a model made with another feature set cannot be used with this code. */
export const FEATURE_SET = 'entity-char-word-lex-hint/3';

/** Words longer than this are not features by identity (too rare to learn from). */
const MAX_WORD = 6;
const BOS = -1;
const EOS = -2;
/** Fixed templates; then one slot per word list. */
const FIXED = 19;
const SALT = Int32Array.from({ length: FIXED + 32 }, (_, t) => salt(t));

export function slotCount(lexicon: Lexicon): number {
  return FIXED + lexicon.names.length;
}

/** Reused buffers, grown on demand: predict allocates nothing per sentence once warm. */
class Scratch {
  size = 0;
  lists = 0;
  codes = new Int32Array(0);
  /** Codes padded by two sentinels on each side: padded[i + 2] is position i. */
  padded = new Int32Array(0);
  /** Position in the jieba word: 1 B, 2 M, 3 E, 4 S, 0 no word. */
  wpos = new Uint8Array(0);
  word = new Int32Array(0);
  /** The words before and after the character's word (0 none): 总理|李强, 实施|…|工程. */
  prevWord = new Int32Array(0);
  nextWord = new Int32Array(0);
  posTag = new Int32Array(0);
  lexLen = new Uint8Array(0);
  lexPos = new Uint8Array(0);

  ensure(n: number, L: number): void {
    if (n <= this.size && L <= this.lists) return;
    const m = Math.max(n, this.size * 2, 64);
    this.size = m;
    this.lists = L;
    this.codes = new Int32Array(m);
    this.padded = new Int32Array(m + 4);
    this.wpos = new Uint8Array(m);
    this.word = new Int32Array(m);
    this.prevWord = new Int32Array(m);
    this.nextWord = new Int32Array(m);
    this.posTag = new Int32Array(m);
    this.lexLen = new Uint8Array(m * L);
    this.lexPos = new Uint8Array(m * L);
  }
}

const scratch = new Scratch();
const posCache = new Map<string, number>();

function posHash(tag: string): number {
  let h = posCache.get(tag);
  if (h === undefined) {
    h = hashString(tag);
    posCache.set(tag, h);
  }
  return h;
}

/** Spreads each jieba token's facts (word, POS) over its characters; characters no token covers keep zeros. */
function spreadTokens(text: string, tokens: readonly TaggedWord[], sc: Scratch): void {
  const n = text.length;
  const { codes, wpos, word, posTag, prevWord, nextWord } = sc;
  wpos.fill(0, 0, n);
  word.fill(0, 0, n);
  posTag.fill(0, 0, n);
  prevWord.fill(0, 0, n);
  nextWord.fill(0, 0, n);
  let at = 0;
  let lastStart = -1;
  let lastEnd = -1;
  let lastWord = 0;
  for (const token of tokens) {
    const length = token.word.length;
    if (length === 0) continue;
    const start = text.startsWith(token.word, at) ? at : text.indexOf(token.word, at);
    if (start < 0) continue;
    const end = start + length;
    at = end;
    const w = length <= MAX_WORD ? hashCodes(codes, start, end) : length;
    const p = posHash(token.tag);
    for (let i = start; i < end; i++) {
      wpos[i] = length === 1 ? 4 : i === start ? 1 : i === end - 1 ? 3 : 2;
      word[i] = w;
      posTag[i] = p;
      prevWord[i] = lastWord;
    }
    if (lastStart >= 0) nextWord.fill(w, lastStart, lastEnd);
    lastStart = start;
    lastEnd = end;
    lastWord = w;
  }
}

/**
 * Features of `text` as weight buckets in [1, 2^bits) into `out` (length ≥ text.length ×
 * slotCount(lexicon)), position-major, 0 = absent. `tokens` must be jieba's tagging of exactly this
 * text; characters they do not cover get no word features.
 */
export function extractFeatures(
  text: string,
  tokens: readonly TaggedWord[],
  lexicon: Lexicon,
  bits: number,
  out: Uint32Array,
  hints?: Int32Array,
): void {
  const n = text.length;
  const L = lexicon.names.length;
  const F = FIXED + L;
  const shift = 32 - bits;
  const sc = scratch;
  sc.ensure(n, L);
  const { codes, padded, wpos, word, posTag, lexLen, lexPos, prevWord, nextWord } = sc;
  for (let i = 0; i < n; i++) codes[i] = normalizeCode(text.charCodeAt(i));
  matchLexicon(lexicon, codes, n, lexLen, lexPos);
  // Digits only matter as digits, for n-grams and words alike.
  for (let i = 0; i < n; i++) if (isDigit(codes[i])) codes[i] = 0x30;
  spreadTokens(text, tokens, sc);

  padded[0] = padded[1] = BOS;
  padded[n + 2] = padded[n + 3] = EOS;
  padded.set(codes.subarray(0, n), 2);
  const bias = feature1(SALT[0], 0, shift);
  for (let i = 0; i < n; i++) {
    const o = i * F;
    const cm2 = padded[i];
    const cm1 = padded[i + 1];
    const c0 = padded[i + 2];
    const cp1 = padded[i + 3];
    const cp2 = padded[i + 4];
    const wp = wpos[i];
    const w = word[i];
    const pos = posTag[i];
    out[o] = bias;
    out[o + 1] = feature1(SALT[1], cm1, shift);
    out[o + 2] = feature1(SALT[2], c0, shift);
    out[o + 3] = feature1(SALT[3], cp1, shift);
    out[o + 4] = feature2(SALT[4], cm2, cm1, shift);
    out[o + 5] = feature2(SALT[5], cm1, c0, shift);
    out[o + 6] = feature2(SALT[6], c0, cp1, shift);
    out[o + 7] = feature2(SALT[7], cp1, cp2, shift);
    out[o + 8] = feature3(SALT[8], cm2, cm1, c0, shift);
    out[o + 9] = feature3(SALT[9], cm1, c0, cp1, shift);
    out[o + 10] = feature3(SALT[10], c0, cp1, cp2, shift);
    out[o + 11] = feature2(SALT[11], wp, pos, shift);
    out[o + 12] = feature2(SALT[12], wp, c0, shift);
    out[o + 13] = feature2(SALT[13], c0, pos, shift);
    out[o + 14] = feature2(SALT[14], wp, w, shift);
    // The neighbouring words alone: the same bucket for every character of a word, so it stays cached.
    out[o + 15] = feature1(SALT[15], prevWord[i], shift);
    out[o + 16] = feature1(SALT[16], nextWord[i], shift);
    // What the rules proposed here (hints.ts): 0 = nothing.
    out[o + 17] = hints && hints[2 * i] ? feature1(SALT[17], hints[2 * i], shift) : 0;
    out[o + 18] = hints && hints[2 * i + 1] ? feature1(SALT[18], hints[2 * i + 1], shift) : 0;
    for (let l = 0; l < L; l++) {
      // Where the character sits in the longest match of list l, with the match's length.
      const lp = lexPos[i * L + l];
      const ll = lexLen[i * L + l];
      out[o + FIXED + l] = lp === 0 ? 0 : feature3(SALT[FIXED + l], lp, ll > 8 ? 8 : ll, wp, shift);
    }
  }
}
