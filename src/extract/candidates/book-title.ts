// 《…》 titles are Policy documents: the name is the title without its marks and inner quotes.
import type { Candidate, SentenceContext } from './types.ts';
import { withoutTrailingNote } from '../../util/marks.ts';

export function stripMarks(s: string): string {
  return s.replace(/[《》“”"'‘’「」\s]/g, '');
}

export function bookTitleCandidates({ text, lexicon }: SentenceContext): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(/《([^《》]{2,80})》/g)) {
    const name = stripMarks(m[1]!);
    // 《人民日报》《新闻联播》 are titles of media, not of policy documents; 《意见》《条例（讨论稿）》 are
    // short references to one named elsewhere, not names.
    if (name.length < 2 || !lexicon.documentHeads.some((h) => name.includes(h))) continue;
    const base = withoutTrailingNote(name);
    if (lexicon.documentHeads.some((h) => base === h || base === `${h}稿`)) continue;
    out.push({ start: m.index!, end: m.index! + m[0].length, type: 'Policy', source: 'book-title', score: 0.95, name });
  }
  return out;
}
