import { describe, expect, it } from 'vitest';
import { cleanText, expectConsistentOffsets } from './helpers.ts';
import { column } from './layout.ts';

const PARAGRAPHS = [
  '为推动制造业数字化转型，市工业和信息化局制定了专项行动方案，明确了今后三年的目标任务和保障措施，力争培育一批示范工厂。',
  '方案提出，支持企业建设工业互联网平台，推广智能检测等新技术，到2025年建成智能工厂50家、数字化车间200个。',
  '同时，加大财政资金支持力度，对符合条件的技术改造项目给予补助，单个项目最高500万元，引导金融机构创新信贷产品。',
];

describe('unwrap: hard-wrapped columns', () => {
  it('joins wrapped lines back into their paragraphs', () => {
    const doc = cleanText(column(PARAGRAPHS));
    expect(doc.paragraphs.map((p) => doc.text.slice(p.start, p.end))).toEqual(PARAGRAPHS);
    expectConsistentOffsets(doc);
  });

  it('joins across stray blank lines inside a paragraph', () => {
    const doc = cleanText(column(PARAGRAPHS, 16, 3));
    expect(doc.paragraphs.map((p) => doc.text.slice(p.start, p.end))).toEqual(PARAGRAPHS);
  });

  it('joins Latin words across a break with a space, ideographs and numbers without', () => {
    const handset = [
      '  平台建设方面，支持企业建',
      '设工业互联网平台，推广 open',
      'source 软件和 AI 质检，到',
      '2025年建成智能工厂50家、数',
      '字化车间200个。',
    ];
    const doc = cleanText([column(PARAGRAPHS.slice(0, 1)), ...handset, column(PARAGRAPHS.slice(2))].join('\n'));
    expect(doc.paragraphs.map((p) => doc.text.slice(p.start, p.end))[1]).toBe(
      '平台建设方面，支持企业建设工业互联网平台，推广 open source 软件和 AI 质检，到2025年建成智能工厂50家、数字化车间200个。',
    );
  });

  it('drops the spaces a justified column puts between ideographs', () => {
    const text = column(PARAGRAPHS).replace('明确了今后', '明 确 了 今 后').replace('示范工厂。', '示范工厂 。');
    const doc = cleanText(text);
    expect(doc.text).toContain('明确了今后三年');
    expect(doc.text).toContain('示范工厂。');
  });

  it('keeps headings and unindented lines after a finished paragraph apart', () => {
    const text = ['一、总体要求', '', column(PARAGRAPHS.slice(0, 2)), '', '二、保障措施', '', column(PARAGRAPHS.slice(2))].join('\n');
    const doc = cleanText(text);
    const paragraphs = doc.paragraphs.map((p) => doc.text.slice(p.start, p.end));
    expect(paragraphs).toEqual(['一、总体要求', PARAGRAPHS[0], PARAGRAPHS[1], '二、保障措施', PARAGRAPHS[2]]);
    expect(doc.paragraphs.map((p) => p.heading)).toEqual([1, 0, 0, 1, 0]);
  });

  it('leaves one-paragraph-a-line text as it is', () => {
    const text = ['稳住工业基本盘', ...PARAGRAPHS, '二、下一步打算', '继续推进。'].join('\n');
    const doc = cleanText(text);
    expect(doc.paragraphs.map((p) => doc.text.slice(p.start, p.end))).toEqual(text.split('\n'));
  });
});

describe('clean: odd input', () => {
  it('cleans empty and blank text to an empty document', () => {
    for (const text of ['', '\n\n  \n\u3000\n']) {
      const doc = cleanText(text);
      expect(doc.text).toBe('');
      expect(doc.paragraphs).toEqual([]);
      expect(doc.sentences).toEqual([]);
    }
  });

  it('reads CRLF line ends, a BOM and zero-width characters like plain text', () => {
    const plain = cleanText(column(PARAGRAPHS));
    const odd = cleanText(`\ufeff${column(PARAGRAPHS).replace(/\n/g, '\r\n').replace('智能', '智\u200b能')}`);
    expect(odd.text).toBe(plain.text);
    expect(odd.sentences).toEqual(plain.sentences);
  });
});
