// HTML → the main text of the page. Readability (the algorithm behind Firefox's Reader View) finds the
// article and leaves navigation, sidebars and footers behind; linkedom gives it a DOM without a browser.
// When Readability finds nothing, the body is read with page furniture (nav, header, footer …) removed.
import { Readability } from '@mozilla/readability';
import { FURNITURE, fragmentText, nodeText, parseDocument, type DomNode } from './dom-text.ts';

export interface HtmlText {
  text: string;
  title?: string;
  /** Which reading produced the text: 'readability' or 'body'. */
  extractor: 'readability' | 'body';
}

/**
 * Navigation is never article text; page-level headers, footers and sidebars neither (inside an
 * <article> or <main> they hold the headline and byline, so those stay). Readability judges by class
 * names and link density, which misses small pages, so these go before it looks.
 */
function withoutFurniture(doc: Document): Document {
  for (const el of Array.from(doc.querySelectorAll('nav, header, footer, aside'))) {
    if (el.tagName.toLowerCase() === 'nav' || !el.parentElement?.closest('article, main')) el.remove();
  }
  return doc;
}

export function htmlToText(html: string): HtmlText {
  const pageTitle = parseDocument(html).title?.trim() || undefined;
  let article: { content?: string | null; title?: string | null } | null = null;
  try {
    article = new Readability(withoutFurniture(parseDocument(html)), { charThreshold: 100 }).parse();
  } catch {
    article = null; // Readability gives up on some odd documents; the fallback below still reads them.
  }
  const main = article?.content ? fragmentText(article.content) : '';
  const title = article?.title?.trim() || pageTitle;
  if (main) return { text: main, title, extractor: 'readability' };
  const doc = parseDocument(html);
  const body = (doc.body ?? doc.documentElement) as unknown as DomNode | null;
  return { text: body ? nodeText(body, FURNITURE) : '', title, extractor: 'body' };
}
