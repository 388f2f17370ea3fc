// Matching of several named word lists at once with one character trie over normalized code units.
import type { LexiconList } from './types.ts';
import { normalizeCode } from './normalize.ts';

export interface Lexicon {
  names: string[];
  /** Child of the root per code unit (0 = none): most lookups fail at the first character. */
  root: Int32Array;
  /** Edge (node * 65536 + code unit) → child node, below the root. */
  edges: Map<number, number>;
  /** Per node: bit l set when a word of list l ends there. */
  ends: number[];
}

export function buildLexicon(lists: readonly LexiconList[]): Lexicon {
  if (lists.length > 30) throw new Error(`at most 30 word lists can be features, got ${lists.length}`);
  const root = new Int32Array(65536);
  const edges = new Map<number, number>();
  const ends: number[] = [0];
  lists.forEach((list, l) => {
    for (const word of list.words) {
      let node = 0;
      for (let i = 0; i < word.length; i++) {
        const code = normalizeCode(word.charCodeAt(i));
        const key = node * 65536 + code;
        let child = node === 0 ? root[code] || undefined : edges.get(key);
        if (child === undefined) {
          child = ends.length;
          ends.push(0);
          if (node === 0) root[code] = child;
          else edges.set(key, child);
        }
        node = child;
      }
      if (node !== 0) ends[node] |= 1 << l;
    }
  });
  return { names: lists.map((list) => list.name), root, edges, ends };
}

/**
 * For each list l and position p, writes into len[p * L + l] the length of the longest match of
 * list l covering p, and into pos[p * L + l] where p sits in it (1 B, 2 M, 3 E, 4 S; 0 no match).
 * `codes` are normalized code units of the text.
 */
export function matchLexicon(
  lexicon: Lexicon,
  codes: Int32Array,
  n: number,
  len: Uint8Array,
  pos: Uint8Array,
): void {
  const L = lexicon.names.length;
  len.fill(0, 0, n * L);
  pos.fill(0, 0, n * L);
  const { root, edges, ends } = lexicon;
  for (let s = 0; s < n; s++) {
    const first = codes[s];
    let node = first >= 0 && first < 65536 ? root[first] : 0;
    if (node === 0) continue;
    for (let e = s; e < n; e++) {
      if (e > s) {
        const child = edges.get(node * 65536 + codes[e]);
        if (child === undefined) break;
        node = child;
      }
      let mask = ends[node];
      if (mask === 0) continue;
      const length = Math.min(e - s + 1, 255);
      for (let l = 0; mask !== 0; l++, mask >>>= 1) {
        if ((mask & 1) === 0) continue;
        for (let p = s; p <= e; p++) {
          const at = p * L + l;
          if (len[at] >= length) continue;
          len[at] = length;
          pos[at] = s === e ? 4 : p === s ? 1 : p === e ? 3 : 2;
        }
      }
    }
  }
}
