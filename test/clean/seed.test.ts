import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { charBag, cleanFile, expectConsistentOffsets, undoubledRaw } from './helpers.ts';

const SEED = 'data/corpus/seed.txt';
const raw = readFileSync(SEED, 'utf8');
const gold = JSON.parse(readFileSync('/work/shared/gold/seed.gold.json', 'utf8')) as {
  articles: { title: string; authors: string[]; affiliation: string; starts_with: string }[];
};
const doc = cleanFile(SEED, raw);

describe('clean: the seed newspaper page', () => {
  it('finds the gold articles with their titles, authors and affiliations', () => {
    const got = doc.articles.map((a) => ({ title: a.title, authors: a.authors, affiliation: a.affiliation }));
    const want = gold.articles.map((a) => ({ title: a.title, authors: a.authors, affiliation: a.affiliation }));
    expect(got).toEqual(want);
  });

  it('starts each article body with its gold starts_with', () => {
    gold.articles.forEach((g, k) => {
      const a = doc.articles[k]!;
      expect(doc.text.slice(a.start, a.end).startsWith(g.starts_with), g.title).toBe(true);
    });
  });

  it('keeps bodies apart: no article body holds another article body start', () => {
    const starts = gold.articles.map((g) => g.starts_with);
    doc.articles.forEach((a, k) => {
      const body = doc.text.slice(a.start, a.end);
      starts.forEach((s, j) => {
        if (j !== k) expect(body.includes(s)).toBe(false);
      });
    });
  });

  it('attributes title and byline furniture to the articles and reports the rest', () => {
    for (const [k, a] of doc.articles.entries()) {
      const title = doc.paragraphs.find((p) => p.kind === 'title' && doc.text.slice(p.start, p.end) === a.title);
      expect(title?.article).toBe(k);
      const byline = doc.paragraphs.find((p) => p.kind === 'byline' && p.article === k);
      expect(byline).toBeDefined();
    }
    // Column labels are not guessed onto an article.
    expect(doc.unattributed.some((u) => u.includes('调查与思考'))).toBe(true);
    for (const u of doc.unattributed) expect(gold.articles.some((g) => u === g.title)).toBe(false);
  });

  it('restores doubled print and leaves no line made of doubled pairs', () => {
    expect(doc.text).toContain('一、取得的成效');
    expect(doc.text).toContain('■调查与思考');
    expect(doc.text).toContain('党建引领“管”人才');
    for (const line of doc.text.split('\n')) {
      const chars = line.replace(/\s/g, '');
      const doubled = chars.length >= 4 && chars.length % 2 === 0 && /^(?:(.)\1)+$/u.test(chars);
      expect(doubled, line).toBe(false);
    }
  });

  it('keeps legitimate doubled characters of prose', () => {
    expect(doc.text).toContain('形成人人渴望成才、人人努力成才、人人皆可成才、人人尽展其才的良好局面');
  });

  it('joins words broken across lines and drops justification spaces', () => {
    const rawCount = (raw.replace(/\s/g, '').match(/习近平总书记/g) ?? []).length;
    expect(rawCount).toBeGreaterThan(0);
    expect((doc.text.match(/习近平总书记/g) ?? []).length).toBe(rawCount);
    expect(doc.text).toContain('重要论述和重要指示精神'); // 重要⏎指示
    expect(doc.text).toContain('聚焦新领域新赛道'); // 聚⏎⏎焦
    expect(doc.text).toContain('能够推动创新实践'); // 推⏎⏎动
    expect(doc.text).toContain('环境好，则人才聚、事业兴。');
    expect(doc.text).toContain('取得新成效，为加快建设');
    expect(doc.text).toContain('大功率SOFC产品');
    expect(doc.articles.map((a) => a.affiliation)).toContain('潍坊市王尽美革命事迹教学基地服务中心'); // broken over two lines
  });

  it('has no sentence with a line break, and headings as sentences of their own', () => {
    for (const s of doc.sentences) expect(doc.text.slice(s.start, s.end)).not.toMatch(/[\n\r]/);
    const headings = doc.paragraphs.filter((p) => p.heading > 0);
    expect(headings.map((p) => doc.text.slice(p.start, p.end))).toEqual(
      expect.arrayContaining(['一、取得的成效', '二、存在的问题和困难', '三、建议意见', '（一）科技创新生态持续优化。']),
    );
    for (const h of headings) {
      const index = doc.paragraphs.indexOf(h);
      expect(doc.sentences.filter((s) => s.paragraph === index)).toHaveLength(1);
    }
    expect(headings.find((p) => doc.text.slice(p.start, p.end) === '一、取得的成效')?.heading).toBe(1);
    expect(headings.find((p) => doc.text.slice(p.start, p.end).startsWith('（一）'))?.heading).toBe(2);
  });

  it('keeps offsets consistent', () => {
    expectConsistentOffsets(doc);
  });

  it('loses no character but doubled print and whitespace', () => {
    expect(charBag(doc.text)).toEqual(charBag(undoubledRaw(raw)));
  });
});
