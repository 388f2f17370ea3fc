// Character normalization shared by features and word lists: full-width ASCII → half-width, A–Z → a–z.

export function normalizeCode(c: number): number {
  if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
  else if (c === 0x3000) c = 0x20;
  if (c >= 0x41 && c <= 0x5a) c += 0x20;
  return c;
}

export const CLASS_HAN = 1;
export const CLASS_DIGIT = 2;
export const CLASS_LATIN = 3;
export const CLASS_SPACE = 4;
export const CLASS_PUNCT = 5;
export const CLASS_CJK_DIGIT = 6;

const CJK_DIGITS = new Set([...'〇一二三四五六七八九十百千万亿两零'].map((c) => c.charCodeAt(0)));

/** Coarse class of a normalized code unit. */
export function charClass(c: number): number {
  if (c >= 0x30 && c <= 0x39) return CLASS_DIGIT;
  if (c >= 0x61 && c <= 0x7a) return CLASS_LATIN;
  if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) return CLASS_SPACE;
  if (CJK_DIGITS.has(c)) return CLASS_CJK_DIGIT;
  if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) return CLASS_HAN;
  return CLASS_PUNCT;
}
