// Names ending in an organization or program head (…委员会, …局, …科学城): the name extends left
// over name-like words; single-character heads end no name inside ordinary words (格局, 干部).
import { describe, expect, it } from 'vitest';
import { orgSuffixCandidates, programHeadCandidates } from '../../src/extract/candidates/headed.ts';
import { analyze, generate, keys } from './helpers.ts';

describe('organization suffixes', () => {
  it('extends a committee name over its words, keeping the bare level word for context', () => {
    const found = generate(orgSuffixCandidates, '市发展和改革委员会牵头制定实施方案。');
    expect(found).toEqual([expect.objectContaining({ type: 'Organization', name: '市发展和改革委员会', levelPrefix: '市' })]);
  });

  it('takes a bureau with its place written in the name', () => {
    expect(keys(generate(orgSuffixCandidates, '济南市科学技术局联合高校开展技术攻关。'))).toEqual(['Organization:济南市科学技术局']);
    expect(keys(generate(orgSuffixCandidates, '杭州市市场监督管理局发布消费提示。'))).toEqual(['Organization:杭州市市场监督管理局']);
  });

  it('prefers the longest name: a standing committee, not its 委员会 alone', () => {
    const found = generate(orgSuffixCandidates, '江苏省人民代表大会常务委员会审议通过条例。');
    expect(keys(found)).toEqual(['Organization:江苏省人民代表大会常务委员会']);
  });

  it('marks level organs (市委, 市政府, 市科技局) for the document context', () => {
    const found = generate(orgSuffixCandidates, '市委、市政府高度重视，市科技局牵头推进。');
    expect(found.map((f) => [f.name, f.levelPrefix])).toEqual([
      ['市委', '市'],
      ['市政府', '市'],
      ['市科技局', '市'],
    ]);
  });

  it('finds no organ in 格局, 干部, 布局, 全部', () => {
    expect(generate(orgSuffixCandidates, '构建新发展格局，培养年轻干部。')).toEqual([]);
    expect(generate(orgSuffixCandidates, '优化产业布局，全部落实到位。')).toEqual([]);
  });

  it('finds no organization in generic groups (企业, 高校院所, 科研单位, 龙头企业, 创新联合体)', () => {
    const text = '企业、高校院所和科研单位组建创新联合体，龙头企业发挥带动作用。';
    expect(generate(orgSuffixCandidates, text)).toEqual([]);
    expect(analyze(text)).toEqual([]);
  });

  it('keeps a place written inside an organization name as a Place of its own', () => {
    const found = analyze('潍坊市委党校组织开展专题培训。');
    expect(keys(found)).toEqual(['Organization:潍坊市委党校', 'Place:潍坊市']);
  });
});

describe('program heads', () => {
  it('names zones and hubs by their proper part (科学城, 科创走廊)', () => {
    expect(keys(generate(programHeadCandidates, '建设西部科学城和光谷科创走廊。'))).toEqual(['Program:西部科学城', 'Program:光谷科创走廊']);
  });

  it('needs a proper part before a weak head: 重点工程, 重大行动 name nothing', () => {
    expect(generate(programHeadCandidates, '扎实推进一批重点工程和重大行动。')).toEqual([]);
    expect(generate(programHeadCandidates, '搭建一批创新平台。')).toEqual([]);
  });

  it('gives a bare level word to a program as well (市科创基金)', () => {
    expect(generate(programHeadCandidates, '市科创基金完成首期募资。')).toEqual([
      expect.objectContaining({ type: 'Program', name: '市科创基金', levelPrefix: '市' }),
    ]);
  });
});
