// jieba segmentation with part-of-speech tags and character offsets, using the project's user dictionary.
import nodejieba from 'nodejieba';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { DATA_DIR } from './lexicon.ts';

export interface Token {
  word: string;
  tag: string;
  start: number;
  end: number;
}

let loaded = false;
let loading: Promise<void> | undefined;

// The keyword-extraction dictionaries (IDF, stop words) are never used here: tiny stand-ins make
// every load (each worker, each re-run) a few hundred milliseconds faster.
const jiebaFiles = () => ({
  userDict: join(DATA_DIR, 'lexicon/user.dict'),
  idfDict: join(DATA_DIR, 'jieba/idf.utf8'),
  stopWordDict: join(DATA_DIR, 'jieba/stop_words.utf8'),
});

export function ensureJieba(): void {
  if (loaded) return;
  nodejieba.load(jiebaFiles());
  loaded = true;
}

type LoadAsync = (files: ReturnType<typeof jiebaFiles>) => Promise<boolean>;

/**
 * Starts building jieba's dictionary (0.3 s) on a libuv thread, so that this thread can load the
 * lexicons and read documents meanwhile; resolves when jieba is ready. Needs the loadAsync() that
 * scripts/patch-nodejieba.mjs adds to nodejieba; without it, loads here and now. (ensureJieba()
 * called before the promise resolves loads a second time: correct, only slower.)
 */
export function loadJiebaInBackground(): Promise<void> {
  if (loaded) return Promise.resolve();
  const loadAsync = (nodejieba as unknown as { loadAsync?: LoadAsync }).loadAsync;
  if (typeof loadAsync !== 'function') {
    ensureJieba();
    return Promise.resolve();
  }
  loading ??= loadAsync(jiebaFiles()).then(() => {
    loaded = true;
  });
  return loading;
}

/**
 * word → tag. One-character words are read from an array by code unit and two-character CJK words
 * from integer keys: most words are that short, and neither needs the word's string hashed.
 */
class TagTable {
  private single: (string | undefined)[] = new Array(0x10000);
  private pairs = new PairTable();
  private longer = new Map<string, string>();
  /** Words written since the last clear (an upper bound of the entries held). */
  size = 0;

  get(word: string): string | undefined {
    if (word.length === 1) return this.single[word.charCodeAt(0)];
    if (word.length === 2) {
      const key = pairKey(word);
      if (key >= 0) return this.pairs.get(key);
    }
    return this.longer.get(word);
  }

  set(word: string, tag: string): void {
    this.size++;
    if (word.length === 1) this.single[word.charCodeAt(0)] = tag;
    else if (word.length === 2 && pairKey(word) >= 0) this.pairs.set(pairKey(word), tag);
    else this.longer.set(word, tag);
  }

  clear(): void {
    this.single = new Array(0x10000);
    this.pairs = new PairTable();
    this.longer.clear();
    this.size = 0;
  }
}

/**
 * Integer key → tag, open addressing over typed arrays (keys + tag ids): a probe reads one slot of
 * a compact table, where a Map of 100k entries chases pointers. Grows at half full.
 */
class PairTable {
  private keys = new Int32Array(1 << 17).fill(-1);
  private ids = new Uint8Array(1 << 17);
  private count = 0;
  private readonly tags: string[] = [];
  private readonly idOf = new Map<string, number>();

  get(key: number): string | undefined {
    const mask = this.keys.length - 1;
    for (let i = Math.imul(key, 0x9e3779b1) >>> 0 & mask; ; i = (i + 1) & mask) {
      const k = this.keys[i]!;
      if (k === key) return this.tags[this.ids[i]!];
      if (k === -1) return undefined;
    }
  }

  set(key: number, tag: string): void {
    let id = this.idOf.get(tag);
    if (id === undefined) {
      if (this.tags.length === 255) throw new Error('more than 255 distinct jieba tags');
      id = this.tags.push(tag) - 1;
      this.idOf.set(tag, id);
    }
    if (2 * (this.count + 1) > this.keys.length) this.grow();
    const mask = this.keys.length - 1;
    let i = Math.imul(key, 0x9e3779b1) >>> 0 & mask;
    while (this.keys[i] !== -1 && this.keys[i] !== key) i = (i + 1) & mask;
    if (this.keys[i] === -1) this.count++;
    this.keys[i] = key;
    this.ids[i] = id;
  }

  private grow(): void {
    const { keys, ids } = this;
    this.keys = new Int32Array(keys.length * 2).fill(-1);
    this.ids = new Uint8Array(keys.length * 2);
    const mask = this.keys.length - 1;
    for (let j = 0; j < keys.length; j++) {
      if (keys[j] === -1) continue;
      let i = Math.imul(keys[j]!, 0x9e3779b1) >>> 0 & mask;
      while (this.keys[i] !== -1) i = (i + 1) & mask;
      this.keys[i] = keys[j]!;
      this.ids[i] = ids[j]!;
    }
  }
}

