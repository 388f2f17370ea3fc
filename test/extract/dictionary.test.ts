// Dictionary candidates: places from the gazetteer (full name as the entity's name), the words that
// stand for the document's own place, central organs and industries on word boundaries.
import { describe, expect, it } from 'vitest';
import { industryCandidates, organCandidates, placeCandidates } from '../../src/extract/candidates/dictionary.ts';
import { analyze, generate, keys } from './helpers.ts';

describe('places', () => {
  it('finds places and names them by their full name', () => {
    const found = generate(placeCandidates, '山东、河南等地加快发展，张家港市推进产业升级。');
    expect(found.map((f) => [f.surface, f.name])).toEqual([
      ['山东', '山东省'],
      ['河南', '河南省'],
      ['张家港市', '张家港市'],
    ]);
    expect(found.every((f) => f.type === 'Place' && f.source === 'gazetteer')).toBe(true);
  });

  it('takes countries for places only as words of their own (not 中国 in 中国式现代化)', () => {
    const found = generate(placeCandidates, '中国经济总量持续增长，北京和上海加快建设科技创新中心，推进中国式现代化。');
    expect(keys(found)).toEqual(['Place:中国', 'Place:北京市', 'Place:上海市']);
    expect(keys(generate(placeCandidates, '法国和巴西的船只驶入地中海。'))).toEqual(['Place:法国', 'Place:巴西', 'Place:地中海']);
  });

  it('marks 全市, 我市, 全省, 本区 as context places, resolved later', () => {
    const found = generate(placeCandidates, '全市上下、我市各级、全省各地和本区都要行动起来。');
    expect(found.map((f) => [f.surface, f.source])).toEqual([
      ['全市', 'context'],
      ['我市', 'context'],
      ['全省', 'context'],
      ['本区', 'context'],
    ]);
  });
});

describe('central organs', () => {
  it('finds organs by full and short name', () => {
    expect(keys(generate(organCandidates, '国家发展改革委会同工业和信息化部印发通知。'))).toEqual([
      'Organization:国家发展改革委',
      'Organization:工业和信息化部',
    ]);
  });
});

describe('industries', () => {
  it('finds lexicon industries on word boundaries', () => {
    expect(keys(generate(industryCandidates, '大力发展数字经济和新能源。'))).toEqual(['Industry:数字经济', 'Industry:新能源']);
  });

  it('does not cut an industry out of a longer word (化工 in 转化工作)', () => {
    expect(generate(industryCandidates, '做好科技成果转化工作。')).toEqual([]);
  });

  it('never takes the generic 产业, 新兴产业, 未来产业 for an industry', () => {
    const found = analyze('全市新兴产业和未来产业快速发展，产业规模不断扩大。');
    expect(found.filter((f) => f.type === 'Industry')).toEqual([]);
  });
});
