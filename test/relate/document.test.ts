// Relations that need the document: implied actors (全市… then sentences without a subject) and
// where they stop, bylines with 作者单位, and evidence that slices the cleaned text.
import { describe, expect, it } from 'vitest';
import { describeRelation, processText } from './helpers.ts';

const typed = (text: string, type: string) => {
  const result = processText(text);
  return result.relations.filter((r) => r.type === type).map((r) => describeRelation(result, r)).sort();
};

describe('implied actors', () => {
  it('makes the city of 全市 the actor of a later sentence without a subject', () => {
    const text = ['烟台市科技创新工作情况', '全市深入实施创新驱动发展战略，科技创新能力持续增强。', '出台了《关于加快科技成果转化的实施意见》，科技成果转化明显提速。'].join('\n');
    expect(typed(text, 'ISSUED')).toEqual(['烟台市 -ISSUED-> 关于加快科技成果转化的实施意见']);
    expect(typed(text, 'IMPLEMENTS')).toEqual(['烟台市 -IMPLEMENTS-> 创新驱动发展战略']);
  });

  it('carries the place over a level-2 heading but not past the next level-1 heading', () => {
    const text = [
      '烟台市科技创新工作情况',
      '一、工作成效',
      '全市深入实施创新驱动发展战略，科技创新能力持续增强。',
      '（一）政策体系不断完善。出台了《关于加快科技成果转化的实施意见》。',
      '二、下一步打算',
      '印发《烟台市科技企业培育行动方案》，加快培育科技企业。',
    ].join('\n');
    expect(typed(text, 'ISSUED')).toEqual(['烟台市 -ISSUED-> 关于加快科技成果转化的实施意见']);
  });

  it('keeps an organization as actor to the end of its paragraph only', () => {
    const text = ['科技工作情况', '烟台市科技局牵头推进科技工作，深化体制改革。出台了《关于加快科技成果转化的实施意见》。', '印发《烟台市科技企业培育行动方案》，加快培育科技企业。'].join('\n');
    const issued = typed(text, 'ISSUED');
    expect(issued).toContain('烟台市科技局 -ISSUED-> 关于加快科技成果转化的实施意见');
    expect(issued).not.toContain('烟台市科技局 -ISSUED-> 烟台市科技企业培育行动方案');
  });
});

const TWO_ARTICLES = [
  '推进科技创新 建设创新城市',
  '◎赵志强',
  '全市深入实施创新驱动发展战略，科技创新能力持续增强，各项工作取得新进展。',
  '（作者单位：烟台市科学技术局）',
  '',
  '加快发展现代农业 促进农民增收',
  '◎钱文华',
  '出台了《烟台市农业科技园区管理办法》，推动农业高质量发展，农民收入稳步提高。',
  '（作者单位：烟台市农业农村局）',
].join('\n');

describe('a page of two articles', () => {
  const result = processText(TWO_ARTICLES);
  const all = (type: string) => result.relations.filter((r) => r.type === type).map((r) => describeRelation(result, r)).sort();

  it('stops the implied actor at the new article', () => {
    expect(all('IMPLEMENTS')).toEqual(['烟台市 -IMPLEMENTS-> 创新驱动发展战略']);
    expect(all('ISSUED')).toEqual([]);
  });

  it('joins each byline’s authors to their own 作者单位', () => {
    expect(all('AFFILIATED_WITH')).toEqual(['赵志强 -AFFILIATED_WITH-> 烟台市科学技术局', '钱文华 -AFFILIATED_WITH-> 烟台市农业农村局']);
  });

  it('gives the byline relation the 作者单位 line as evidence', () => {
    const r = result.relations.find((x) => x.type === 'AFFILIATED_WITH')!;
    expect(r.evidence[0]!.sentence).toBe('（作者单位：烟台市科学技术局）');
  });
});

describe('evidence', () => {
  it('slices exactly the evidence sentence out of the cleaned text, for every relation', () => {
    for (const text of [TWO_ARTICLES, '烟台市工信局实施“强链补链”工程，聚焦新能源、新材料等重点产业。潍柴集团同山东大学合作共建研究院。']) {
      const { doc, relations } = processText(text);
      expect(relations.length).toBeGreaterThan(2);
      for (const r of relations) {
        for (const ev of r.evidence) {
          expect(ev.doc).toBe(doc.id);
          expect(doc.text.slice(ev.start, ev.end)).toBe(ev.sentence);
          expect(doc.sentences.some((s) => s.start === ev.start && s.end === ev.end)).toBe(true);
        }
      }
    }
  });
});
