import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { tagLine } from '../../src/tag/index.ts';
import { runTag } from '../../src/cli/tag.ts';
import { prepareExtractor } from '../../src/extract/index.ts';

const lexicon = prepareExtractor({ bulk: false });

async function tagFile(lines: string[], options = {}): Promise<{ text: string; entities: { start: number; end: number; type: string; text: string }[] }[]> {
  const file = join(mkdtempSync(join(tmpdir(), 'zt-tag-')), 'in.txt');
  writeFileSync(file, lines.join('\n') + '\n');
  const out = new PassThrough();
  const chunks: string[] = [];
  out.on('data', (c) => chunks.push(String(c)));
  await runTag(file, options, out);
  return chunks.join('').trim().split('\n').map((l) => JSON.parse(l));
}

describe('zhengtu tag', () => {
  it('gives offsets whose slice of the line is the entity text, with mixed scripts and astral characters', () => {
    const lines = [
      '𠀀𠀁国务院总理李强在北京会见了美国国务卿布林肯。',
      'CCTV报道：华为技术有限公司与清华大学在深圳签署合作协议😀，推动人工智能产业发展。',
      '《中华人民共和国食品安全法》由全国人大常委会通过。',
    ];
    for (const line of lines) {
      const { text, entities } = tagLine(line, lexicon);
      expect(text).toBe(line);
      expect(entities.length).toBeGreaterThan(0);
      for (const e of entities) {
        expect(line.slice(e.start, e.end)).toBe(e.text);
        expect(e.end).toBeGreaterThan(e.start);
      }
    }
  });

  it('lists only outermost spans unless asked for nested places', () => {
    const line = '潍坊市委党校举办培训班。';
    const flat = tagLine(line, lexicon).entities;
    const nested = tagLine(line, lexicon, { nested: true }).entities;
    for (const e of flat) expect(flat.some((o) => o !== e && o.start <= e.start && e.end <= o.end)).toBe(false);
    expect(nested.length).toBeGreaterThanOrEqual(flat.length);
  });

  it('streams a file line by line, one JSON object a line in input order, empty lines included', async () => {
    const lines = ['习近平在北京出席会议。', '', '今天天气很好。', '上海市人民政府发布通知。'];
    const out = await tagFile(lines);
    expect(out.map((o) => o.text)).toEqual(lines);
    expect(out[1].entities).toEqual([]);
  });

  it('names a missing input file and what to give instead', async () => {
    await expect(runTag('/nonexistent/in.txt', {}, new PassThrough())).rejects.toThrow(/\/nonexistent\/in\.txt: no such file.*one text a line/);
  });
});
