// Named strategies (…战略) and persons (title + name, names jieba knows whole).
import { describe, expect, it } from 'vitest';
import { strategyCandidates } from '../../src/extract/candidates/strategy.ts';
import { personCandidates } from '../../src/extract/candidates/person.ts';
import { analyze, generate, keys } from './helpers.ts';

describe('strategies', () => {
  it('names a strategy by the words before 战略', () => {
    expect(keys(generate(strategyCandidates, '深入实施乡村振兴战略，推动农业农村现代化。'))).toEqual(['Policy:乡村振兴战略']);
  });

  it('splits a list of strategies', () => {
    expect(keys(generate(strategyCandidates, '实施科教兴国战略、人才强国战略、创新驱动发展战略。'))).toEqual([
      'Policy:科教兴国战略',
      'Policy:人才强国战略',
      'Policy:创新驱动发展战略',
    ]);
  });

  it('finds no strategy named only by rank or scope (国家重大战略, 区域发展战略)', () => {
    expect(generate(strategyCandidates, '落实国家重大战略，推进区域发展战略。')).toEqual([]);
  });

  it('finds none where 战略 modifies a noun (战略科技力量, 战略性新兴产业)', () => {
    expect(generate(strategyCandidates, '加快建设国家战略科技力量，壮大战略性新兴产业。')).toEqual([]);
  });
});

describe('persons', () => {
  it('takes a name after a title, with or without a space', () => {
    // Two generators inside may vouch for the same span; the analysis keeps one.
    expect(new Set(keys(generate(personCandidates, '市长王建国强调，要加快推进科技创新。')))).toEqual(new Set(['Person:王建国']));
    expect(new Set(keys(generate(personCandidates, '会上，副市长 王建国 作了讲话。')))).toEqual(new Set(['Person:王建国']));
    expect(keys(analyze('市长王建国强调，要加快推进科技创新。'))).toEqual(['Person:王建国']);
  });

  it('takes a name jieba knows whole, before a title', () => {
    expect(keys(generate(personCandidates, '习近平总书记强调，要加快建设科技强国。'))).toEqual(['Person:习近平']);
  });

  it('takes no title alone, and no speech verb for a name (总书记强调)', () => {
    expect(generate(personCandidates, '总书记强调，要坚持创新驱动。')).toEqual([]);
    expect(generate(personCandidates, '会议强调，要狠抓落实。')).toEqual([]);
    expect(analyze('总书记强调，要坚持创新驱动。').filter((f) => f.type === 'Person')).toEqual([]);
  });

  it('does not trust jieba’s person tag on ordinary words (高水平)', () => {
    expect(generate(personCandidates, '高水平建设创新平台。')).toEqual([]);
  });
});

describe('goals and slogans are no Policy', () => {
  it('finds nothing in 高质量发展 and 新质生产力', () => {
    expect(analyze('推动高质量发展，加快培育新质生产力。')).toEqual([]);
    expect(analyze('发展新质生产力是推动高质量发展的内在要求。')).toEqual([]);
  });
});
