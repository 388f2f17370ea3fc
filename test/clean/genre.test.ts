import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { charBag, cleanFile, cleanText, expectConsistentOffsets } from './helpers.ts';

const GENRE = '/work/shared/corpus/genre';
const XWLB = '/work/shared/corpus/xinwenlianbo';
const files = readdirSync(GENRE).filter((f) => f.endsWith('.txt')).sort();

/** Crude markdown/HTML reduction, as the benchmark does. */
function reduce(md: string): string {
  return md.replace(/<\/(p|div|h\d)>|<br\s*\/?>/gi, '\n').replace(/<[^>]*>/g, '').replace(/^#+\s*/gm, '');
}

describe('clean: same-genre documents (one paragraph a line)', () => {
  it('has the ten genre files to test on', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  for (const file of files) {
    describe(file, () => {
      const raw = readFileSync(join(GENRE, file), 'utf8');
      const doc = cleanFile(join(GENRE, file), raw);
      const lines = raw.split('\n').map((l) => l.trim()).filter(Boolean);

      it('loses no character but whitespace', () => {
        expect(charBag(doc.text)).toEqual(charBag(raw));
      });

      it('keeps every source line a paragraph of its own (nothing glued)', () => {
        const paragraphs = new Set(doc.paragraphs.map((p) => doc.text.slice(p.start, p.end).replace(/\s/g, '')));
        const glued = lines.filter((l) => !paragraphs.has(l.replace(/\s/g, '')));
        // Only run-in headings are split off, and a title ending in a dash continues on the next line.
        for (const l of glued) {
          const starts = doc.paragraphs.some((p) => l.replace(/\s/g, '').startsWith(doc.text.slice(p.start, p.end).replace(/\s/g, '')));
          const continued = /——$/.test(l) || doc.paragraphs.some((p) => doc.text.slice(p.start, p.end).replace(/\s/g, '').includes(l.replace(/\s/g, '')));
          expect(starts || continued, l).toBe(true);
        }
      });

      it('is one article titled by its first line, with consistent offsets', () => {
        expect(doc.articles).toHaveLength(1);
        expect(lines[0]!.replace(/\s/g, '').startsWith(doc.articles[0]!.title.replace(/\s/g, '').slice(0, lines[0]!.replace(/\s/g, '').length))).toBe(true);
        expect(doc.articles[0]!.start).toBe(0);
        expect(doc.articles[0]!.end).toBe(doc.text.length);
        expect(doc.unattributed).toEqual([]);
        expectConsistentOffsets(doc);
      });

      it('reads authors from byline lines', () => {
        const bylines = lines.filter((l) => /^(?:记者\s*[|｜]|本报记者)/.test(l));
        // Every name of every byline, in order (two-character names may be letter-spaced: 杨  迅).
        const letters = bylines.map((l) => l.replace(/^(?:记者\s*[|｜]|本报记者)/, '').replace(/\s/g, '')).join('');
        expect(doc.articles[0]!.authors.join('')).toBe(letters);
        for (const name of doc.articles[0]!.authors) expect(name).toMatch(/^\p{Script=Han}{2,4}$/u);
      });
    });
  }
});

describe('clean: 新闻联播 transcripts', () => {
  const files = readdirSync(XWLB).filter((f) => f.endsWith('.md')).sort();
  for (const file of [files[0]!, files[Math.floor(files.length / 2)]!, files[files.length - 1]!]) {
    it(`${file}: clean, no character lost, consistent offsets`, () => {
      const raw = reduce(readFileSync(join(XWLB, file), 'utf8'));
      const doc = cleanText(raw, join(XWLB, file));
      expect(doc.sentences.length).toBeGreaterThan(20);
      expect(charBag(doc.text)).toEqual(charBag(raw));
      expectConsistentOffsets(doc);
    });
  }
});
