// Training on a slice of our own annotated corpus (all six types, the rules' proposals as features):
// the model learns the types no public corpus has.
import { beforeAll, describe, expect, it } from 'vitest';
import { annotatedSentences } from '../../scripts/annotate/corpus.ts';
import { featureLexicons } from '../../src/extract/model/sources.ts';
import { trainEntityModel } from '../../src/extract/model/train.ts';
import { encodeModel } from '../../src/extract/model/io.ts';
import { EntityTagger } from '../../src/extract/model/tagger.ts';
import { MODEL_TYPES, type LabeledSentence } from '../../src/extract/model/types.ts';
import { ruleCandidates } from '../../src/extract/index.ts';
import { loadLexicon } from '../../src/extract/lexicon.ts';
import { scoreTyped } from '../../src/eval/spans.ts';
import { ROOT } from './helpers.ts';

describe('training on the annotated corpus', () => {
  let train: LabeledSentence[];
  let heldBack: LabeledSentence[];
  const lexicon = loadLexicon();
  const options = (epochs: number) => ({
    epochs, seed: 11, bits: 16, lexicons: featureLexicons(ROOT), types: MODEL_TYPES,
    hints: (s: LabeledSentence, tokens: Parameters<typeof ruleCandidates>[0]['tokens']) => ruleCandidates({ text: s.text, tokens, lexicon }),
  });

  beforeAll(() => {
    const all = annotatedSentences('train').filter((s) => s.spans.length > 0);
    train = all.slice(0, 1500);
    heldBack = all.slice(1500, 1900);
  });

  it('learns programs, industries and policies that held-back sentences hold', () => {
    const tagger = new EntityTagger(trainEntityModel(train, options(3)));
    const scores = scoreTyped(heldBack, heldBack.map((s) => tagger.predict(s.text)));
    const untrained = new EntityTagger(trainEntityModel(train, options(0)));
    expect(scoreTyped(heldBack, heldBack.map((s) => untrained.predict(s.text))).overall?.tp ?? 0).toBe(0);
    expect(scores.overall.f1).toBeGreaterThan(0.5);
    for (const type of ['Industry', 'Program', 'Policy']) expect(scores[type]?.tp ?? 0).toBeGreaterThan(0);
  });

  it('is deterministic with the rules as features', () => {
    const slice = train.slice(0, 300);
    expect(encodeModel(trainEntityModel(slice, options(2))).equals(encodeModel(trainEntityModel(slice, options(2))))).toBe(true);
  });
});
