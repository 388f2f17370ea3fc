// Public NER corpora → labeled sentences in our types. CLUENER2020 (JSON Lines) and the BIO files of
// MSRA, People's Daily and Weibo NER annotate persons, places and organizations only, so their
// sentences say so (`annotates`): training does not learn from their silence about our other types.
import { readFileSync } from 'node:fs';
import type { EntityType } from '../../types.ts';
import type { LabeledSentence } from './types.ts';

/** CLUENER labels in our types (organization + government + company → Organization); others are not ours. */
export const CLUENER_TYPES: Record<string, EntityType> = {
  organization: 'Organization', government: 'Organization', company: 'Organization',
  name: 'Person', address: 'Place', scene: 'Place',
};

const PUBLIC_TYPES: EntityType[] = ['Organization', 'Person', 'Place'];

/** BIO labels in our types: PER, LOC, ORG, and Weibo's named (.NAM) GPE/LOC/PER/ORG. */
const BIO_TYPES: Record<string, EntityType> = {
  PER: 'Person', LOC: 'Place', ORG: 'Organization', GPE: 'Place',
  'PER.NAM': 'Person', 'LOC.NAM': 'Place', 'GPE.NAM': 'Place', 'ORG.NAM': 'Organization',
};

function read(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new Error(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
}

interface CluenerLine {
  text: string;
  label?: Record<string, Record<string, [number, number][]>>;
}

/** Reads a CLUENER file; throws an Error naming the file and line on malformed input. */
export function readCluener(path: string, types: Record<string, EntityType> = CLUENER_TYPES): LabeledSentence[] {
  const sentences: LabeledSentence[] = [];
  read(path).split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    let parsed: CluenerLine;
    try {
      parsed = JSON.parse(line) as CluenerLine;
    } catch {
      throw new Error(`${path}:${index + 1}: not a JSON line (expected {"text": …, "label": …})`);
    }
    if (typeof parsed.text !== 'string') throw new Error(`${path}:${index + 1}: no "text" string`);
    const seen = new Set<string>();
    const spans: LabeledSentence['spans'] = [];
    for (const [label, type] of Object.entries(types)) {
      for (const positions of Object.values(parsed.label?.[label] ?? {})) {
        for (const [start, endInclusive] of positions) {
          const key = `${start}:${endInclusive}`;
          if (seen.has(key)) continue;
          seen.add(key);
          spans.push({ start, end: endInclusive + 1, type });
        }
      }
    }
    spans.sort((a, b) => a.start - b.start || a.end - b.end);
    sentences.push({ text: parsed.text, spans, annotates: [...new Set(Object.values(types))], source: 'cluener' });
  });
  return sentences;
}

/**
 * Reads a BIO file (one character a line, `char<TAB or SPACE>tag`, blank line between sentences).
 * Weibo's characters carry their place in jieba's word as a trailing digit (科0): it is dropped.
 */
export function readBio(path: string, source: string): LabeledSentence[] {
  const sentences: LabeledSentence[] = [];
  let text = '';
  let spans: LabeledSentence['spans'] = [];
  let open: { start: number; type: EntityType } | null = null;
  const close = (at: number) => {
    if (open) spans.push({ start: open.start, end: at, type: open.type });
    open = null;
  };
  const flush = () => {
    close(text.length);
    if (text) sentences.push({ text, spans, annotates: PUBLIC_TYPES, source });
    text = '';
    spans = [];
  };
  read(path).split('\n').forEach((raw, index) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') return flush();
    const m = /^(.+?)[\t ]+(\S+)$/u.exec(line);
    if (!m) throw new Error(`${path}:${index + 1}: expected "character<TAB>tag"`);
    let char = m[1];
    if (source === 'weibo' && /^.+\d$/u.test(char)) char = char.slice(0, -1);
    const [prefix, label] = m[2] === 'O' ? ['O', ''] : [m[2].slice(0, 1), m[2].slice(2)];
    const type = BIO_TYPES[label];
    if (prefix === 'B' || prefix === 'S' || !type || (prefix === 'I' && open?.type !== type) || prefix === 'O') close(text.length);
    if (type && (prefix === 'B' || prefix === 'S' || (prefix === 'I' && !open))) open = { start: text.length, type };
    text += char;
    if (prefix === 'E' || prefix === 'S') close(text.length);
  });
  flush();
  return sentences;
}
