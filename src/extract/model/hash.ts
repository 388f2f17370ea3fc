// 32-bit feature hashing over integers, so features never become strings: a template's salt plus
// the parts multiplied by fixed odd constants, then a MurmurHash3 finalizer to spread the bits.

const P1 = 0x9e3779b1 | 0;
const P2 = 0x85ebca77 | 0;
const P3 = 0xc2b2ae3d | 0;

/** The salt of template t. */
export function salt(t: number): number {
  return Math.imul(t + 1, 0x27d4eb2f) ^ 0x165667b1;
}

/** Final avalanche; never returns 0, which marks an empty slot or an absent feature. */
export function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0 || 1;
}

export function feature1(s: number, a: number): number {
  return finish(s + Math.imul(a, P1));
}

export function feature2(s: number, a: number, b: number): number {
  return finish(s + Math.imul(a, P1) + Math.imul(b ^ (b >>> 15), P2));
}

export function feature3(s: number, a: number, b: number, c: number): number {
  return finish(s + Math.imul(a, P1) + Math.imul(b ^ (b >>> 15), P2) + Math.imul(c ^ (c >>> 13), P3));
}

/** Hash of a run of code units codes[start..end) (a word). */
export function hashCodes(codes: ArrayLike<number>, start: number, end: number): number {
  let h = 0x2545f491 ^ (end - start);
  for (let i = start; i < end; i++) h = Math.imul(h ^ codes[i], 0x01000193) + 0x7f4a7c15;
  return finish(h);
}

/** Hash of a short string (a POS tag). */
export function hashString(s: string): number {
  let h = 0x6a09e667;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return finish(h);
}
