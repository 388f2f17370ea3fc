// The committed entity model inside the whole extraction, on small sentences of the kinds the rules
// alone missed: foreign places and persons, persons without a title, party and military bodies.
import { describe, expect, it } from 'vitest';
import { analyzeSentence } from '../../src/extract/index.ts';
import { loadEntityTagger } from '../../src/extract/model/tagger.ts';

const found = (text: string): string[] => {
  const { candidates } = analyzeSentence(text);
  return candidates.map((c) => `${c.type}:${text.slice(c.start, c.end)}`);
};

describe('the committed entity model in the extraction', () => {
  it('finds foreign places and persons, with and without titles', () => {
    const text = '法国总统马克龙和巴西总统卢拉在巴黎会谈，随后乘船驶入地中海。';
    expect(found(text)).toEqual(expect.arrayContaining(['Place:法国', 'Person:马克龙', 'Place:巴西', 'Person:卢拉', 'Place:巴黎', 'Place:地中海']));
    expect(found('王毅在雅加达会见布林肯。')).toEqual(['Person:王毅', 'Place:雅加达', 'Person:布林肯']);
  });

  it('finds party and military bodies, international bodies and places of the world', () => {
    expect(found('致公党中央和中国人民解放军南部战区派员参加活动。')).toEqual(['Organization:致公党中央', 'Organization:中国人民解放军南部战区']);
    expect(found('东盟国家和欧盟代表出席会议，共商约旦河西岸局势。')).toEqual(
      expect.arrayContaining(['Organization:东盟', 'Organization:欧盟', 'Place:约旦河西岸']),
    );
  });

  it('keeps the near-certain rules: a law in 《》 is a policy, a place inside a name is a place', () => {
    expect(found('全国人大常委会审议通过《中华人民共和国反垄断法》修正案。')).toEqual(
      expect.arrayContaining(['Organization:全国人大常委会', 'Policy:《中华人民共和国反垄断法》']),
    );
    expect(found('上海海关查获一批走私货物。')).toEqual(['Organization:上海海关', 'Place:上海']);
  });

  it('finds programs, industries and policies of a work report', () => {
    const all = found('深入实施乡村振兴战略，大力发展新能源汽车和集成电路产业，高标准建设雄安新区。');
    expect(all).toEqual(expect.arrayContaining(['Policy:乡村振兴战略', 'Industry:新能源汽车', 'Program:雄安新区']));
    expect(all.some((f) => f.startsWith('Industry:集成电路'))).toBe(true);
  });

  it('scores spans by their type’s held-out precision, or by their own marginal probability', () => {
    const tagger = loadEntityTagger();
    const precision = tagger.model.meta.precision as Record<string, number>;
    const text = '王毅同布林肯在雅加达举行会谈。';
    for (const span of tagger.predict(text)) expect(span.score).toBe(precision[span.type]);
    for (const span of tagger.predict(text, undefined, true)) {
      expect(span.score).toBeGreaterThan(0);
      expect(span.score).toBeLessThanOrEqual(1);
    }
  });
});
