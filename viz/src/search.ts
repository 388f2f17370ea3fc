// Search with autocomplete over names and aliases of every node in the store (shown or not).
// Chinese input goes through an IME: while a composition is open the box holds pinyin, so the
// list is updated when the composition ends.
import type { Store } from './graph-load.ts';
import { el, replaceChildren } from './escape.ts';
import { TYPE_LABELS, typeColor } from './style.ts';

export interface SearchHit {
  index: number;
  /** The alias that matched, when the name did not. */
  alias: string | null;
  rank: number;
}

const MAX_HITS = 12;

export function searchStore(store: Store, query: string, limit = MAX_HITS): SearchHit[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const hits: SearchHit[] = [];
  for (let i = 0; i < store.nodes.length; i++) {
    const a = store.nodes[i]!.attributes;
    const name = a.name.toLowerCase();
    let best: SearchHit | null = null;
    const consider = (text: string, alias: string | null, base: number) => {
      const at = text.indexOf(q);
      if (at < 0) return;
      const rank = base + (text === q ? 0 : at === 0 ? 2 : 4);
      if (!best || rank < best.rank) best = { index: i, alias, rank };
    };
    consider(name, null, 0);
    for (const alias of a.aliases) consider(alias.toLowerCase(), alias, 1);
    if (best) hits.push(best);
  }
  hits.sort((x, y) => x.rank - y.rank || store.degree[y.index]! - store.degree[x.index]! || x.index - y.index);
  return hits.slice(0, limit);
}

export interface SearchBox {
  input: HTMLInputElement;
  clear(): void;
}

export function mountSearch(
  input: HTMLInputElement,
  list: HTMLElement,
  store: Store,
  isShown: (index: number) => boolean,
  onChoose: (index: number) => void,
): SearchBox {
  let hits: SearchHit[] = [];
  let active = -1;

  const render = () => {
    replaceChildren(list, ...hits.map((hit, n) => {
      const a = store.nodes[hit.index]!.attributes;
      const dot = el('span', { className: 'swatch' });
      dot.style.background = typeColor(a.type);
      return el('li', {
        className: n === active ? 'hit active' : 'hit',
        attrs: { role: 'option', 'data-key': store.nodes[hit.index]!.key },
        onClick: () => choose(n),
      },
        dot,
        el('span', { className: 'hit-name' }, a.name),
        hit.alias ? el('span', { className: 'hit-alias' }, `（${hit.alias}）`) : null,
        el('span', { className: 'hit-type' }, TYPE_LABELS[a.type] ?? a.type),
        isShown(hit.index) ? null : el('span', { className: 'hit-hidden' }, '未显示'),
      );
    }));
    list.hidden = hits.length === 0;
  };
  const update = () => {
    hits = searchStore(store, input.value);
    active = hits.length ? 0 : -1;
    render();
  };
  const choose = (n: number) => {
    const hit = hits[n];
    if (!hit) return;
    input.value = store.nodes[hit.index]!.attributes.name;
    hits = [];
    render();
    onChoose(hit.index);
  };

  input.addEventListener('input', (event) => {
    if ((event as InputEvent).isComposing) return;
    update();
  });
  input.addEventListener('compositionend', update);
  input.addEventListener('keydown', (event) => {
    if (event.isComposing) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!hits.length) return;
      event.preventDefault();
      active = (active + (event.key === 'ArrowDown' ? 1 : hits.length - 1)) % hits.length;
      render();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(Math.max(active, 0));
    }
  });
  return {
    input,
    clear() {
      input.value = '';
      hits = [];
      render();
    },
  };
}
