// Per-character feature hashes of a sentence: character n-grams, jieba word/POS context and word-list
// matches. Each position gets SLOTS uint32 hashes (0 = absent); templates are numbered, never named,
// so nothing is built as a string in the hot loop.
import type { TaggedWord } from './types.ts';
import { salt, feature1, feature2, feature3, hashCodes, hashString } from './hash.ts';
import { normalizeCode, charClass } from './normalize.ts';
import { matchLexicon, type Lexicon } from './lexicon.ts';

/** Stored in every model; a model made with another feature set cannot be used with this code. */
export const FEATURE_SET = 'org-char-word-lex/3';

/** Words longer than this are not features by identity (too rare to learn from). */
const MAX_WORD = 6;
const BOS = -1;
const EOS = -2;
/** Per lexicon: one slot. Plus the fixed templates below. */
const FIXED = 29;
const DROP = (process.env.ZT_DROP ?? '').split(',').filter(Boolean).map(Number);
const SALT = Int32Array.from({ length: FIXED + 31 }, (_, t) => salt(t));

export function slotCount(lexicon: Lexicon): number {
  return FIXED + lexicon.names.length;
}

/** Reused buffers, grown on demand: predict allocates nothing per sentence once warm. */
class Scratch {
  size = 0;
  codes = new Int32Array(0);
  padded = new Int32Array(0);
  paddedCls = new Int32Array(0);
  cls = new Uint8Array(0);
  wpos = new Uint8Array(0);
  word = new Int32Array(0);
  posTag = new Int32Array(0);
  prevPos = new Int32Array(0);
  nextPos = new Int32Array(0);
  prevWord = new Int32Array(0);
  nextWord = new Int32Array(0);
  wordLen = new Uint8Array(0);
  wordEndsWithSuffix = new Uint8Array(0);
  nextEndsWithSuffix = new Uint8Array(0);
  suffixAhead = new Uint8Array(0);
  lexLen = new Uint8Array(0);
  lexPos = new Uint8Array(0);
  lexEnd = new Uint8Array(0);
  ensure(n: number, L: number): void {
    if (n <= this.size && this.lexLen.length >= n * L) return;
    const m = Math.max(n, this.size * 2, 64);
    this.size = m;
    this.codes = new Int32Array(m);
    this.padded = new Int32Array(m + 4);
    this.paddedCls = new Int32Array(m + 4);
    this.cls = new Uint8Array(m);
    this.wpos = new Uint8Array(m);
    this.word = new Int32Array(m);
    this.posTag = new Int32Array(m);
    this.prevPos = new Int32Array(m);
    this.nextPos = new Int32Array(m);
    this.prevWord = new Int32Array(m);
    this.nextWord = new Int32Array(m);
    this.wordLen = new Uint8Array(m);
    this.wordEndsWithSuffix = new Uint8Array(m);
    this.nextEndsWithSuffix = new Uint8Array(m);
    this.suffixAhead = new Uint8Array(m);
    this.lexLen = new Uint8Array(m * L);
    this.lexPos = new Uint8Array(m * L);
    this.lexEnd = new Uint8Array(m * L);
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

/** 0 none, 1 the word is a suffix, 2 the word ends with a suffix. */
function suffixRelation(lexEnd: Uint8Array, L: number, suffix: number, wordStart: number, wordEnd: number): number {
  if (suffix < 0) return 0;
  const len = lexEnd[(wordEnd - 1) * L + suffix];
  if (len === 0) return 0;
  return len >= wordEnd - wordStart ? 1 : 2;
}

function distanceBucket(d: number): number {
  return d <= 3 ? d : d <= 5 ? 4 : d <= 8 ? 5 : d <= 12 ? 6 : 7;
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
): void {
  const n = text.length;
  const shift = 32 - bits;
  const L = lexicon.names.length;
  const F = FIXED + L;
  const sc = scratch;
  sc.ensure(n, L);
  const { codes, cls, wpos, word, posTag, prevPos, nextPos, prevWord, nextWord, wordLen } = sc;
  for (let i = 0; i < n; i++) {
    const c = normalizeCode(text.charCodeAt(i));
    codes[i] = c;
    cls[i] = charClass(c);
  }
  matchLexicon(lexicon, codes, n, sc.lexLen, sc.lexPos, sc.lexEnd);
  // Digits only matter as digits for n-grams.
  for (let i = 0; i < n; i++) if (cls[i] === 2) codes[i] = 0x30;

  const suffix = lexicon.names.indexOf('suffix');
  wpos.fill(0, 0, n);
  word.fill(0, 0, n);
  posTag.fill(0, 0, n);
  prevPos.fill(0, 0, n);
  nextPos.fill(0, 0, n);
  prevWord.fill(0, 0, n);
  nextWord.fill(0, 0, n);
  wordLen.fill(0, 0, n);
  sc.wordEndsWithSuffix.fill(0, 0, n);
  sc.nextEndsWithSuffix.fill(0, 0, n);
  // Align tokens to the text; each token's facts are spread over its characters.
  let at = 0;
  let lastPos = BOS;
  let lastWord = BOS;
  let lastStart = -1;
  let lastEnd = -1;
  for (let k = 0; k <= tokens.length; k++) {
    let start = n;
    let end = n;
    let p = EOS;
    let w = EOS;
    let rel = 0;
    if (k < tokens.length) {
      const token = tokens[k];
      start = text.startsWith(token.word, at) ? at : text.indexOf(token.word, at);
      if (start < 0 || token.word.length === 0) continue;
      end = start + token.word.length;
      at = end;
      p = posHash(token.tag);
      w = end - start <= MAX_WORD ? hashCodes(codes, start, end) : end - start;
      rel = suffixRelation(sc.lexEnd, L, suffix, start, end);
      const len = Math.min(end - start, 255);
      for (let i = start; i < end; i++) {
        wpos[i] = start === end - 1 ? 4 : i === start ? 1 : i === end - 1 ? 3 : 2;
        word[i] = w;
        posTag[i] = p;
        prevPos[i] = lastPos;
        prevWord[i] = lastWord;
        wordLen[i] = len;
        sc.wordEndsWithSuffix[i] = rel;
      }
    }
    for (let i = lastStart; i >= 0 && i < lastEnd; i++) {
      nextPos[i] = p;
      nextWord[i] = w;
      sc.nextEndsWithSuffix[i] = rel;
    }
    lastPos = p;
    lastWord = w;
    lastStart = start;
    lastEnd = end;
  }
  // Distance to the nearest end of a suffix match at or after each position.
  let nextEnd = -1;
  for (let i = n - 1; i >= 0; i--) {
    if (suffix >= 0 && sc.lexEnd[i * L + suffix] > 0) nextEnd = i;
    sc.suffixAhead[i] = nextEnd < 0 ? 15 : distanceBucket(nextEnd - i);
  }

  // Codes and classes padded by two sentinels on each side: pc[i + 2] is position i.
  const pc = sc.padded;
  const pk = sc.paddedCls;
  pc[0] = pc[1] = BOS;
  pc[n + 2] = pc[n + 3] = EOS;
  pk[1] = 8;
  pk[n + 2] = 9;
  for (let i = 0; i < n; i++) {
    pc[i + 2] = codes[i];
    pk[i + 2] = cls[i];
  }
  const bias = feature1(SALT[0], 0, shift);
  for (let i = 0; i < n; i++) {
    const o = i * F;
    const cm2 = pc[i];
    const cm1 = pc[i + 1];
    const c0 = pc[i + 2];
    const cp1 = pc[i + 3];
    const cp2 = pc[i + 4];
    const wp = wpos[i];
    const pos = posTag[i];
    const ahead = sc.suffixAhead[i];
    out[o] = bias;
    out[o + 1] = feature1(SALT[1], cm2, shift);
    out[o + 2] = feature1(SALT[2], cm1, shift);
    out[o + 3] = feature1(SALT[3], c0, shift);
    out[o + 4] = feature1(SALT[4], cp1, shift);
    out[o + 5] = feature1(SALT[5], cp2, shift);
    out[o + 6] = feature2(SALT[6], cm2, cm1, shift);
    out[o + 7] = feature2(SALT[7], cm1, c0, shift);
    out[o + 8] = feature2(SALT[8], c0, cp1, shift);
    out[o + 9] = feature2(SALT[9], cp1, cp2, shift);
    out[o + 10] = feature3(SALT[10], cm2, cm1, c0, shift);
    out[o + 11] = feature3(SALT[11], cm1, c0, cp1, shift);
    out[o + 12] = feature3(SALT[12], c0, cp1, cp2, shift);
    out[o + 13] = feature3(SALT[13], pk[i + 1], pk[i + 2], pk[i + 3], shift);
    out[o + 14] = feature2(SALT[14], wp, pos, shift);
    out[o + 15] = feature2(SALT[15], wp, c0, shift);
    out[o + 16] = feature2(SALT[16], wp, word[i], shift);
    out[o + 17] = feature3(SALT[17], wp, prevPos[i], pos, shift);
    out[o + 18] = feature3(SALT[18], wp, pos, nextPos[i], shift);
    out[o + 19] = feature2(SALT[19], wp, prevWord[i], shift);
    out[o + 20] = feature2(SALT[20], wp, nextWord[i], shift);
    out[o + 21] = feature3(SALT[21], wp, wordLen[i] > 8 ? 8 : wordLen[i], pos, shift);
    out[o + 22] = feature3(SALT[22], wp, ahead, pos, shift);
    out[o + 23] = feature2(SALT[23], wp, sc.wordEndsWithSuffix[i], shift);
    out[o + 24] = feature3(SALT[24], wp, sc.nextEndsWithSuffix[i], nextPos[i], shift);
    out[o + 25] = feature2(SALT[25], c0, pos, shift);
    out[o + 26] = feature3(SALT[26], wp, ahead, c0, shift);
    out[o + 27] = feature3(SALT[27], cm1, c0, ahead, shift);
    out[o + 28] = feature3(SALT[28], wp, prevWord[i], word[i], shift);
    for (let l = 0; l < L; l++) {
      const lp = sc.lexPos[i * L + l];
      const ll = sc.lexLen[i * L + l];
      out[o + FIXED + l] = lp === 0 ? 0 : feature3(SALT[FIXED + l], lp, ll > 8 ? 8 : ll, wp, shift);
    }
    for (const d of DROP) out[o + d] = 0;
  }
}
