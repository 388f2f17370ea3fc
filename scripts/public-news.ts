// The public news NER sentences (MSRA, People's Daily; persons, places, organizations), split once:
// every tenth sentence is kept apart from training to measure `zhengtu tag` on text of their kind.
import { resolve } from 'node:path';
import { readBio } from '../src/extract/model/corpus.ts';
import type { LabeledSentence } from '../src/extract/model/types.ts';

const NER = resolve(import.meta.dirname, '../../shared/data/ner');

export function publicNews(): { train: LabeledSentence[]; test: LabeledSentence[] } {
  const all = [...readBio(resolve(NER, 'msra.val.bio'), 'msra'), ...readBio(resolve(NER, 'peoples-daily.dev.bio'), 'peoples-daily')];
  return { train: all.filter((_, i) => i % 10 !== 0), test: all.filter((_, i) => i % 10 === 0) };
}
