// Quoted names keep their head noun: “科小育优”工程 → Program 科小育优工程 (alias 科小育优).
// Quotes joined by 和/、 share the head that follows the last one (“科小育优”和“高企培强”工程);
// the head may follow after a short name-like infix (“领航型”企业培育行动). A bare quote is a Policy
// when an implementing verb stands right before it (落实“三个区分开来”).
import type { EntityType } from '../../types.ts';
import type { Candidate, SentenceContext } from './types.ts';

interface Quote {
  start: number; // of the opening mark
  end: number; // after the closing mark
  inner: string;
}

const OPEN = '“"「';
const CLOSE = '”"」';
const CLAUSE_PUNCT = /[，。；：！？、,;:!?]/;
const LINK = /^(和|与|及|、)?$/;
const QUOTE_MARK = /[“"「]/;

function findQuotes(text: string, maxChars: number): Quote[] {
  const quotes: Quote[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!OPEN.includes(text[i]!)) continue;
    let j = i + 1;
    while (j < text.length && !CLOSE.includes(text[j]!) && j - i <= maxChars + 1) j++;
    if (j >= text.length || !CLOSE.includes(text[j]!)) continue;
    const inner = text.slice(i + 1, j);
    if (inner.length >= 2 && inner.length <= maxChars && !CLAUSE_PUNCT.test(inner)) quotes.push({ start: i, end: j + 1, inner });
    i = j;
  }
  return quotes;
}

/** The head noun after position `pos`: at most `maxInfix` name-like characters, then a head from the lists. */
function headAfter(text: string, pos: number, ctx: SentenceContext): { end: number; type: EntityType } | undefined {
  const { programHeads, policyHeads, quotes } = ctx.lexicon;
  for (let k = 0; k <= quotes.maxInfixChars; k++) {
    const at = pos + k;
    if (at > pos && !/[\u4e00-\u9fa5]/.test(text[at - 1]!)) return undefined;
    for (const [heads, type] of [[programHeads, 'Program'], [policyHeads, 'Policy']] as const) {
      const head = heads.find((h) => text.startsWith(h, at));
      if (head) return { end: at + head.length, type };
    }
  }
  return undefined;
}

function typeOfOwnHead(inner: string, ctx: SentenceContext): EntityType | undefined {
  if (ctx.lexicon.programHeads.some((h) => inner.endsWith(h) && inner.length > h.length)) return 'Program';
  if (ctx.lexicon.policyHeads.some((h) => inner.endsWith(h) && inner.length > h.length)) return 'Policy';
  return undefined;
}

export function quoteCandidates(ctx: SentenceContext): Candidate[] {
  const { text, lexicon } = ctx;
  const out: Candidate[] = [];
  if (!QUOTE_MARK.test(text)) return out;
  const quotes = findQuotes(text, lexicon.quotes.maxChars);
  for (let g = 0; g < quotes.length; ) {
    // A group: quotes separated by nothing or by one linking word.
    let last = g;
    while (last + 1 < quotes.length && LINK.test(text.slice(quotes[last]!.end, quotes[last + 1]!.start))) last++;
    const group = quotes.slice(g, last + 1);
    const head = headAfter(text, quotes[last]!.end, ctx);
    for (const [n, q] of group.entries()) {
      const isLast = n === group.length - 1;
      if (lexicon.nonentities.has(q.inner)) continue;
      if (head) {
        const name = q.inner + text.slice(quotes[last]!.end, head.end);
        out.push({ start: q.start, end: isLast ? head.end : q.end, type: head.type, source: 'quote', score: 0.9, name, aliases: [q.inner] });
        continue;
      }
      const own = typeOfOwnHead(q.inner, ctx);
      const before = text.slice(Math.max(0, group[0]!.start - 4), group[0]!.start);
      const implemented = lexicon.quotes.bareQuoteVerbs.some((v) => before.endsWith(v));
      if (own || implemented) out.push({ start: q.start, end: q.end, type: own ?? 'Policy', source: 'quote', score: own ? 0.85 : 0.75, name: q.inner });
    }
    g = last + 1;
  }
  return out;
}
