// Feature hashing straight to weight buckets (the hashing trick), over integers so that features
// never become strings: a template's salt plus the parts times fixed odd constants, then
// multiplicative (Fibonacci) hashing keeps the top `bits` bits. Bucket 0 means "no feature".

const P1 = 0x9e3779b1 | 0;
const P2 = 0x85ebca77 | 0;
const P3 = 0xc2b2ae3d | 0;
const M = 0x2c1b3c6d | 0;

/** The salt of template t. */
export function salt(t: number): number {
  return Math.imul(t + 1, 0x27d4eb2f) ^ 0x165667b1;
}

// bucket() is written out in each: V8 does not always inline a third level in the hot loop.
export function feature1(s: number, a: number, shift: number): number {
  let h = s + Math.imul(a, P1);
  h ^= h >>> 15;
  return Math.imul(h, M) >>> shift || 1;
}

export function feature2(s: number, a: number, b: number, shift: number): number {
  let h = s + Math.imul(a, P1) + Math.imul(b, P2);
  h ^= h >>> 15;
  return Math.imul(h, M) >>> shift || 1;
}

export function feature3(s: number, a: number, b: number, c: number, shift: number): number {
  let h = s + Math.imul(a, P1) + Math.imul(b, P2) + Math.imul(c, P3);
  h ^= h >>> 15;
  return Math.imul(h, M) >>> shift || 1;
}

/** Full 32-bit avalanche, for values that are parts of features (word and POS hashes). */
function avalanche(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** Hash of a run of code units codes[start..end) (a word). */
export function hashCodes(codes: ArrayLike<number>, start: number, end: number): number {
  let h = 0x2545f491 ^ (end - start);
  for (let i = start; i < end; i++) h = Math.imul(h ^ codes[i], 0x01000193) + 0x7f4a7c15;
  return avalanche(h);
}

/** Hash of a short string (a POS tag). */
export function hashString(s: string): number {
  let h = 0x6a09e667;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return avalanche(h);
}
