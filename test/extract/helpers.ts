// Small helpers for the extraction tests: run one candidate generator (or the whole sentence
// analysis) on a sentence and read back plain {type, name} pairs.
import { analyzeSentence } from '../../src/extract/index.ts';
import { loadLexicon } from '../../src/extract/lexicon.ts';
import { tokenize } from '../../src/extract/tokens.ts';
import { stripMarks } from '../../src/extract/candidates/book-title.ts';
import type { Candidate, CandidateGenerator } from '../../src/extract/candidates/types.ts';

export const lexicon = loadLexicon();

export interface Found {
  type: string;
  name: string;
  surface: string;
  source: string;
  aliases?: string[];
  levelPrefix?: string;
}

function describe(text: string, c: Candidate): Found {
  const surface = text.slice(c.start, c.end);
  const found: Found = { type: c.type, name: c.name ?? stripMarks(surface), surface, source: c.source };
  if (c.aliases) found.aliases = c.aliases;
  if (c.levelPrefix) found.levelPrefix = c.levelPrefix;
  return found;
}

/** One generator on one sentence, as the pipeline calls it. */
export function generate(generator: CandidateGenerator, text: string): Found[] {
  return generator({ text, tokens: tokenize(text), lexicon }).map((c) => describe(text, c));
}

/** All generators, overlaps settled: what the extractor keeps from the sentence. */
export function analyze(text: string): Found[] {
  return analyzeSentence(text, lexicon).candidates.map((c) => describe(text, c));
}

/** `Type:name` strings, for compact assertions. */
export const keys = (found: Found[]) => found.map((f) => `${f.type}:${f.name}`);
