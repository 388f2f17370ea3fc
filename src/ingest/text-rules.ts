// How HTML reads as plain text, the way a reader sees it: one line per block (paragraph, heading,
// list item, table row), <br> as a line break, whitespace collapsed as HTML does, scripts and images
// dropped. One set of rules for the DOM reading (dom-text.ts) and the streaming one (html-text.ts).

export const BLOCK = new Set(
  'address article aside blockquote body caption center dd details dialog dir div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main menu nav ol p pre section summary table tbody td tfoot th thead tr ul'.split(' '),
);
export const NEVER_TEXT = new Set('script style noscript template svg math iframe object canvas img video audio head select button input textarea'.split(' '));
/** Page furniture dropped when there is no article to extract. */
export const FURNITURE = new Set(['nav', 'header', 'footer', 'aside', 'form', 'menu']);

const CJK = '\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef';
/** CSS Text 3 segment-break rule: a line break between two CJK characters is no space at all. */
const CJK_BREAK = new RegExp(`([${CJK}])[ \\t\\r\\n]*\\n[ \\t\\r\\n]*(?=[${CJK}])`, 'g');

const SPACE = /[ \t\r\n\f]/;
const SPACES = /[ \t\r\n\f]+/g;

/** One text node as read: as it is inside <pre>, else its whitespace collapsed. */
export function nodeTextOf(raw: string, pre: boolean): string {
  if (pre || !SPACE.test(raw)) return raw; // most text nodes of Chinese prose have no whitespace at all
  return (raw.includes('\n') ? raw.replace(CJK_BREAK, '$1') : raw).replace(SPACES, ' ');
}

/** Trim every line, turn no-break spaces into spaces, drop empty lines. */
export function tidyLines(text: string): string {
  return text
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/** A fragment as a whole document, as the DOM reading parses it. */
export const asDocument = (html: string) => (/<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`);
