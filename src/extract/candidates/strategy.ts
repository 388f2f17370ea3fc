// Named strategies: the words before 战略 that name it (科教兴国战略, 创新驱动发展战略),
// never a strategy named only by rank or scope (国家重大战略, 区域发展战略).
import type { Candidate, SentenceContext } from './types.ts';
import { allGeneric, extendLeft } from './names.ts';

export function strategyCandidates({ tokens, lexicon }: SentenceContext): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 1; i < tokens.length; i++) {
    if (tokens[i]!.word !== '战略') continue;
    // 战略 followed by a noun modifies it (战略科技力量, 战略目标): it heads no name.
    const next = tokens[i + 1];
    if (next && (/^n/.test(next.tag) || next.word === '性')) continue;
    const first = extendLeft(tokens, i, tokens[i]!.start, lexicon, 12);
    if (first === i) continue;
    // Without its leading verbs (服务国家重大战略) a strategy must still name something.
    let lead = first;
    while (lead < i && /^(v|vn)$/.test(tokens[lead]!.tag)) lead++;
    if (lead < i && allGeneric(tokens.slice(lead, i).map((t) => t.word), lexicon)) continue;
    out.push({ start: tokens[first]!.start, end: tokens[i]!.end, type: 'Policy', source: 'strategy', score: 0.85 });
  }
  return out;
}
