// Restores text a PDF printed twice (bold faked by overprinting): “一一、、取取得得的的成成效效” → “一、取得的成效”.
// The decision is made per run of identical pairs, never per pair, so that the legitimate reduplication
// of prose (人人渴望成才, 常常, 明明白白) stays: a run is restored when it is long and varied enough that no
// sentence would produce it, or when it makes up a whole line.
import { CLASS, HAN, SPACE } from './chars.ts';

const TABLE = CLASS;

/** A run this long (in pairs) and this varied is doubled print wherever it stands. */
const MIN_PAIRS = 3;
const MIN_DISTINCT = 3;
const MIN_CJK_PAIRS = 2;
/** A whole line made of pairs needs less: two different pairs (“前前言言”). */
const MIN_LINE_PAIRS = 2;

function isPair(s: string, i: number): boolean {
  if (i + 1 >= s.length) return false;
  const u = s.charCodeAt(i);
  return u === s.charCodeAt(i + 1) && (TABLE[u]! & SPACE) === 0;
}

function isSpaceAt(s: string, i: number): boolean {
  return (TABLE[s.charCodeAt(i)]! & SPACE) !== 0;
}

/** The line with its doubled runs restored; the same string when it has none. */
export function restoreDoubled(line: string): string {
  const n = line.length;
  let out = '';
  let copied = 0;
  let i = 0;
  while (i < n - 1) {
    if (!isPair(line, i)) {
      i++;
      continue;
    }
    // Scan one run: pairs, optionally separated by single spaces (“人人才才 海海纳纳”).
    let j = i;
    let pairs = 0;
    let cjk = 0;
    let distinct = 0;
    let seen1 = '';
    let seen2 = '';
    while (j < n - 1) {
      if (isPair(line, j)) {
        const c = line[j]!;
        j += 2;
        // …… and —— are always printed as pairs: no evidence of doubling either way.
        if (c === '…' || c === '—') continue;
        pairs++;
        if (TABLE[c.charCodeAt(0)]! & HAN) cjk++;
        if (distinct < MIN_DISTINCT && c !== seen1 && c !== seen2) {
          distinct++;
          if (distinct === 1) seen1 = c;
          else seen2 = c;
        }
      } else if (isSpaceAt(line, j) && isPair(line, j + 1)) j += 1;
      else break;
    }
    const wholeLine = line.slice(0, i).trim() === '' && line.slice(j).trim() === '';
    const restore =
      (pairs >= MIN_PAIRS && distinct >= MIN_DISTINCT && cjk >= MIN_CJK_PAIRS) ||
      (wholeLine && pairs >= MIN_LINE_PAIRS && distinct >= 2 && cjk >= 1);
    if (restore) {
      out += line.slice(copied, i);
      for (let k = i; k < j; ) {
        if (isSpaceAt(line, k)) {
          out += line[k];
          k++;
        } else {
          out += line[k];
          k += 2;
        }
      }
      copied = j;
    }
    i = j;
  }
  return copied === 0 ? line : out + line.slice(copied);
}
