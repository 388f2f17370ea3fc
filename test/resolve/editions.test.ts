// Editions, periods and numbers are part of a policy's identity: names that differ only by （2019年本）,
// （2016—2030年） or （第N号） are different documents, in one document and across documents; a draft
// note (（征求意见稿）) still joins its policy, and a name without its edition joins the one edition a
// document names.
import { describe, expect, it } from 'vitest';
import { mergeEntities } from '../../src/resolve/merge.ts';
import { resolved } from './helpers.ts';

const policies = (text: string, id = 'doc') => resolved(text, id).entities.filter((e) => e.type === 'Policy');
const names = (text: string) => policies(text).map((e) => e.name).sort();

describe('identity notes', () => {
  it('keep editions, periods and numbers apart in one document', () => {
    expect(names('国家发展改革委发布《产业结构调整指导目录（2019年本）》，后又发布《产业结构调整指导目录（2024年本）》。')).toEqual([
      '产业结构调整指导目录（2019年本）', '产业结构调整指导目录（2024年本）',
    ]);
    expect(names('国务院印发《全国国土规划纲要（2016—2030年）》和《全国国土规划纲要（2031—2045年）》。')).toEqual([
      '全国国土规划纲要（2016—2030年）', '全国国土规划纲要（2031—2045年）',
    ]);
    expect(names('市场监管总局发布《关于食品安全抽检的公告（第1号）》和《关于食品安全抽检的公告（第2号）》。')).toEqual([
      '关于食品安全抽检的公告（第1号）', '关于食品安全抽检的公告（第2号）',
    ]);
    // Not split further: a draft joins its policy, a bare name the one edition the document names.
    expect(policies('省政府印发《促进消费办法（征求意见稿）》，后印发《促进消费办法》。').map((e) => e.key)).toEqual(['Policy:促进消费办法']);
    const plan = policies('省政府印发《促进消费行动计划（2023年）》。《促进消费行动计划》提出十条措施。');
    expect(plan.map((e) => [e.name, e.aliases])).toEqual([['促进消费行动计划（2023年）', ['促进消费行动计划']]]);
  });

  it('keep them apart across documents, and join the same edition', () => {
    const a = policies('国家发展改革委发布《产业结构调整指导目录（2019年本）》。', 'a');
    const b = policies('国家发展改革委发布《产业结构调整指导目录（2024年本）》。', 'b');
    const c = policies('企业对照《产业结构调整指导目录（2024年本）》自查。', 'c');
    const merged = mergeEntities([a, b, c]).filter((e) => e.type === 'Policy');
    expect(merged.map((e) => [e.name, e.docs.length]).sort()).toEqual([
      ['产业结构调整指导目录（2019年本）', 1], ['产业结构调整指导目录（2024年本）', 2],
    ]);
  });
});
