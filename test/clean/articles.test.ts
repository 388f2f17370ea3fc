// A synthetic newspaper page: two articles whose titles and bylines are printed together below
// the bodies (in the other order), a summary block, a column label and a title block that
// belongs to no body on the page. Attribution must come from shared words, not position.
import { describe, expect, it } from 'vitest';
import { cleanText, expectConsistentOffsets } from './helpers.ts';
import { column } from './layout.ts';

const RIVER = [
  '近年来，我市坚持河湖治理与生态修复并重，全面落实河长制湖长制，河湖水质持续改善，水生态环境明显好转。',
  '（一）完善河湖治理体系。建立市县乡村四级河长体系，推动河湖治理责任落到实处，开展河湖清四乱专项行动。',
  '（二）推进水生态修复。实施河道清淤和岸线整治工程，建设生态缓冲带，让河湖重现水清岸绿的美丽景象。',
];
const VILLAGE = [
  '发展乡村旅游是促进农民增收的重要途径。要立足乡村资源禀赋，挖掘农耕文化，打造特色乡村旅游线路。',
  '一是完善乡村旅游基础设施，改善道路和住宿条件。二是培育乡村旅游经营主体，带动农民就业和增收致富。',
  '三是加强乡村旅游宣传推介，用好节庆活动，吸引更多游客走进乡村，让农民在旅游发展中得到实惠。',
];

const page = [
  column(RIVER),
  ' （作者单位：某市水利局）',
  '',
  column(VILLAGE),
  '   （作者单位：某县文化和旅游',
  '服务中心）',
  '',
  '◆观 察',
  '',
  '发展乡村旅游',
  '',
  '助力农民增收致富',
  '◎李明 王芳',
  '',
  '阅读提示',
  '',
  '  乡村旅游连接城乡，农民增收是乡村旅游发展的落脚点，要让农民在乡村旅游中得到更多实惠。',
  '',
  '推进河湖治理 建设美丽水乡',
  '◎张华',
  '',
  '城市交通拥堵的成因与对策',
  '◎赵强',
].join('\n');

describe('articles: a multi-article page with displaced titles', () => {
  const doc = cleanText(page);

  it('finds one article per affiliation, with title, authors and affiliation by shared words', () => {
    expect(doc.articles.map((a) => [a.title, a.authors, a.affiliation])).toEqual([
      ['推进河湖治理 建设美丽水乡', ['张华'], '某市水利局'],
      ['发展乡村旅游 助力农民增收致富', ['李明', '王芳'], '某县文化和旅游服务中心'],
    ]);
  });

  it('sets body offsets at the body start', () => {
    expect(doc.text.slice(doc.articles[0]!.start).startsWith(RIVER[0]!)).toBe(true);
    expect(doc.text.slice(doc.articles[1]!.start).startsWith(VILLAGE[0]!)).toBe(true);
    expectConsistentOffsets(doc);
  });

  it('attributes the summary block to its article and reports the rest', () => {
    const lead = doc.paragraphs.find((p) => p.kind === 'lead')!;
    expect(lead.article).toBe(1);
    expect(doc.unattributed).toEqual(['◆观 察', '城市交通拥堵的成因与对策', '◎赵强']);
  });

  it('marks run-in headings and gives every body sentence its article', () => {
    const heading = doc.paragraphs.find((p) => doc.text.slice(p.start, p.end) === '（一）完善河湖治理体系。');
    expect(heading?.heading).toBe(2);
    for (const s of doc.sentences) {
      const inBody = doc.articles.findIndex((a) => s.start >= a.start && s.end <= a.end);
      if (inBody >= 0) expect(s.article).toBe(inBody);
    }
  });
});
