// tokenize() cuts with jieba and reads tags from a cache instead of calling tag() on every sentence:
// it must give exactly what tag() gives, word for word, cold or warm, on real text of the genre.
import { readFileSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import nodejieba from 'nodejieba';
import { describe, expect, it } from 'vitest';
import { ensureJieba, tagWords, tokenize, warmTagCache } from '../../src/extract/tokens.ts';

const GENRE = '../shared/corpus/genre';
const sentences = readdirSync(GENRE)
  .sort()
  .slice(0, 4)
  .flatMap((f) => readFileSync(join(GENRE, f), 'utf8').split(/(?<=[。！？；\n])/))
  .filter((s) => s.trim())
  .slice(0, 600);

describe('tokenize', () => {
  it('gives the words and tags of nodejieba.tag(), before and after the cache is filled', () => {
    ensureJieba();
    expect(sentences.length).toBeGreaterThan(100);
    for (const s of sentences) expect(tagWords(s)).toEqual(nodejieba.tag(s));
    warmTagCache();
    for (const s of sentences) expect(tagWords(s)).toEqual(nodejieba.tag(s));
  });

  it('keeps words jieba splits when alone (中俄, 更多) and unknown words (x) exact', () => {
    for (const s of ['中俄双方同意加强合作，更多企业参与。', '刘国中出席会议并讲话。', 'AI大模型赋能千行百业，5G基站超过400万个。']) {
      expect(tagWords(s)).toEqual(nodejieba.tag(s));
    }
  });

  it('gives offsets that slice each word out of the text', () => {
    for (const s of sentences.slice(0, 100)) {
      for (const t of tokenize(s)) expect(s.slice(t.start, t.end)).toBe(t.word);
    }
  });

  it('builds the dictionary on a libuv thread (nodejieba as patched at install): the thread goes on meanwhile', () => {
    // A fresh process: jieba not loaded yet. The timer only ticks if the event loop runs during the load.
    const script = `
      import nodejieba from 'nodejieba';
      import { loadJiebaInBackground, tagWords } from ${JSON.stringify(new URL('../../src/extract/tokens.ts', import.meta.url).href)};
      let ticks = 0;
      const timer = setInterval(() => ticks++, 1);
      const started = performance.now();
      await loadJiebaInBackground();
      clearInterval(timer);
      const text = '国务院办公厅印发关于推动人工智能产业高质量发展的通知。';
      console.log(JSON.stringify({ patched: typeof nodejieba.loadAsync === 'function', ticks, ms: performance.now() - started, same: JSON.stringify(tagWords(text)) === JSON.stringify(nodejieba.tag(text)) }));`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const r = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as { patched: boolean; ticks: number; ms: number; same: boolean };
    expect(r.patched).toBe(true); // scripts/patch-nodejieba.mjs ran at install
    expect(r.ticks).toBeGreaterThan(5);
    expect(r.same).toBe(true);
  });
});
