// The document's own places, from which abbreviations take their full form: in a document about
// 潍坊, 市委 is 潍坊市委 and 全市 is the Place 潍坊市.
import type { Document, Mention } from '../types.ts';
import type { Lexicon, PlaceEntry } from '../extract/lexicon.ts';

export interface PlaceContext {
  city?: PlaceEntry;
  province?: PlaceEntry;
  county?: PlaceEntry;
  /** 我国: China, from the gazetteer. */
  country?: PlaceEntry;
}

const codeIndex = new WeakMap<Lexicon, Map<string, PlaceEntry>>();

function placesByCode(lexicon: Lexicon): Map<string, PlaceEntry> {
  let byCode = codeIndex.get(lexicon);
  if (!byCode) {
    byCode = new Map();
    for (const e of lexicon.places.values()) byCode.set(e.code, e);
    codeIndex.set(lexicon, byCode);
  }
  return byCode;
}

/**
 * The dominant place of each level: the most mentioned one, where mentions in the title, bylines
 * and affiliations count three times. A city also votes for its province.
 */
export function dominantPlaces(doc: Document, mentions: Mention[], lexicon: Lexicon): PlaceContext {
  const votes = new Map<string, number>();
  const vote = (name: string, weight: number) => votes.set(name, (votes.get(name) ?? 0) + weight);
  const furniture = [doc.title, ...doc.articles.flatMap((a) => [a.title, a.affiliation ?? ''])].join(' ');
  for (const m of lexicon.placeTrie.matches(furniture)) vote(lexicon.places.get(m.value)!.name, 3);
  for (const m of mentions) if (m.type === 'Place' && m.source === 'gazetteer' && m.canonical) vote(m.canonical, 1);
  const byCode = placesByCode(lexicon);
  for (const [name, n] of [...votes]) {
    const entry = lexicon.places.get(name);
    if (entry?.level === 'city') {
      const province = byCode.get(entry.code.slice(0, 2));
      if (province) vote(province.name, n);
    }
  }
  const best = (level: PlaceEntry['level']) => {
    let top: PlaceEntry | undefined;
    let topVotes = 0;
    for (const [name, n] of votes) {
      const entry = lexicon.places.get(name);
      if (entry?.level === level && n > topVotes) [top, topVotes] = [entry, n];
    }
    return top;
  };
  return { city: best('city'), province: best('province'), county: best('county'), country: lexicon.places.get('中国') };
}

/** 市 → the dominant city, 省 → the dominant province … */
export function placeForLevel(level: string, ctx: PlaceContext): PlaceEntry | undefined {
  if (level === '国') return ctx.country;
  if (level === '市') return ctx.city;
  if (level === '省') return ctx.province;
  if (level === '县' || level === '区') return ctx.county;
  return undefined;
}
