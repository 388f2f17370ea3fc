// Rules for constructions of government reports, policy notices and news: speaker lines, responsible
// units, roles (是…的), places before 的, self-references (我局), issuers in policy titles, industries
// named in programs. Each with a sentence where it must not fire.
import { describe, expect, it } from 'vitest';
import { processText, relationsOf } from './helpers.ts';

describe('genre rules', () => {
  it('a speaker line ties the governor to the province government', () => {
    const text = '2026年江西省政府工作报告\n——在江西省人民代表大会上 江西省省长 李建华\n一、工作回顾\n全省实施“赣鄱英才”计划。';
    expect(relationsOf(text, 'AFFILIATED_WITH')).toContain('李建华 -AFFILIATED_WITH-> 江西省人民政府');
    // A place without a government title names no government.
    expect(relationsOf('江西省代表团 李建华发言。', 'AFFILIATED_WITH')).toEqual([]);
  });

  it('省政府 and 省人民政府 are one organization', () => {
    const { entities } = processText('江西省人民政府印发通知。江西省政府办公厅负责落实。省政府要求各地推进。');
    const governments = entities.filter((e) => e.type === 'Organization' && /^江西省(人民)?政府$/.test(e.name));
    expect(governments).toHaveLength(1);
    expect(governments[0]!.name).toBe('江西省人民政府');
  });

  it('responsible units implement the policy in scope', () => {
    const text = '关于印发促进数字经济发展若干政策的通知\n《促进数字经济发展若干政策》已经省政府同意，现印发给你们。\n促进数字经济发展若干政策\n一、支持平台建设\n对平台给予奖补。（责任单位：省经济和信息化厅、省财政厅）\n各市人民政府要抓好落实。';
    const implemented = relationsOf(`江苏省${text}`, 'IMPLEMENTS');
    expect(implemented.some((r) => r.includes('经济和信息化厅 -IMPLEMENTS-> 促进数字经济发展若干政策'))).toBe(true);
    // Without a label the units are only mentioned.
    expect(relationsOf('促进数字经济发展若干政策\n省财政厅、省经济和信息化厅参加了会议。', 'IMPLEMENTS')).toEqual([]);
  });

  it('a person 是 an organization 的 role is affiliated with it', () => {
    expect(relationsOf('研究员王立新介绍了成果。王立新是甬江实验室的科研人员，他研发了新材料。', 'AFFILIATED_WITH')).toEqual(['王立新 -AFFILIATED_WITH-> 甬江实验室']);
    expect(relationsOf('研究员王立新介绍了成果。王立新是甬江实验室的合作伙伴介绍来的。', 'AFFILIATED_WITH')).toEqual([]);
  });

  it('a place before 的 and a name holds it', () => {
    expect(relationsOf('记者走进浙江宁波的甬江实验室。', 'LOCATED_IN')).toContain('甬江实验室 -LOCATED_IN-> 宁波市');
  });

  it('a place in brackets inside a name holds it', () => {
    expect(relationsOf('增强西部（成都）科学城创新资源集聚能力。', 'LOCATED_IN')).toContain('西部（成都）科学城 -LOCATED_IN-> 成都市');
  });

  it('a short name defined with 以下简称 is an alias, and its later mentions count', () => {
    const { entities } = processText('深圳市出台《关于促进人才优先发展的若干措施》（以下简称“人才新政81条”）。人才新政81条力度空前。');
    const policy = entities.find((e) => e.name === '关于促进人才优先发展的若干措施')!;
    expect(policy.aliases).toContain('人才新政81条');
    expect(policy.mentions.length).toBeGreaterThanOrEqual(2);
  });

  it('我局 is the document’s own bureau', () => {
    const text = '北京市经济和信息化局关于印发《关于推进数据专区建设的指导意见》的通知\n我局制定了《关于推进数据专区建设的指导意见》，现印发给你们。';
    expect(relationsOf(text, 'ISSUED')).toContain('北京市经济和信息化局 -ISSUED-> 关于推进数据专区建设的指导意见');
    expect(processText(text).entities.some((e) => e.name === '我局')).toBe(false);
  });

  it('the bodies before 关于 in a policy title issued it', () => {
    const text = '深圳市委办公厅印发文件。深圳市委办公厅出台的《深圳市委办公厅关于加强人才工作的意见》明确了方向。';
    expect(relationsOf(text, 'ISSUED')).toContain('深圳市委办公厅 -ISSUED-> 深圳市委办公厅关于加强人才工作的意见');
  });

  it('a program named after an industry targets it', () => {
    // The industry written before the quoted name is part of the program's name (the guideline's
    // 产业集群“领航型”企业培育行动); the program targets the industry the document names.
    expect(relationsOf('深入实施量子信息“千家场景”行动，加快量子信息发展。', 'TARGETS')).toContain('量子信息千家场景行动 -TARGETS-> 量子信息');
    expect(relationsOf('高标准建设国家数字经济创新发展试验区，发展数字经济。', 'TARGETS')).toContain('国家数字经济创新发展试验区 -TARGETS-> 数字经济');
    // An industry elsewhere in the sentence is not a target by itself.
    expect(relationsOf('数字经济增长较快，“千家场景”行动稳步推进。', 'TARGETS')).toEqual([]);
  });
});
