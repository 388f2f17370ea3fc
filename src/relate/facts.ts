// A sentence as the relation rules see it: its text, jieba tokens, and the entity mentions in it
// (with their resolved entity keys), all with offsets relative to the sentence.
import type { Document, Entity, EntityType } from '../types.ts';
import type { Token } from '../extract/tokens.ts';

export interface Arg {
  key: string;
  type: EntityType;
  start: number;
  end: number;
}

export interface SentenceFacts {
  index: number;
  /** Offset of the sentence in the document text. */
  offset: number;
  text: string;
  tokens: Token[];
  args: Arg[];
}

/** Groups every entity mention by sentence, with sentence-relative offsets. */
export function sentenceFacts(doc: Document, entities: Entity[], tokens: Token[][]): SentenceFacts[] {
  const facts: SentenceFacts[] = doc.sentences.map((s) => ({ index: s.index, offset: s.start, text: doc.text.slice(s.start, s.end), tokens: tokens[s.index] ?? [], args: [] }));
  for (const e of entities) {
    for (const m of e.mentions) {
      const f = facts[m.sentence];
      if (m.doc !== doc.id || !f) continue;
      f.args.push({ key: e.key, type: e.type, start: m.start - f.offset, end: m.end - f.offset });
    }
  }
  for (const f of facts) {
    f.args.sort((a, b) => a.start - b.start || b.end - a.end);
    // A place written inside a name (山东 in 山东科技职业学院) is no argument of the sentence's verbs.
    f.args = f.args.filter((a) => !f.args.some((b) => b !== a && b.start <= a.start && a.end <= b.end && b.end - b.start > a.end - a.start));
  }
  return facts;
}

/** The clause [start, end) around a position: bounded by clause punctuation. */
export function clauseAround(text: string, pos: number, breaks: string): [number, number] {
  let start = pos;
  while (start > 0 && !breaks.includes(text[start - 1]!)) start--;
  let end = pos;
  while (end < text.length && !breaks.includes(text[end]!)) end++;
  return [start, end];
}

/** Is [start, end) aligned with jieba word boundaries (对 is not inside 面对)? */
export function onWordBoundaries(tokens: Token[], start: number, end: number): boolean {
  return tokens.some((t) => t.start === start) && tokens.some((t) => t.end === end);
}
