// A DOM subtree → plain text by the rules of text-rules.ts (linkedom gives the DOM, for web pages).
import { requireCjs } from '../util/require-cjs.ts';
import { BLOCK, NEVER_TEXT, asDocument, nodeTextOf, tidyLines } from './text-rules.ts';

export { FURNITURE, tidyLines } from './text-rules.ts';

const { parseHTML } = requireCjs('linkedom') as typeof import('linkedom');

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
      parts.push(nodeTextOf(node.textContent ?? '', pre));
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

/** Parse an HTML document or fragment with linkedom. */
export function parseDocument(html: string): Document {
  return parseHTML(asDocument(html)).document as unknown as Document;
}

/** Text of an HTML fragment. */
export function fragmentText(html: string): string {
  const doc = parseDocument(html);
  return nodeText(doc.body as unknown as DomNode);
}

/** The text of a document's body, and the text of its first heading as its title. */
export function documentText(html: string): { text: string; title?: string } {
  const doc = parseDocument(html);
  const heading = doc.querySelector('h1, h2, h3, h4, h5, h6') as unknown as DomNode | null;
  const title = heading ? nodeText(heading) || undefined : undefined;
  return { text: nodeText(doc.body as unknown as DomNode), title };
}

export type { DomNode };
