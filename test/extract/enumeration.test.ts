// Enumerations closed by a category noun type and split their items.
import { describe, expect, it } from 'vitest';
import { enumerationCandidates } from '../../src/extract/candidates/enumeration.ts';
import { analyze, generate, keys } from './helpers.ts';

describe('enumerations', () => {
  it('splits A、B和C等重点产业 into industries, starting after the governing verb', () => {
    const found = generate(enumerationCandidates, '围绕集成电路、生物医药和新能源汽车等重点产业，培育产业集群。');
    expect(keys(found)).toEqual(['Industry:集成电路', 'Industry:生物医药', 'Industry:新能源汽车']);
  });

  it('splits a list closed by N个产业', () => {
    const found = generate(enumerationCandidates, '高端装备、新材料和现代物流3个产业加快发展。');
    expect(keys(found)).toEqual(['Industry:高端装备', 'Industry:新材料', 'Industry:现代物流']);
  });

  it('types items by the head: 等各项政策 gives policies, 等领域 industries', () => {
    expect(keys(generate(enumerationCandidates, '落实减税降费、稳岗补贴等各项政策。'))).toEqual(['Policy:减税降费', 'Policy:稳岗补贴']);
    expect(keys(generate(enumerationCandidates, '布局量子信息、合成生物等前沿领域。'))).toEqual(['Industry:量子信息', 'Industry:合成生物']);
  });

  it('drops generic items: groups of actors and two-character domain words', () => {
    expect(generate(enumerationCandidates, '围绕科技、教育、人才等领域深化改革。')).toEqual([]);
    expect(generate(enumerationCandidates, '推动企业、高校等重点领域协同。')).toEqual([]);
  });

  it('does not type a list that no category noun closes', () => {
    expect(generate(enumerationCandidates, '围绕集成电路、生物医药和新能源汽车，培育产业集群。')).toEqual([]);
  });

  it('keeps every item of the list in the settled analysis', () => {
    const found = analyze('对先进装备、现代种业、精细化工等优势产业实施精准扶持。').filter((f) => f.type === 'Industry');
    expect(found.map((f) => f.name)).toEqual(['先进装备', '现代种业', '精细化工']);
  });
});
