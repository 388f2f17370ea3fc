import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/clean/sentences.ts';

const split = (text: string): string[] => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it('splits on 。！？； and keeps the paragraph end', () => {
    expect(split('第一句。第二句！第三句？第四句；最后没有标点')).toEqual(['第一句。', '第二句！', '第三句？', '第四句；', '最后没有标点']);
  });

  it('does not split inside quotes, and splits after a quote that ends a sentence', () => {
    expect(split('他说：“今天很好。明天更好。”然后离开了。')).toEqual(['他说：“今天很好。明天更好。”', '然后离开了。']);
    expect(split('落实“三个区分开来”，为发展创造环境。下一句。')).toEqual(['落实“三个区分开来”，为发展创造环境。', '下一句。']);
  });

  it('does not split inside brackets', () => {
    expect(split('相关规定（详见附件。另有说明！）已经发布。随后实施。')).toEqual(['相关规定（详见附件。另有说明！）已经发布。', '随后实施。']);
    expect(split('各级党委(党组)要完善领导。其次。')).toEqual(['各级党委(党组)要完善领导。', '其次。']);
  });

  it('keeps terminators and closers together', () => {
    expect(split('真的吗？！当然。')).toEqual(['真的吗？！', '当然。']);
    expect(split('（注：见上文。）接着。')).toEqual(['（注：见上文。）', '接着。']);
  });

  it('survives mismatched quotes and brackets', () => {
    expect(split('根据《“十四五"数字经济发展规划》制定。现印发给你们。')).toEqual(['根据《“十四五"数字经济发展规划》制定。', '现印发给你们。']);
    expect(split('一个“未闭合的引号。')).toEqual(['一个“未闭合的引号。']);
  });

  it('splits inside a very long quote', () => {
    const clause = '这是引号里很长的一段话，'.repeat(15);
    const spans = split(`他说：“${clause}第一句。${clause}第二句。”`);
    expect(spans.length).toBeGreaterThan(1);
  });

  it('trims whitespace around sentences and keeps offsets', () => {
    const text = '  第一句。 第二句。  ';
    const spans = splitSentences(text);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['第一句。', '第二句。']);
  });
});
