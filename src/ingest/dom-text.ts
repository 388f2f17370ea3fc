// A DOM subtree → plain text the way a reader sees it: one line per block (paragraph, heading, list
// item, table row), <br> as a line break, whitespace collapsed as HTML does, scripts and images dropped.
import { requireCjs } from '../util/require-cjs.ts';

const { parseHTML } = requireCjs('linkedom') as typeof import('linkedom');

const BLOCK = new Set(
  'address article aside blockquote body caption center dd details dialog dir div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main menu nav ol p pre section summary table tbody td tfoot th thead tr ul'.split(' '),
);
const NEVER_TEXT = new Set('script style noscript template svg math iframe object canvas img video audio head select button input textarea'.split(' '));
/** Page furniture dropped when there is no article to extract. */
export const FURNITURE = new Set(['nav', 'header', 'footer', 'aside', 'form', 'menu']);

const CJK = '\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef';
/** CSS Text 3 segment-break rule: a line break between two CJK characters is no space at all. */
const CJK_BREAK = new RegExp(`([${CJK}])[ \\t\\r\\n]*\\n[ \\t\\r\\n]*(?=[${CJK}])`, 'g');

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

export function nodeText(root: DomNode, skip: ReadonlySet<string> = new Set()): string {
  const parts: string[] = [];
  const visit = (node: DomNode, pre: boolean) => {
    if (node.nodeType === 3) {
      const raw = node.textContent ?? '';
      parts.push(pre ? raw : raw.replace(CJK_BREAK, '$1').replace(/[ \t\r\n\f]+/g, ' '));
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const tag = node.nodeName.toLowerCase();
    if (NEVER_TEXT.has(tag) || skip.has(tag)) return;
    if (tag === 'br') return void parts.push('\n');
    const block = BLOCK.has(tag);
    if (block) parts.push('\n');
    if (tag === 'td' || tag === 'th') parts.push(' ');
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) visit(children[i], pre || tag === 'pre');
    if (block) parts.push('\n');
  };
  visit(root, false);
  return tidyLines(parts.join(''));
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

/** Parse an HTML document or fragment with linkedom. */
export function parseDocument(html: string): Document {
  const wrapped = /<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  return parseHTML(wrapped).document as unknown as Document;
}

/** Text of an HTML fragment. */
export function fragmentText(html: string): string {
  const doc = parseDocument(html);
  return nodeText(doc.body as unknown as DomNode);
}

export type { DomNode };
