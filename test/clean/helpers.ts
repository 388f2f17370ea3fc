// Shared checks for the cleaning tests: documents from files, and the offset invariants every
// cleaned Document must keep.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { expect } from 'vitest';
import { cleanDocument } from '../../src/clean/index.ts';
import { restoreDoubled } from '../../src/clean/doubled.ts';
import type { Document } from '../../src/types.ts';

export function cleanFile(path: string, text = readFileSync(path, 'utf8')): Document {
  return cleanDocument({ id: basename(path), path, format: 'txt', text, meta: {} });
}

export function cleanText(text: string, path = 'synthetic.txt'): Document {
  return cleanDocument({ id: 'synthetic', path, format: 'txt', text, meta: {} });
}

/** Multiset of the non-whitespace characters of a text. */
export function charBag(text: string): Map<string, number> {
  const bag = new Map<string, number>();
  for (const c of text) if (!/\s/u.test(c)) bag.set(c, (bag.get(c) ?? 0) + 1);
  return bag;
}

/** The raw text with doubled print restored line by line: all cleaning may remove besides whitespace. */
export function undoubledRaw(raw: string): string {
  return raw.split('\n').map(restoreDoubled).join('\n');
}

export function expectConsistentOffsets(doc: Document): void {
  const { text, paragraphs, sentences, articles } = doc;
  let last = -1;
  paragraphs.forEach((p, i) => {
    expect(p.start, `paragraph ${i} start`).toBeGreaterThan(last);
    expect(p.end).toBeGreaterThan(p.start);
    expect(p.end).toBeLessThanOrEqual(text.length);
    expect(text.slice(p.start, p.end)).not.toMatch(/\n/);
    expect(p.article).toBeGreaterThanOrEqual(-1);
    expect(p.article).toBeLessThan(articles.length);
    last = p.end;
  });
  // Sentences tile their paragraph: together they hold all its non-space characters, in order.
  const byParagraph = new Map<number, string>();
  sentences.forEach((s, i) => {
    expect(s.index).toBe(i);
    const p = paragraphs[s.paragraph]!;
    expect(s.start).toBeGreaterThanOrEqual(p.start);
    expect(s.end).toBeLessThanOrEqual(p.end);
    expect(s.article).toBe(p.article);
    const sentence = text.slice(s.start, s.end);
    expect(sentence).toBe(sentence.trim());
    expect(sentence).not.toMatch(/\n/);
    byParagraph.set(s.paragraph, (byParagraph.get(s.paragraph) ?? '') + sentence);
  });
  paragraphs.forEach((p, i) => {
    expect(byParagraph.get(i)?.replace(/\s/g, '')).toBe(text.slice(p.start, p.end).replace(/\s/g, ''));
  });
  for (const a of articles) {
    expect(a.start).toBeLessThan(a.end);
    expect(paragraphs.some((p) => p.start === a.start)).toBe(true);
    expect(paragraphs.some((p) => p.end === a.end)).toBe(true);
  }
}
