// The viewer's own CJK font (Noto Sans SC from @fontsource, split by unicode range into ~100 small
// files), so that labels render on a machine without any CJK font, offline. Canvas labels only draw
// with a font that is already loaded, so the subsets a graph's names need are loaded before the first
// render, and sigma redraws whenever more arrive (names fetched later by live mode).
import '@fontsource/noto-sans-sc/400.css';

export const WEB_FONT = 'Noto Sans SC';

/** Loads the subsets of the bundled font that cover the characters of `texts`. */
export async function loadFontFor(texts: Iterable<string>): Promise<void> {
  const chars = new Set<string>();
  for (const text of texts) for (const ch of text) chars.add(ch);
  if (!chars.size) return;
  try {
    await document.fonts.load(`400 14px "${WEB_FONT}"`, [...chars].join(''));
  } catch {
    // A font that cannot load leaves the system fonts of the stack; the graph still opens.
  }
}

export function onFontsLoaded(redraw: () => void): void {
  document.fonts.addEventListener('loadingdone', redraw);
}
