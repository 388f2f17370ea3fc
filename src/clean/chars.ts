// Character classes used by every cleaning pass: one lookup table over UTF-16 code units, no
// regexes, so that the passes stay linear and cheap.

export const END = 1; // 。！？； and ASCII !?;
export const OPEN = 2; // opening quotes and brackets
export const CLOSE = 4; // closing quotes and brackets
export const SPACE = 8;
export const PUNCT = 16; // full-width punctuation
export const HAN = 32; // ideographs (and high surrogates, for the rare astral ones)
export const TIGHT = 64; // punctuation that never takes a space beside it: ，。、；：？！

export const CLASS = new Uint8Array(65536);
function mark(chars: string, bit: number): void {
  for (let i = 0; i < chars.length; i++) CLASS[chars.charCodeAt(i)]! |= bit;
}
function markRange(from: number, to: number, bit: number): void {
  for (let u = from; u <= to; u++) CLASS[u]! |= bit;
}
export const OPENERS = '“‘（(《「『【〔〈［';
export const CLOSERS = '”’）)》」』】〕〉］';
mark('。！？；!?;', END);
mark(OPENERS, OPEN);
mark(CLOSERS, CLOSE);
mark(' \t\u3000\u00a0\f\v', SPACE);
mark('，。、；：？！“”‘’（）《》〈〉【】「」『』〔〕…—～·［］', PUNCT);
mark('，。、；：？！', TIGHT);
markRange(0x4e00, 0x9fff, HAN);
markRange(0x3400, 0x4dbf, HAN);
markRange(0xf900, 0xfaff, HAN);
markRange(0xd800, 0xdbff, HAN);
markRange(0xff00, 0xffef, PUNCT); // full-width forms

export function is(c: string | undefined, bits: number): boolean {
  return c !== undefined && (CLASS[c.charCodeAt(0)]! & bits) !== 0;
}
export function isCJK(c: string): boolean {
  return (CLASS[c.charCodeAt(0)]! & HAN) !== 0;
}
/** Characters whose neighbours are joined without a space: ideographs and full-width punctuation. */
export function isWide(c: string): boolean {
  return (CLASS[c.charCodeAt(0)]! & (HAN | PUNCT)) !== 0;
}
export function isSpace(c: string): boolean {
  return (CLASS[c.charCodeAt(0)]! & SPACE) !== 0;
}
export function isLatinLetter(c: string): boolean {
  const u = c.charCodeAt(0);
  return (u >= 0x41 && u <= 0x5a) || (u >= 0x61 && u <= 0x7a);
}

/** A line ending that closes a sentence: 。！？；：… possibly followed by closing quotes or brackets. */
export function endsSentence(s: string): boolean {
  let i = s.length - 1;
  while (i >= 0 && (CLASS[s.charCodeAt(i)]! & SPACE) !== 0) i--;
  while (i >= 0 && (CLASS[s.charCodeAt(i)]! & CLOSE) !== 0) i--;
  if (i < 0) return false;
  const c = s[i]!;
  return (CLASS[s.charCodeAt(i)]! & END) !== 0 || c === '：' || c === '…';
}

/** Display width: ideographs and full-width forms count 1, ASCII (and so PDF indentation spaces) ½. */
export function displayWidth(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    if (u >= 0xdc00 && u <= 0xdfff) continue; // low surrogate: counted with its high half
    w += u < 0x2000 ? (u === 9 ? 2 : 0.5) : 1;
  }
  return w;
}

/** Width of the leading whitespace (indentation), in the same units. */
export function indentWidth(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\u3000') w += 1;
    else if (c === ' ' || c === '\u00a0') w += 0.5;
    else if (c === '\t') w += 2;
    else break;
  }
  return w;
}
