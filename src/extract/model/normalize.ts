// Character normalization shared by features and word lists: full-width ASCII → half-width, A–Z → a–z.

export function normalizeCode(c: number): number {
  if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
  else if (c === 0x3000) c = 0x20;
  if (c >= 0x41 && c <= 0x5a) c += 0x20;
  return c;
}

export function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
