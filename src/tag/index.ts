// Named-entity recognition for users who want spans rather than a graph: one line of text in, its
// entities out, with the same extraction `build` runs (every type), offsets as JavaScript string
// indices into the line. By default only the outermost spans (what NER test sets score); `nested`
// adds the places written inside names (潍坊市委党校 → 潍坊市), as the graph has them.
import { analyzeSentence, candidateName } from '../extract/index.ts';
import type { Lexicon } from '../extract/lexicon.ts';
import { splitSentences } from '../clean/sentences.ts';
import type { EntityType } from '../types.ts';

export interface TaggedEntity {
  start: number;
  end: number;
  type: EntityType;
  text: string;
}

export interface TaggedLine {
  text: string;
  entities: TaggedEntity[];
}

export function tagLine(text: string, lexicon: Lexicon, options: { nested?: boolean } = {}): TaggedLine {
  const entities: TaggedEntity[] = [];
  for (const sentence of splitSentences(text)) {
    const slice = text.slice(sentence.start, sentence.end);
    const found: TaggedEntity[] = [];
    for (const c of analyzeSentence(slice, lexicon).candidates) {
      const surface = slice.slice(c.start, c.end);
      if (candidateName(c, surface, lexicon) === null) continue;
      found.push({ start: sentence.start + c.start, end: sentence.start + c.end, type: c.type, text: surface });
    }
    for (const e of found) {
      if (!options.nested && found.some((o) => o !== e && o.start <= e.start && e.end <= o.end && o.end - o.start > e.end - e.start)) continue;
      entities.push(e);
    }
  }
  entities.sort((a, b) => a.start - b.start || b.end - a.end);
  return { text, entities };
}
