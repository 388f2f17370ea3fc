// The streaming reading of HTML (no DOM) must read exactly what the DOM reading reads: the same
// text, the same title, on real Markdown transcripts and on the corners of the rules.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Marked } from 'marked';
import { documentText } from '../../src/ingest/dom-text.ts';
import { htmlDocumentText } from '../../src/ingest/html-text.ts';

const marked = new Marked({ async: false, gfm: true });
const NEWS = '../shared/corpus/xinwenlianbo';

const CORNERS = [
  '<h2>标题<script>x()</script>一</h2><p>国务院\n办公厅 印发\n  通知</p>',
  '<p>第一行<br>第二行<br/>第三行</p><pre>  保留\n  空白 <b>粗\n体</b></pre><p>后</p>',
  '<table><tr><th>单位</th><td>工业和信息化部</td></tr><tr><td>A &amp; B</td><td>&lt;C&gt;&nbsp;D</td></tr></table>',
  '<div>外<svg><text>图中字</text><h1>图中题</h1></svg>内</div><h3>真正的<em>标题</em></h3>',
  '<ul><li>一<li>二<p>三<p>四</ul><!-- 注释 --><textarea>不读</textarea><img alt="不读">尾',
  '<p>未闭合的<h1>标题<span>里',
  '<html><head><title>页</title></head><body><h4>甲</h4><p>乙</p></body></html><p>体外</p>',
  '正文&#x4E2D;&#25991;\n换行\n\nEnglish  words\tand\ttabs',
  '',
];

describe('streaming HTML text', () => {
  it('reads the corners of the rules as the DOM reading does', () => {
    for (const html of CORNERS) expect(htmlDocumentText(html), html).toEqual(documentText(html));
  });

  it('reads real Markdown transcripts (HTML fragments inside) as the DOM reading does', () => {
    const files = readdirSync(NEWS).sort().filter((_, i) => i % 20 === 0);
    expect(files.length).toBeGreaterThan(50);
    for (const f of files) {
      const html = marked.parse(readFileSync(join(NEWS, f), 'utf8')) as string;
      const dom = documentText(html);
      expect(dom.text.length).toBeGreaterThan(100);
      expect(htmlDocumentText(html), f).toEqual(dom);
    }
  });
});
