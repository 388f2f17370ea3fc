import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NO_TEXT_LAYER, itemsToLines } from '../../src/ingest/pdf.ts';
import { imageOnlyPdf, makeDocx, textPdf } from './fixtures.ts';
import { collect, tempTree } from './helpers.ts';

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>关于推进科技创新的通知</title></head><body>
<header><div class="logo">某市人民政府门户网站</div></header>
<nav><ul><li><a href="/">首页</a></li><li><a href="/zw">政务公开</a></li><li><a href="/bs">办事服务</a></li></ul></nav>
<main><article><h1>关于推进科技创新的通知</h1>
<p>各区县人民政府，市政府各部门：</p>
<p>为深入实施创新驱动发展战略，加快建设科技强市，
现就推进科技创新工作通知如下。</p>
<p>一、强化企业创新主体地位。支持企业建设研发机构，<br>鼓励企业加大研发投入&nbsp;&amp;&nbsp;成果转化。</p>
<script>var tracking = "不应出现";</script>
</article></main>
<footer><p>版权所有 某市人民政府办公室 网站标识码 0000000000</p></footer></body></html>`;

describe('HTML', () => {
  it('gives the main text only, one line per paragraph, with the title in meta', async () => {
    const dir = tempTree({ 'notice.html': PAGE });
    const { docs, errors } = await collect([dir]);
    expect(errors).toEqual([]);
    const [doc] = docs;
    expect(doc.format).toBe('html');
    expect(doc.meta.title).toBe('关于推进科技创新的通知');
    expect(doc.text.split('\n')).toEqual([
      '关于推进科技创新的通知',
      '各区县人民政府，市政府各部门：',
      '为深入实施创新驱动发展战略，加快建设科技强市，现就推进科技创新工作通知如下。',
      '一、强化企业创新主体地位。支持企业建设研发机构，',
      '鼓励企业加大研发投入 & 成果转化。',
    ]);
    for (const furniture of ['首页', '政务公开', '门户网站', '版权所有', '不应出现']) expect(doc.text).not.toContain(furniture);
  });

  it('falls back to the body without furniture when there is no article', async () => {
    const dir = tempTree({ 'bare.htm': '<html><body><nav>导航</nav><div>正文一段</div><footer>页脚</footer></body></html>' });
    const { docs } = await collect([dir]);
    expect(docs[0].text).toBe('正文一段');
  });
});

describe('Markdown', () => {
  it('reduces a 新闻联播 transcript (Markdown with HTML bodies) to text lines without tags or syntax', async () => {
    const path = join('..', 'shared', 'corpus', 'xinwenlianbo', '20221001.md');
    const source = readFileSync(path, 'utf8');
    expect(source).toMatch(/<p><strong>/); // the input really has tags and links
    const { docs, errors } = await collect([path]);
    expect(errors).toEqual([]);
    const [doc] = docs;
    expect(doc.format).toBe('md');
    expect(doc.meta.title).toBe('《新闻联播》 (20221001)');
    expect(doc.text).not.toMatch(/<\/?[a-z]+[\s>]|&nbsp;|&[a-z]+;|\]\(|https?:|^#/m);
    const lines = doc.text.split('\n');
    expect(lines[0]).toBe('《新闻联播》 (20221001)');
    expect(lines).toContain('详细新闻');
    // a story body paragraph: <p><strong>央视网消息</strong>（新闻联播）：… becomes one plain line
    expect(lines.find((l) => l.startsWith('央视网消息（新闻联播）：10月1日出版的第19期《求是》杂志'))).toBeDefined();
  });

  it('drops images, keeps link text, decodes entities', async () => {
    const md = '# 标题\n\n正文 [链接文字](https://example.org) 与 ![图](x.png) 图片 &lt;不是标签&gt;\n\n- 列表一\n- 列表二\n';
    const dir = tempTree({ 'a.md': md });
    const { docs } = await collect([dir]);
    expect(docs[0].text).toBe('标题\n正文 链接文字 与 图片 <不是标签>\n列表一\n列表二');
  });
});

describe('DOCX', () => {
  it('reads paragraphs as lines', async () => {
    const paragraphs = ['关于加快高新技术企业发展的实施意见', '一、总体要求', '支持企业加大研发投入。'];
    const dir = tempTree({ 'policy.docx': await makeDocx(paragraphs) });
    const { docs, errors } = await collect([dir]);
    expect(errors).toEqual([]);
    expect(docs[0]).toMatchObject({ format: 'docx', text: paragraphs.join('\n') });
  });

  it('reports a truncated DOCX as corrupt', async () => {
    const bytes = await makeDocx(['一段文字']);
    const dir = tempTree({ 'cut.docx': bytes.subarray(0, Math.floor(bytes.length / 2)) });
    const { errors } = await collect([dir]);
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toMatch(/^corrupt or truncated DOCX: /);
    expect(errors[0].message).not.toContain('\n');
  });
});

describe('PDF', () => {
  it('reads the text layer of a hand-written PDF, one line per baseline', async () => {
    const lines = ['Science and Technology Innovation (2024)', 'Talent policy: the second line', 'Industry \\ third'];
    const dir = tempTree({ 'latin.pdf': textPdf(lines) });
    const { docs, errors } = await collect([dir]);
    expect(errors).toEqual([]);
    expect(docs[0]).toMatchObject({ format: 'pdf', text: lines.join('\n'), meta: { pages: '1' } });
  });

  it('an image-only PDF is an error that says to run OCR', async () => {
    const dir = tempTree({ 'scan.pdf': imageOnlyPdf() });
    const { docs, errors } = await collect([dir]);
    expect(docs).toEqual([]);
    expect(errors[0].message).toBe(NO_TEXT_LAYER);
  });

  it('a truncated or garbage PDF is reported as corrupt', async () => {
    const dir = tempTree({ 'cut.pdf': textPdf(['abc']).subarray(0, 120), 'junk.pdf': 'this is not a PDF at all' });
    const { errors } = await collect([dir]);
    expect(errors.map((e) => e.message)).toEqual([expect.stringMatching(/^corrupt or truncated PDF: /), expect.stringMatching(/^corrupt or truncated PDF: /)]);
  });

  it('joins items on one baseline, with spaces only between non-CJK neighbours', () => {
    const item = (str: string, x: number, y: number, width: number, hasEOL = false) => ({ str, transform: [10, 0, 0, 10, x, y], width, height: 10, hasEOL });
    const lines = itemsToLines([
      item('科技', 0, 700, 20),
      item('创新', 25, 700, 20),
      item('Talent', 0, 680, 30),
      item('policy', 36, 680, 30, true),
      item('下一行', 0, 660, 30),
    ]);
    expect(lines).toEqual(['科技创新', 'Talent policy', '下一行']);
  });
});
