import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MODEL_TYPES, type EntityModel, type LabeledSentence } from '../../src/extract/model/types.ts';
import { readBio, readCluener } from '../../src/extract/model/corpus.ts';
import { featureLexicons } from '../../src/extract/model/sources.ts';
import { trainEntityModel } from '../../src/extract/model/train.ts';
import { writeModel, readModel, encodeModel, decodeModel } from '../../src/extract/model/io.ts';
import { EntityTagger } from '../../src/extract/model/tagger.ts';
import { evaluateTagger } from '../../src/eval/cluener.ts';
import { CLUENER_TRAIN, ROOT } from './helpers.ts';

const surfaces = (tagger: EntityTagger, text: string, type = 'Organization'): string[] =>
  tagger.predict(text).filter((s) => s.type === type).map((s) => text.slice(s.start, s.end));

describe('training on a small slice', () => {
  let sentences: LabeledSentence[];
  let heldBack: LabeledSentence[];
  let model: EntityModel;
  let tagger: EntityTagger;
  const options = () => ({ epochs: 3, seed: 7, bits: 16, lexicons: featureLexicons(ROOT), types: MODEL_TYPES });

  beforeAll(() => {
    const all = readCluener(CLUENER_TRAIN).filter((s) => s.spans.length > 0);
    sentences = all.slice(0, 1000);
    heldBack = all.slice(1000, 1300);
    model = trainEntityModel(sentences, options());
    tagger = new EntityTagger(model);
  });

  it('learns: held-back sentences score far above an untrained model', () => {
    const untrained = new EntityTagger(trainEntityModel(sentences, { ...options(), epochs: 0 }));
    expect(evaluateTagger(heldBack, untrained).result.tp).toBe(0);
    const { result } = evaluateTagger(heldBack, tagger);
    expect(result.f1).toBeGreaterThan(0.35);
    expect(evaluateTagger(sentences, tagger).result.f1).toBeGreaterThan(result.f1);
  });

  it('finds organizations whose names end in a clear head', () => {
    expect(surfaces(tagger, '招商银行和中国银行今天同时发布了年报。')).toEqual(['招商银行', '中国银行']);
    expect(surfaces(tagger, '他毕业于北京大学，后来在清华大学任教。')).toEqual(['北京大学', '清华大学']);
    expect(surfaces(tagger, '今天天气很好，我们去公园散步。')).toEqual([]);
  });

  it('is deterministic: the same data and seed give the same model file', () => {
    const again = trainEntityModel(sentences, options());
    expect(encodeModel(again).equals(encodeModel(model))).toBe(true);
  });

  it('saves and loads without changing any prediction', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'zt-model-')), 'org.bin.gz');
    writeModel(path, model);
    const loaded = new EntityTagger(readModel(path));
    for (const s of heldBack.slice(0, 100)) expect(loaded.predict(s.text)).toEqual(tagger.predict(s.text));
  });

  it('rejects a file that is not a model, saying how to rebuild it', () => {
    expect(() => decodeModel(Buffer.from('not a model'), 'x.bin.gz')).toThrow(/x\.bin\.gz is not a gzip file.*npm run train/);
    expect(() => readModel('/nonexistent/org.bin.gz')).toThrow(/cannot read the entity model .*ENOENT.*npm run train/);
  });
});
