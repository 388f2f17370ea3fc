// Names by their head noun, extended left to the full name: Organizations (…委员会, …局, 集团, 实验室,
// 党校 …) and unquoted Programs (…示范区, …联合体, …科创基金).
import type { EntityType } from '../../types.ts';
import type { Candidate, SentenceContext } from './types.ts';
import type { Token } from '../tokens.ts';
import { allGeneric, extendLeft, hasProperPart, isNameToken, tokensIn, wordsBefore } from './names.ts';

const CONJUNCTION = /^(与|和|及)$/;

export interface Head {
  head: string;
  weak: boolean;
}

export function orgSuffixCandidates(ctx: SentenceContext): Candidate[] {
  return headedNames(ctx, ctx.lexicon.orgSuffixes, 'Organization');
}

export function programHeadCandidates(ctx: SentenceContext): Candidate[] {
  return headedNames(ctx, ctx.lexicon.programNameHeads, 'Program');
}

const headIndexes = new WeakMap<Head[], Map<number, Head[]>>();

/** Heads by their last character's code, longest first: the hot loop tests only the few that can end here. */
function byLastChar(heads: Head[]): Map<number, Head[]> {
  let index = headIndexes.get(heads);
  if (!index) {
    index = new Map();
    for (const h of heads) {
      const last = h.head.charCodeAt(h.head.length - 1);
      index.set(last, [...(index.get(last) ?? []), h]);
    }
    headIndexes.set(heads, index);
  }
  return index;
}

function headedNames(ctx: SentenceContext, heads: Head[], type: EntityType): Candidate[] {
  const { text, tokens, lexicon } = ctx;
  const out: Candidate[] = [];
  const index = byLastChar(heads);
  const { ends, length } = headEnds(ctx);
  for (let k = 0; k < length; k += 2) {
    const t = ends[k]!;
    const headEnd = ends[k + 1]!;
    const endingHere = index.get(text.charCodeAt(headEnd - 1));
    if (!endingHere) continue;
    const token = tokens[t]!;
    // The longest head that ends here and starts on a token boundary or inside one token.
    const suffix = longestHeadEndingAt(text, headEnd, endingHere);
    if (!suffix) continue;
    const headStart = headEnd - suffix.head.length;
    let i = t;
    while (i > 0 && tokens[i]!.start > headStart) i--;
    // A head that jieba reads as a verb (计划实施) heads nothing.
    if (token.word === suffix.head && token.tag === 'v') continue;
    // Single-character heads (部, 局, 委) end no name inside ordinary words (格局, 干部).
    if (suffix.head.length === 1 && token.word.length === 2 && lexicon.nonentities.has(token.word)) continue;
    // Prefer the longest name: skip when the next token continues the name (…委员会 + 办公室).
    const next = headEnd === token.end ? tokens[t + 1] : undefined;
    if (next && endsWithLongHead(next.word, heads) && isNameToken(next, lexicon)) continue;
    let first = extendLeft(tokens, i, token.end, lexicon);
    // “内燃机与动力系统国家重点实验室”: a conjunction joins two nouns inside a name when the part to its
    // left starts the clause.
    // Not when the left part is a whole organization already (潍柴集团与山东大学).
    const conj = tokens[first - 1];
    const leftEnd = tokens[first - 2];
    if (conj && leftEnd && CONJUNCTION.test(conj.word) && !lexicon.orgSuffixes.some((h) => leftEnd.word.endsWith(h.head))) {
      const leftFirst = extendLeft(tokens, first - 1, conj.start, lexicon, 8);
      const before = tokens[leftFirst - 1];
      if (leftFirst < first - 1 && (!before || /^[，。；：、（(]$/.test(before.word))) first = leftFirst;
    }
    const start = tokens[first]!.start;
    if (start === headStart) continue; // a head with nothing before it names nothing
    const end = headEnd;
    const name = text.slice(start, end);
    const prefix = text.slice(start, headStart);
    const firstWord = tokens[first]!.word;
    // A bare level word (市, or 市 fused by jieba into an unknown word: 市科创, 市人大) leaves the place to context.
    const bare = firstWord.length === 1 || /^(x|j)$/.test(tokens[first]!.tag) || lexicon.levelOrgans.has(firstWord.slice(1));
    const level = /^(市|省|县|区)/.test(prefix) && bare ? prefix[0] : undefined;
    if (!prefix || lexicon.nonentities.has(name)) continue;
    // 市委, 省政府, 市科创基金: a bare level prefix names the place's own organ or program.
    const levelOrgan = level !== undefined && prefix.length === 1 && (type === 'Program' || lexicon.levelOrgans.has(suffix.head));
    if (!levelOrgan && allGeneric(wordsBefore(text, tokens, first, headStart), lexicon, !lexicon.organHeads.has(suffix.head))) continue;
    if (suffix.weak && !level && !hasProperPart(name, tokensIn(tokens, start, end), lexicon)) continue;
    // A place and a program's head is a geographic name (戈兰高地, 河西走廊), not a program.
    if (type === 'Program' && ((first === i - 1 && tokens[first]!.tag === 'ns' && tokens[i]!.start === headStart) || (first === i && tokens[i]!.tag === 'ns'))) continue;
    // A head inside a generic compound (军事行动) heads no name.
    if (tokens[i]!.start < headStart && lexicon.nonentities.has(tokens[i]!.word)) continue;
    out.push({ start, end, type, source: 'suffix', score: type === 'Organization' ? 0.8 : 0.7, levelPrefix: level });
  }
  return out;
}

/** Does `word` end with one of `heads` of two or more characters? */
function endsWithLongHead(word: string, heads: Head[]): boolean {
  for (let k = 0; k < heads.length; k++) if (heads[k]!.head.length >= 2 && word.endsWith(heads[k]!.head)) return true;
  return false;
}

/** The first (longest) of `heads` that ends at `end` in `text`: a plain loop, for the hot path. */
function longestHeadEndingAt(text: string, end: number, heads: Head[]): Head | undefined {
  for (let k = 0; k < heads.length; k++) {
    const from = end - heads[k]!.head.length;
    if (from >= 0 && text.startsWith(heads[k]!.head, from)) return heads[k];
  }
  return undefined;
}

/** The last sentence's head ends: both head generators (organizations, programs) read them in turn. */
let endsFor: Token[] | undefined;
let endsBuffer = new Int32Array(256);
let endsLength = 0;

/**
 * Where a head may end: at every token's end, and inside words jieba did not know (委对 in 教科文卫委对).
 * Flat pairs [token index, end offset, …] in a reused typed array (valid until the next sentence):
 * nothing is allocated per token or per sentence on the hottest path.
 */
function headEnds({ tokens }: SentenceContext): { ends: Int32Array; length: number } {
  if (endsFor !== tokens) {
    let count = 0;
    for (const token of tokens) count += 1 + inside(token);
    if (endsBuffer.length < 2 * count) endsBuffer = new Int32Array(4 * count);
    let k = 0;
    for (let t = 0; t < tokens.length; t++) {
      const token = tokens[t]!;
      for (let e = token.end - inside(token); e < token.end; e++) {
        endsBuffer[k++] = t;
        endsBuffer[k++] = e;
      }
      endsBuffer[k++] = t;
      endsBuffer[k++] = token.end;
    }
    endsLength = k;
    endsFor = tokens;
  }
  return { ends: endsBuffer, length: endsLength };
}

/** How many head ends lie inside a token: those of an unknown word (x) of two or more characters. */
function inside(token: Token): number {
  return token.tag === 'x' && token.word.length > 1 ? token.word.length - 1 : 0;
}
