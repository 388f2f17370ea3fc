// jieba segmentation with part-of-speech tags and character offsets, using the project's user dictionary.
import nodejieba from 'nodejieba';
import { join } from 'node:path';
import { DATA_DIR } from './lexicon.ts';

export interface Token {
  word: string;
  tag: string;
  start: number;
  end: number;
}

let loaded = false;

export function ensureJieba(): void {
  if (loaded) return;
  // The keyword-extraction dictionaries (IDF, stop words) are never used here: tiny stand-ins make
  // every load (each worker, each re-run) a few hundred milliseconds faster.
  nodejieba.load({
    userDict: join(DATA_DIR, 'lexicon/user.dict'),
    idfDict: join(DATA_DIR, 'jieba/idf.utf8'),
    stopWordDict: join(DATA_DIR, 'jieba/stop_words.utf8'),
  });
  loaded = true;
}

export function tokenize(text: string): Token[] {
  ensureJieba();
  const tokens: Token[] = [];
  let pos = 0;
  for (const { word, tag } of nodejieba.tag(text)) {
    // jieba's words follow each other through the text; search only if one does not.
    const at = text.startsWith(word, pos) ? pos : Math.max(pos, text.indexOf(word, pos));
    tokens.push({ word, tag, start: at, end: at + word.length });
    pos = at + word.length;
  }
  return tokens;
}

/** Punctuation and symbols: jieba tags them `x`, as it does unknown words, so test the characters. */
export function isPunctuation(word: string): boolean {
  return /^[\p{P}\p{S}\s]+$/u.test(word);
}
