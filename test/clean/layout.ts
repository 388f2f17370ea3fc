// Builds synthetic newspaper columns: paragraphs wrapped to a fixed width with two-space
// indentation, as PDF extraction prints them, optionally with stray blank lines inside paragraphs.

/** Wraps one paragraph to `width` characters a line; Latin words are never cut. */
export function wrapParagraph(paragraph: string, width: number, blankEvery = 0): string[] {
  const lines: string[] = [];
  let line = '  ';
  let used = 1; // the indentation is one character wide
  const tokens = paragraph.match(/[A-Za-z0-9.%]+ ?|./gu) ?? [];
  for (const token of tokens) {
    const w = /^[A-Za-z0-9.% ]+$/.test(token) ? token.length / 2 : token.length;
    if (used + w > width && line.trim()) {
      lines.push(line.trimEnd());
      line = '';
      used = 0;
    }
    line += token;
    used += w;
  }
  if (line.trim()) lines.push(line.trimEnd());
  if (!blankEvery) return lines;
  return lines.flatMap((l, i) => (i > 0 && i % blankEvery === 0 ? ['', l] : [l]));
}

export function column(paragraphs: string[], width = 16, blankEvery = 0): string {
  return paragraphs.flatMap((p) => wrapParagraph(p, width, blankEvery)).join('\n');
}
