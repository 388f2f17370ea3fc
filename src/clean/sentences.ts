// Sentence pass: splits a paragraph on 。！？； and at its end, keeping quotes and brackets whole
// (“……。”他说 splits after the closing quote; a terminator inside （…） or “…” does not split)
// unless a quote runs so long that it is surely unbalanced or a quoted speech of several sentences.
import { CLASS as TABLE, CLOSE, CLOSERS, END, OPEN, OPENERS, SPACE } from './chars.ts';

/** Beyond this many characters inside a quote or bracket, terminators split again. */
const LONG_QUOTE = 150;
const MAX_DEPTH = 16;
const CLASS = TABLE; // a module-local binding keeps the per-character lookups cheap
const QUOTE = 0x22; // ASCII "
const MARKS = END | OPEN | CLOSE;
const PAIR = new Map([...CLOSERS].map((c, i) => [c.charCodeAt(0), OPENERS.charCodeAt(i)]));
const CURLY_OPEN = '“'.charCodeAt(0);

const BRACKETS = new Set([...'（(【〔［〈'].map((c) => c.charCodeAt(0)));

/** Index of the first non-space character at or after `from`. */
function firstChar(text: string, from: number): number {
  while (from < text.length && (CLASS[text.charCodeAt(from)]! & SPACE) !== 0) from++;
  return from;
}

export interface Span {
  start: number;
  end: number;
}

function pushSpan(out: Span[], text: string, start: number, end: number): void {
  while (start < end && (CLASS[text.charCodeAt(start)]! & SPACE) !== 0) start++;
  while (end > start && (CLASS[text.charCodeAt(end - 1)]! & SPACE) !== 0) end--;
  if (end > start) out.push({ start, end });
}

/** Sentence spans of one paragraph, relative to its start. */
export function splitSentences(text: string): Span[] {
  const out: Span[] = [];
  const stack: number[] = [];
  let openedAt = 0;
  let start = 0;
  const n = text.length;
  const close = (u: number): void => {
    // Pop to the matching opener if there is one (an unmatched inner opener is dropped).
    const at = stack.lastIndexOf(PAIR.get(u)!);
    if (at >= 0) stack.length = at;
  };
  for (let i = 0; i < n; i++) {
    const u = text.charCodeAt(i);
    if (u === QUOTE) {
      // ASCII quotes open and close alike; one also closes a “ opened before it.
      const top = stack[stack.length - 1];
      if (top === QUOTE || top === CURLY_OPEN) stack.pop();
      else if (stack.length < MAX_DEPTH) {
        if (!stack.length) openedAt = i;
        stack.push(QUOTE);
      }
      continue;
    }
    const cls = CLASS[u]!;
    if ((cls & MARKS) === 0) continue;
    if (cls & OPEN) {
      if (!stack.length) openedAt = i;
      if (stack.length < MAX_DEPTH) stack.push(u);
      continue;
    }
    if (cls & CLOSE) {
      close(u);
      continue;
    }
    // A terminator: absorb following terminators and closers (“。”” “？！”).
    const outer = stack[0];
    let j = i + 1;
    while (j < n) {
      const d = text.charCodeAt(j);
      const dc = CLASS[d]!;
      if (dc & END) j++;
      else if (dc & CLOSE) {
        close(d);
        j++;
      } else if (d === QUOTE && stack[stack.length - 1] === QUOTE) {
        stack.pop();
        j++;
      } else break;
    }
    // “……。” ends its sentence; a bracket closed after a terminator ends one only when the
    // bracket opened the sentence (“（注：见上文。）”), not inside it (“规定（详见附件。）已发布”).
    const inBracket = outer !== undefined && BRACKETS.has(outer) && openedAt > firstChar(text, start);
    if ((stack.length === 0 && !inBracket) || j - openedAt > LONG_QUOTE) {
      stack.length = 0;
      pushSpan(out, text, start, j);
      start = j;
    }
    i = j - 1;
  }
  pushSpan(out, text, start, n);
  return out;
}
