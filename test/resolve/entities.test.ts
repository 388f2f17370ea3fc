// Resolution inside one document: context expands abbreviations (市委 → 烟台市委, 全市 → 烟台市),
// quoted short forms become aliases, and every entity is one node with all its mentions.
import { describe, expect, it } from 'vitest';
import { byKey, resolved } from './helpers.ts';

const CITY = [
  '烟台市科技创新工作情况',
  '近年来，全市深入实施创新驱动发展战略，科技创新能力持续增强。',
  '市委、市政府高度重视科技工作，市科技局牵头实施“强链补链”工程。“强链补链”工程带动一批企业转型升级，我市高新技术企业数量稳步增长。',
  '烟台市人大常委会机关组织开展调研，市人大常委会听取专题报告。',
].join('\n');

describe('resolving a document about a city', () => {
  const { doc, entities } = resolved(CITY);

  it('expands 市委 to the city’s committee, keeping 市委 as an alias', () => {
    const committee = byKey(entities, 'Organization:烟台市委');
    expect(committee).toMatchObject({ type: 'Organization', name: '烟台市委', aliases: ['市委'] });
    expect(byKey(entities, 'Organization:烟台市科技局')?.aliases).toEqual(['市科技局']);
    expect(entities.some((e) => e.name === '市委' || e.name === '市政府')).toBe(false);
  });

  it('resolves 全市 and 我市 to the Place of the city, with the words as aliases', () => {
    const city = byKey(entities, 'Place:烟台市')!;
    expect(city.aliases).toEqual(expect.arrayContaining(['全市', '我市']));
    const surfaces = city.mentions.map((m) => doc.text.slice(m.start, m.end));
    expect(surfaces).toEqual(expect.arrayContaining(['全市', '我市']));
    expect(entities.filter((e) => e.type === 'Place')).toHaveLength(1);
  });

  it('keeps the quoted short form as an alias of the named program', () => {
    const program = byKey(entities, 'Program:强链补链工程')!;
    expect(program.aliases).toEqual(['强链补链']);
    expect(program.mentions).toHaveLength(2);
  });

  it('makes one node per entity: a short form and a generic tail join the full name', () => {
    expect(new Set(entities.map((e) => e.key)).size).toBe(entities.length);
    const congress = entities.filter((e) => e.name.includes('人大常委会'));
    expect(congress).toHaveLength(1);
    expect(congress[0]!.name).toBe('烟台市人大常委会机关');
    expect(congress[0]!.aliases).toEqual(expect.arrayContaining(['市人大常委会']));
    expect(congress[0]!.mentions).toHaveLength(2);
  });

  it('gives every entity its document and a confidence in (0, 1)', () => {
    for (const e of entities) {
      expect(e.docs).toEqual([doc.id]);
      expect(e.confidence).toBeGreaterThan(0);
      expect(e.confidence).toBeLessThan(1);
    }
  });
});

describe('context that is missing', () => {
  it('drops 区政府 when the document names no district', () => {
    const { entities } = resolved('区政府召开常务会议，研究部署科技创新工作。');
    expect(entities.filter((e) => e.type === 'Organization')).toEqual([]);
  });

  it('resolves 全省 to the province the document is about', () => {
    const { entities } = resolved('浙江省科技工作会议召开\n会议指出，全省科技创新能力显著增强。');
    const province = byKey(entities, 'Place:浙江省')!;
    expect(province.aliases).toContain('全省');
  });
});
