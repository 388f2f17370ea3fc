// Quoted names keep their head noun; joined quotes share it; a bare quote is a Policy only after an
// implementing verb; slogans and speech are no names.
import { describe, expect, it } from 'vitest';
import { quoteCandidates } from '../../src/extract/candidates/quote.ts';
import { analyze, generate, keys } from './helpers.ts';

describe('quoted names with a head noun', () => {
  it('adds the head after the quote and keeps the bare quote as an alias', () => {
    const text = '全市大力实施“强链补链”工程，推动企业转型升级。';
    const [found, ...rest] = generate(quoteCandidates, text);
    expect(rest).toEqual([]);
    expect(found).toMatchObject({ type: 'Program', name: '强链补链工程', surface: '“强链补链”工程', aliases: ['强链补链'] });
  });

  it('types by the head: 制度 and 机制 make a Policy, 行动 and 工程 a Program', () => {
    expect(keys(generate(quoteCandidates, '全面推行“赛马”制度。'))).toEqual(['Policy:赛马制度']);
    expect(keys(generate(quoteCandidates, '建立“揭榜领题”机制。'))).toEqual(['Policy:揭榜领题机制']);
    expect(keys(generate(quoteCandidates, '启动“百企登高”行动。'))).toEqual(['Program:百企登高行动']);
  });

  it('gives “X”和“Y”行动 the shared head on both names', () => {
    const found = generate(quoteCandidates, '省里启动“专精特新”和“小巨人”行动，支持中小企业发展。');
    expect(keys(found)).toEqual(['Program:专精特新行动', 'Program:小巨人行动']);
    expect(found.map((f) => f.aliases)).toEqual([['专精特新'], ['小巨人']]);
    // The first name's span is its quote only: the head is printed once, after the last quote.
    expect(found[0]!.surface).toBe('“专精特新”');
  });

  it('gives “X”“Y”制度 the shared head on both names', () => {
    expect(keys(generate(quoteCandidates, '我市建立“揭榜”“挂帅”制度，激发创新活力。'))).toEqual(['Policy:揭榜制度', 'Policy:挂帅制度']);
    expect(keys(generate(quoteCandidates, '开展“十大创新”“十大改革”行动。'))).toEqual(['Program:十大创新行动', 'Program:十大改革行动']);
  });

  it('reaches the head over a short infix: X“Y”企业培育行动', () => {
    const found = generate(quoteCandidates, '开展产业链“链主”企业培育行动，带动上下游协同发展。');
    expect(found).toEqual([expect.objectContaining({ type: 'Program', name: '链主企业培育行动', aliases: ['链主'] })]);
  });

  it('types a quote by its own head when none follows', () => {
    expect(keys(generate(quoteCandidates, '组织开展“数字赋能专项行动”。'))).toEqual(['Program:数字赋能专项行动']);
    expect(keys(generate(quoteCandidates, '认真执行“一企一策帮扶机制”。'))).toEqual(['Policy:一企一策帮扶机制']);
  });
});

describe('bare quotes', () => {
  it('are a Policy right after an implementing verb (实施, 落实, 推广)', () => {
    expect(keys(generate(quoteCandidates, '严格落实“首台套”，推广“以赛代评”。'))).toEqual(['Policy:首台套', 'Policy:以赛代评']);
    expect(keys(generate(quoteCandidates, '对重点企业实施“一企一策”精准服务。'))).toEqual(['Policy:一企一策']);
  });

  it('are nothing after other words: metaphors, praise, slogans', () => {
    expect(generate(quoteCandidates, '打造大中小企业融通发展的“热带雨林”生态。')).toEqual([]);
    expect(generate(quoteCandidates, '这座城市被誉为“创新之城”。')).toEqual([]);
    expect(generate(quoteCandidates, '企业家们纷纷点赞“效率高”。')).toEqual([]);
  });

  it('are speech, not names, when long or holding clause punctuation', () => {
    expect(generate(quoteCandidates, '他说：“我们要加快发展，不断创新。”')).toEqual([]);
    expect(generate(quoteCandidates, '落实“坚持把发展经济的着力点放在实体经济上并持续推动产业升级”。')).toEqual([]);
  });
});

describe('guideline negatives in quotes', () => {
  it('never makes an entity of “热带雨林” (slogan) whatever the analysis', () => {
    const found = analyze('全力打造大中小企业协同创新的“热带雨林”生态。');
    expect(found.filter((f) => f.name.includes('热带雨林'))).toEqual([]);
  });
});
