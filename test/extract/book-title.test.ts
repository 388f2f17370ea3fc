// 《…》 titles: policy documents by their head word; media titles are not policies.
import { describe, expect, it } from 'vitest';
import { bookTitleCandidates } from '../../src/extract/candidates/book-title.ts';
import { generate, keys } from './helpers.ts';

describe('book titles', () => {
  it('takes a titled policy document without its marks, the span covering the marks', () => {
    const text = '市政府印发《关于促进数字经济高质量发展的若干措施》，自发布之日起施行。';
    const found = generate(bookTitleCandidates, text);
    expect(keys(found)).toEqual(['Policy:关于促进数字经济高质量发展的若干措施']);
    expect(found[0]!.surface).toBe('《关于促进数字经济高质量发展的若干措施》');
  });

  it('splits titles printed back to back', () => {
    const found = generate(bookTitleCandidates, '先后出台《青岛市人才引进管理办法》《青岛市科技企业孵化器认定条例》等文件。');
    expect(keys(found)).toEqual(['Policy:青岛市人才引进管理办法', 'Policy:青岛市科技企业孵化器认定条例']);
  });

  it('removes inner quotation marks from the name', () => {
    const found = generate(bookTitleCandidates, '省工信厅印发《关于实施“强链补链”工程的通知》。');
    expect(keys(found)).toEqual(['Policy:关于实施强链补链工程的通知']);
  });

  it('rejects the titles of newspapers, broadcasts and books', () => {
    expect(generate(bookTitleCandidates, '记者从《人民日报》获悉，相关工作进展顺利。')).toEqual([]);
    expect(generate(bookTitleCandidates, '《新闻联播》报道了当地的创新经验。')).toEqual([]);
    expect(generate(bookTitleCandidates, '他在《科技日报》发表文章。')).toEqual([]);
  });

  it('needs a closed title of at least two characters', () => {
    expect(generate(bookTitleCandidates, '印发《办法的通知。')).toEqual([]);
    expect(generate(bookTitleCandidates, '见《》。')).toEqual([]);
  });
});