const CJK_FIRST = 0x4e00;
const CJK_SPAN = 0x5200; // U+4E00..U+9FFF

/** Two CJK characters as one small integer (below 2^29), or -1. */
function pairKey(word: string): number {
  const a = word.charCodeAt(0) - CJK_FIRST;
  const b = word.charCodeAt(1) - CJK_FIRST;
  return a >= 0 && a < CJK_SPAN && b >= 0 && b < CJK_SPAN ? a * CJK_SPAN + b : -1;
}

const tagOf = new TagTable();
const TAG_CACHE_LIMIT = 1_000_000;
let warmed = false;
/** The main dictionary ensureJieba() loads (nodejieba's default; its typings omit the constant). */
const JIEBA_DICT = (nodejieba as unknown as { DEFAULT_DICT: string }).DEFAULT_DICT;

/**
 * Fills the tag cache from jieba's dictionary files (≈ 0.2 s, ≈ 30 MB; jieba itself need not be
 * loaded yet): the tag() of a dictionary word is the tag its dictionary line gives (the user
 * dictionary's line where both have one), so long runs pay no cache misses. Worth it for bulk
 * extraction, not for one short document.
 */
export function warmTagCache(): void {
  if (warmed) return;
  for (const path of [JIEBA_DICT, join(DATA_DIR, 'lexicon/user.dict')]) {
    const text = readFileSync(path, 'utf8');
    for (let at = 0; at < text.length; ) {
      let end = text.indexOf('\n', at);
      if (end < 0) end = text.length;
      // "word [frequency] tag": a line without a tag leaves the word to tag() on first sight.
      const first = text.indexOf(' ', at);
      const last = text.lastIndexOf(' ', end - 1);
      if (first > at && first < end && last >= first) {
        const tag = text.slice(last + 1, end).trim();
        if (tag && !/^\d+$/.test(tag)) tagOf.set(text.slice(at, first), tag);
      }
      at = end + 1;
    }
  }
  warmed = true;
}

export function tagWords(text: string): { word: string; tag: string }[] {
  const { words, tags } = cutAndTag(text);
  return words.map((word, i) => ({ word, tag: tags[i]! }));
}

/**
 * jieba's words of `text` and their tags, as two arrays (no object per word).
 *
 * Why not nodejieba.tag() on every sentence: half of its time goes into building one {word, tag}
 * object per word across the native boundary, while its segmentation is exactly cut(text, true)
 * (both run jieba's MixSegment with HMM) and its tag is a dictionary lookup that does not depend on
 * context. So: cut, and read each word's tag from the table, which tag() fills for words not seen
 * before (warmTagCache fills it from the dictionaries). Identical to tag(), word for word.
 */
function cutAndTag(text: string): { words: string[]; tags: string[] } {
  ensureJieba();
  const words = nodejieba.cut(text, true);
  const tags = new Array<string>(words.length);
  for (let i = 0; i < words.length; i++) {
    const tag = tagOf.get(words[i]!) ?? tagAlone(words[i]!);
    if (tag === undefined) return taggedAndRemembered(text);
    tags[i] = tag;
  }
  return { words, tags };
}

/** A new word's tag, from tag() on the word alone when jieba keeps it whole; else undefined. */
function tagAlone(word: string): string | undefined {
  const alone = nodejieba.tag(word);
  if (alone.length !== 1 || alone[0]!.word !== word) return undefined;
  remember(word, alone[0]!.tag);
  return alone[0]!.tag;
}

function remember(word: string, tag: string): void {
  if (tagOf.size >= TAG_CACHE_LIMIT) {
    tagOf.clear();
    warmed = false;
  }
  tagOf.set(word, tag);
}

function taggedAndRemembered(text: string): { words: string[]; tags: string[] } {
  const tagged = nodejieba.tag(text);
  for (const { word, tag } of tagged) remember(word, tag);
  return { words: tagged.map((t) => t.word), tags: tagged.map((t) => t.tag) };
}

export function tokenize(text: string): Token[] {
  const { words, tags } = cutAndTag(text);
  const tokens = new Array<Token>(words.length);
  let pos = 0;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    // jieba's words follow each other through the text; search only if one does not.
    const at = text.startsWith(word, pos) ? pos : Math.max(pos, text.indexOf(word, pos));
    tokens[i] = { word, tag: tags[i]!, start: at, end: at + word.length };
    pos = at + word.length;
  }
  return tokens;
}

/** Punctuation and symbols: jieba tags them `x`, as it does unknown words, so test the characters. */
export function isPunctuation(word: string): boolean {
  return /^[\p{P}\p{S}\s]+$/u.test(word);
}
