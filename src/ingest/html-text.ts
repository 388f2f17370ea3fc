// HTML → text straight from the parser's events, by the rules of text-rules.ts, without building a
// DOM: the body's text and the first heading's (the title), exactly what dom-text.ts's documentText()
// reads from linkedom's DOM — linkedom builds that DOM from these very htmlparser2 events, one text
// node per text event. A tenth of the time: reading the Markdown transcripts of the news corpus
// (HTML fragments, mostly) went from 1.7 s to 0.2 s, and a re-run no longer loads linkedom.
import { requireCjs } from '../util/require-cjs.ts';
import { BLOCK, NEVER_TEXT, asDocument, nodeTextOf, tidyLines } from './text-rules.ts';

const { Parser } = requireCjs('htmlparser2') as typeof import('htmlparser2');

/** The text under one element, gathered as the DOM reading visits it (see nodeText in dom-text.ts). */
class Gatherer {
  readonly parts: string[] = [];
  /** Depth of the element being skipped (NEVER_TEXT), of the outermost <pre>; -1: none. */
  private skipAt = -1;
  private preAt = -1;
  constructor(readonly root: number) {}

  open(tag: string, depth: number): void {
    if (this.skipAt >= 0) return;
    if (NEVER_TEXT.has(tag)) {
      this.skipAt = depth;
      return;
    }
    if (tag === 'br') return void this.parts.push('\n');
    if (tag === 'pre' && this.preAt < 0) this.preAt = depth;
    if (BLOCK.has(tag)) this.parts.push('\n');
    if (tag === 'td' || tag === 'th') this.parts.push(' ');
  }

  close(tag: string, depth: number): void {
    if (this.skipAt >= 0) {
      if (this.skipAt === depth) this.skipAt = -1;
      return;
    }
    if (tag !== 'br' && BLOCK.has(tag)) this.parts.push('\n');
    if (this.preAt === depth) this.preAt = -1;
  }

  text(raw: string): void {
    // Text inside <pre> keeps its whitespace; that holds for the <pre>'s own text too.
    if (this.skipAt < 0) this.parts.push(nodeTextOf(raw, this.preAt >= 0));
  }
}

/** The text of a document's (or fragment's) body, and its first heading's text as the title. */
export function htmlDocumentText(html: string): { text: string; title?: string } {
  let depth = 0;
  // Each gathers while its element is open: the body, and the first heading.
  let body: Gatherer | undefined;
  let heading: Gatherer | undefined;
  let bodyOpen = false;
  let headingOpen = false;
  let title: string | undefined;
  const endHeading = () => {
    headingOpen = false;
    title = tidyLines(heading!.parts.join('')) || undefined;
  };

  const parser = new Parser(
    {
      onopentag(name) {
        depth++;
        if (!body && name === 'body') (body = new Gatherer(depth)), (bodyOpen = true);
        if (!heading && name.length === 2 && name[0] === 'h' && name[1] >= '1' && name[1] <= '6') (heading = new Gatherer(depth)), (headingOpen = true);
        if (bodyOpen) body!.open(name, depth);
        if (headingOpen) heading!.open(name, depth);
      },
      onclosetag(name) {
        if (bodyOpen) {
          body!.close(name, depth);
          if (depth === body!.root) bodyOpen = false;
        }
        if (headingOpen) {
          heading!.close(name, depth);
          if (depth === heading!.root) endHeading();
        }
        depth--;
      },
      ontext(text) {
        if (bodyOpen) body!.text(text);
        if (headingOpen) heading!.text(text);
      },
    },
    { lowerCaseAttributeNames: false, decodeEntities: true },
  );
  parser.write(asDocument(html));
  parser.end();
  // A heading left open at the end was still read whole by the DOM.
  if (headingOpen) endHeading();
  return { text: body ? tidyLines(body.parts.join('')) : '', title };
}
