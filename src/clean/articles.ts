// Article pass. On a multi-article page, bodies end at “（作者单位：…）” lines; each body is the run of
// paragraphs above its affiliation set in one column width, back to the nearest furniture. Title
// blocks (title + byline) are matched to bodies one-to-one by shared bigrams, wherever the layout
// printed them; summary blocks and stray paragraphs join the article they overlap with most, or are
// reported as unattributed. A page without affiliation lines is one article.
import { displayWidth, endsSentence } from './chars.ts';
import { affinity, assignGreedy, background, bigrams, type Bag } from './match.ts';
import { headingLevel } from './lines.ts';
import { affiliationOf, authorsOf, type Para } from './structure.ts';

export interface ArticleDraft {
  title: string;
  authors: string[];
  affiliation: string | null;
  /** Paragraph indices of the body (inclusive). */
  first: number;
  last: number;
}

export interface Attribution {
  articles: ArticleDraft[];
  unattributed: string[];
}

/** Minimum affinity of a title to a body, and of a lead to an article, to attribute. */
const MIN_TITLE_SCORE = 0.15;
const MIN_LEAD_SCORE = 0.1;
const ADJACENT_BONUS = 0.3;
/** Leads considered as bridges between titles and bodies (a page has a handful). */
const MAX_BRIDGES = 64;
/** A lead goes to its best article only when it beats the runner-up by this factor. */
const LEAD_MARGIN = 1.5;
/** Column widths within this share of each other are the same column. */
const WIDTH_TOLERANCE = 0.15;
/** A trailing body without an affiliation must be this long to count as an article. */
const MIN_TRAILING_CHARS = 200;
const MAX_TITLE_WIDTH = 40;

const OUTSIDE_BODY = new Set(['title', 'byline', 'label', 'lead', 'affiliation']);

/** First paragraph of the body that ends at `to`, walking up to `from`; -1 when there is none. */
function bodyStart(paras: Para[], from: number, to: number, wrapped: boolean): number {
  let first = -1;
  let column = 0;
  for (let i = to; i >= from; i--) {
    const p = paras[i]!;
    if (OUTSIDE_BODY.has(p.kind)) break;
    if (wrapped && p.lines >= 2) {
      if (column === 0) column = p.width;
      else if (Math.abs(p.width - column) > Math.max(2, WIDTH_TOLERANCE * column)) break;
    }
    first = i;
  }
  return first;
}

interface TitleBlock {
  title: number; // paragraph index or -1
  byline: number; // paragraph index or -1
}

function titleBlocks(paras: Para[]): TitleBlock[] {
  const blocks: TitleBlock[] = [];
  paras.forEach((p, i) => {
    if (p.kind === 'title') blocks.push({ title: i, byline: paras[i + 1]?.kind === 'byline' ? i + 1 : -1 });
    else if (p.kind === 'byline' && paras[i - 1]?.kind !== 'title') blocks.push({ title: -1, byline: i });
  });
  return blocks;
}

function bodyBag(paras: Para[], first: number, last: number): Bag {
  let text = '';
  for (let i = first; i <= last; i++) text += paras[i]!.text + '\n';
  return bigrams(text);
}

/** The body's headings and the first sentence of each paragraph: where a title's words recur. */
function headBag(paras: Para[], first: number, last: number): Bag {
  let text = '';
  for (let i = first; i <= last; i++) {
    const p = paras[i]!;
    const cut = p.heading ? p.text.length : p.text.search(/[。！？；]/);
    text += (cut < 0 ? p.text : p.text.slice(0, cut)) + '\n';
  }
  return bigrams(text);
}

/** A body whose first paragraph is a short unfinished line has its title on top. */
function takeTopTitle(paras: Para[], draft: ArticleDraft): void {
  const p = paras[draft.first]!;
  if (draft.first >= draft.last || p.heading > 1 || endsSentence(p.text) || displayWidth(p.text) > MAX_TITLE_WIDTH) return;
  if (p.kind === 'heading' && p.heading === 1 && /^[一二三四五六七八九十第]/.test(p.text)) return;
  p.kind = 'title';
  p.heading = 0;
  draft.title = p.text;
  draft.first++;
}

function singleArticle(paras: Para[], metaTitle: string | undefined): Attribution {
  const authors: string[] = [];
  let affiliation: string | null = null;
  for (const p of paras) {
    p.article = 0;
    if (p.kind === 'byline') for (const a of authorsOf(p.text)) if (!authors.includes(a)) authors.push(a);
    if (p.kind === 'affiliation') affiliation ??= affiliationOf(p.text);
  }
  const first = paras[0];
  // The first line titles the document, unless it is a byline or a numbered section heading.
  if (first && first.kind !== 'byline' && !(first.kind === 'heading' && headingLevel(first.text))) {
    first.kind = 'title';
    first.heading = 0;
  }
  const title = metaTitle?.trim() || first?.text || '';
  return { articles: [{ title, authors, affiliation, first: 0, last: paras.length - 1 }], unattributed: [] };
}

