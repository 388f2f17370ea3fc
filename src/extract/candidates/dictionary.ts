// Names found by dictionary: central organs, places (gazetteer), industries (lexicons), and the
// words 全市/我市/全省 that stand for the document's own place (resolved later from context).
import { tokenEnds, type Candidate, type SentenceContext } from './types.ts';
import type { Trie } from '../trie.ts';
import type { EntityType } from '../../types.ts';

/** Dictionary matches that begin and end on jieba word boundaries (化工 is not in 转化工作), as candidates. */
function alignedMatches(trie: Trie, ctx: SentenceContext, type: EntityType, score: number): Candidate[] {
  const { text, tokens } = ctx;
  const ends = tokenEnds(ctx);
  const out: Candidate[] = [];
  let from = 0;
  for (const token of tokens) {
    if (token.start < from) continue;
    const m = trie.longestEndingAt(text, token.start, ends);
    if (!m) continue;
    out.push({ start: token.start, end: m.end, type, source: 'lexicon', score });
    from = m.end;
  }
  return out;
}

export function organCandidates(ctx: SentenceContext): Candidate[] {
  return alignedMatches(ctx.lexicon.organTrie, ctx, 'Organization', 0.9);
}

export function placeCandidates(ctx: SentenceContext): Candidate[] {
  const { text, tokens, lexicon } = ctx;
  const out: Candidate[] = [];
  const ends = tokenEnds(ctx);
  // Places start where a word starts (潍坊 in 潍坊|市委党校), though they may end inside one (山东|省委);
  // a place of the world must be a word of its own (中国 is no place in 中国式现代化, 中国特色).
  let from = 0;
  for (const t of tokens) {
    if (t.start < from) continue;
    const m = lexicon.placeTrie.longestAt(text, t.start);
    if (!m) continue;
    const entry = lexicon.places.get(m.value)!;
    if (entry.level === 'world' && !ends[m.end]) continue;
    from = m.end;
    out.push({ start: t.start, end: m.end, type: 'Place', source: 'gazetteer', score: 0.85, name: entry.name });
  }
  if (!/[全我本][市省县区]|我国/.test(text)) return out;
  // 我国 is China in any Chinese document; 全国 is left alone (全国人大, 全国统一大市场 name other things).
  for (const m of text.matchAll(/(全|我|本)(市|省|县|区)|我国/g)) {
    out.push({ start: m.index!, end: m.index! + 2, type: 'Place', source: 'context', score: 0.7 });
  }
  return out;
}

export function industryCandidates(ctx: SentenceContext): Candidate[] {
  return alignedMatches(ctx.lexicon.industryTrie, ctx, 'Industry', 0.8);
}
