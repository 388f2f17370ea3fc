// Every name and sentence reaches the page through one of these: text is data, never markup.

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Safe in HTML and SVG text and in double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/**
 * Safe as inline Markdown text, table cells included: ASCII punctuation that can start markup (emphasis, links,
 * raw HTML, entities, code, table pipes) is backslash-escaped, and line breaks become spaces.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/[\\`*_[\]<>|&~!#]/g, '\\$&');
}

/**
 * Bold in Markdown. CommonMark only opens `**` before a letter when the run is next to CJK text, so a span that
 * begins or ends with punctuation is written as raw <strong> (HTML-escaped) instead.
 */
export function strongMarkdown(text: string): string {
  if (/^[\p{L}\p{N}].*[\p{L}\p{N}]$|^[\p{L}\p{N}]$/su.test(text)) return `**${escapeMarkdown(text)}**`;
  return `<strong>${escapeHtml(text)}</strong>`;
}