export function attribute(paras: Para[], wrapped: boolean, metaTitle?: string): Attribution {
  const ends = paras.flatMap((p, i) => (p.kind === 'affiliation' ? [i] : []));
  if (!ends.length) return singleArticle(paras, metaTitle);
  const drafts = findBodies(paras, ends, wrapped);
  drafts.forEach((d, k) => {
    for (let i = d.first; i <= d.last; i++) paras[i]!.article = k;
  });
  // Text outside every body that is no title, byline or label: a summary block or a stray lead.
  for (const p of paras) if (p.article < 0 && (p.kind === 'body' || p.kind === 'heading')) p.kind = 'lead';

  let all = '';
  for (const p of paras) all += p.text + '\n';
  const bg = background([bigrams(all)]);
  const bodies = drafts.map((d) => bodyBag(paras, d.first, d.last));
  const heads = drafts.map((d) => headBag(paras, d.first, d.last));
  const leads = paras.flatMap((p, i) => (p.kind === 'lead' ? [i] : []));
  const leadBags = leads.map((i) => bigrams(paras[i]!.text));

  // Titles ↔ bodies, one-to-one.
  const blocks = titleBlocks(paras);
  const bridges = leadBags.length <= MAX_BRIDGES ? leadBags : [];
  const leadToBody = bridges.map((lead) => bodies.map((body) => affinity(lead, body, bg)));
  const scores = blocks.map((b) => {
    const title = bigrams(b.title >= 0 ? paras[b.title]!.text : '');
    const titleToLead = bridges.map((lead) => affinity(title, lead, bg));
    return drafts.map((d, k) => {
      const direct = (affinity(title, bodies[k]!, bg) + affinity(title, heads[k]!, bg)) / 2;
      // A summary or lead that shares words with both the title and the body links them.
      let bridge = 0;
      for (let l = 0; l < bridges.length; l++) bridge = Math.max(bridge, Math.min(titleToLead[l]!, leadToBody[l]![k]!));
      // A title block right above its body is the ordinary layout.
      const adjacent = (b.byline >= 0 ? b.byline : b.title) === d.first - 1 ? ADJACENT_BONUS : 0;
      return direct + bridge + adjacent;
    });
  });
  if (process.env.ZT_DEBUG_CLEAN) console.error('title scores', JSON.stringify(scores.map((r) => r.map((x) => +x.toFixed(2)))));
  for (const { row, col } of assignGreedy(scores, MIN_TITLE_SCORE)) {
    const b = blocks[row]!;
    const d = drafts[col]!;
    if (b.title >= 0) {
      d.title = paras[b.title]!.text;
      paras[b.title]!.article = col;
    }
    if (b.byline >= 0) {
      d.authors = authorsOf(paras[b.byline]!.text);
      paras[b.byline]!.article = col;
    }
  }
  for (const d of drafts) if (!d.title) takeTopTitle(paras, d);

  // Leads go to the article whose body and title share most words with them, when it is clear.
  const titles = drafts.map((d) => bigrams(d.title));
  leads.forEach((i, n) => {
    const scores = drafts.map((_, k) => affinity(leadBags[n]!, bodies[k]!, bg) + affinity(titles[k]!, leadBags[n]!, bg));
    const order = scores.map((s, k) => ({ s, k })).sort((a, b) => b.s - a.s);
    const best = order[0]!;
    const second = order[1]?.s ?? 0;
    if (process.env.ZT_DEBUG_CLEAN) console.error('lead', paras[i]!.text.slice(0, 12), scores.map((s) => s.toFixed(2)).join(' '));
    if (best.s >= MIN_LEAD_SCORE && best.s >= LEAD_MARGIN * second) {
      paras[i]!.article = best.k;
      const label = paras[i - 1];
      if (label?.kind === 'label' && label.article < 0 && paras[i - 2]?.kind !== 'label') label.article = best.k;
    }
  });
  const unattributed = paras.filter((p) => p.article < 0).map((p) => p.text);
  return { articles: drafts, unattributed };
}

function findBodies(paras: Para[], ends: number[], wrapped: boolean): ArticleDraft[] {
  const drafts: ArticleDraft[] = [];
  let from = 0;
  for (const end of ends) {
    const first = bodyStart(paras, from, end - 1, wrapped);
    if (first >= 0) drafts.push({ title: '', authors: [], affiliation: affiliationOf(paras[end]!.text), first, last: end });
    from = end + 1;
  }
  const tail = bodyStart(paras, from, paras.length - 1, wrapped);
  if (tail >= 0) {
    let chars = 0;
    for (let i = tail; i < paras.length; i++) chars += paras[i]!.text.length;
    if (chars >= MIN_TRAILING_CHARS) drafts.push({ title: '', authors: [], affiliation: null, first: tail, last: paras.length - 1 });
  }
  return drafts;
}
