import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { imageOnlyPdf, makeDocx, textPdf } from './fixtures.ts';
import { collect, tempTree } from './helpers.ts';

describe('a batch with bad inputs', () => {
  it('gives one one-line error per bad input, and every good document still comes through', async () => {
    const docx = await makeDocx(['好的文档。']);
    const dir = tempTree({
      '01-good.txt': '第一篇好文档。',
      '02-empty.txt': '',
      '03-binary.txt': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00]),
      '04-latin1.md': Buffer.from('Un r\u00e9sum\u00e9, caf\u00e9 cr\u00e8me.', 'latin1'),
      '05-scan.pdf': imageOnlyPdf(),
      '06-cut.docx': docx.subarray(0, 100),
      '07-cut.pdf': textPdf(['text']).subarray(0, 80),
      '08-big.txt': '大'.repeat(4000),
      '09-good.docx': docx,
      '10-bad.jsonl': '{"content": "好记录"}\n{oops\n{"content": "又一条"}\n',
      '11-good.pdf': textPdf(['Good PDF text']),
      '12-blank.html': '<html><body><nav>只有导航</nav></body></html>',
    });
    const missing = join(dir, 'missing.txt');
    const { docs, errors } = await collect([dir, missing], { maxBytes: 10_000 });
    const name = (p: string) => p.slice(dir.length + 1);
    expect(docs.map((d) => [name(d.path), d.text])).toEqual([
      ['01-good.txt', '第一篇好文档。'],
      ['09-good.docx', '好的文档。'],
      ['10-bad.jsonl#1', '好记录'],
      ['10-bad.jsonl#3', '又一条'],
      ['11-good.pdf', 'Good PDF text'],
    ]);
    expect(errors.map((e) => [name(e.path), e.message])).toEqual([
      ['02-empty.txt', 'empty file'],
      ['03-binary.txt', 'binary content, not text'],
      ['04-latin1.md', expect.stringMatching(/^undecodable bytes/)],
      ['05-scan.pdf', 'PDF has no text layer (scanned?); run OCR first'],
      ['06-cut.docx', expect.stringMatching(/^corrupt or truncated DOCX: /)],
      ['07-cut.pdf', expect.stringMatching(/^corrupt or truncated PDF: /)],
      ['08-big.txt', 'file too large (0.011 MB > 0.0095 MB limit); split it or raise --max-bytes'],
      ['10-bad.jsonl', expect.stringMatching(/^line 2: invalid JSON/)],
      ['12-blank.html', 'no text in the HTML page'],
      ['missing.txt', 'cannot read: ENOENT (no such file or directory; check the path)'],
    ]);
    for (const e of errors) expect(e.message).not.toMatch(/\n|\s at /);
  });

  it('the size limit also bounds each container record, not the streamed file', async () => {
    const dir = tempTree({ 'r.jsonl': `${JSON.stringify({ text: '短' })}\n${JSON.stringify({ text: '长'.repeat(5000) })}\n` });
    const { docs, errors } = await collect([dir], { maxBytes: 1000 });
    expect(docs.map((d) => d.text)).toEqual(['短']);
    expect(errors[0].message).toMatch(/^record 2 \(line 2\): record too large \(0\.014 MB > 0\.00095 MB limit\)/);
  });
});
