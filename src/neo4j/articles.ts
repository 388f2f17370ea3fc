// A document's articles stored on its (:Document) node, so that what is read back from Neo4j names
// articles as graph.json does.
import type { Article } from '../types.ts';

/**
 * A document's articles as Document properties: parallel lists, since Neo4j has no lists of maps.
 * articleAuthors holds each article's authors joined by '、'; articleAffiliations '' for none.
 */
export function articleProperties(articles: Article[]): Record<string, string[] | number[]> {
  return {
    articleTitles: articles.map((a) => a.title),
    articleStarts: articles.map((a) => a.start),
    articleEnds: articles.map((a) => a.end),
    articleAuthors: articles.map((a) => a.authors.join('、')),
    articleAffiliations: articles.map((a) => a.affiliation ?? ''),
  };
}

/** The inverse of articleProperties; no properties, no articles. */
export function articlesOf(props: Record<string, unknown>): Article[] {
  const list = <T>(name: string) => (Array.isArray(props[name]) ? (props[name] as T[]) : []);
  const starts = list<number>('articleStarts');
  const ends = list<number>('articleEnds');
  const authors = list<string>('articleAuthors');
  const affiliations = list<string>('articleAffiliations');
  return list<string>('articleTitles').map((title, i) => ({
    title,
    authors: authors[i] ? authors[i].split('、') : [],
    affiliation: affiliations[i] || null,
    start: Number(starts[i] ?? 0),
    end: Number(ends[i] ?? 0),
  }));
}
