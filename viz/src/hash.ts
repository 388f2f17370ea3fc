// Deep links: the URL hash holds the selected node and the filters, never credentials.
import type { SizeBy } from './metrics.ts';

export interface LinkState {
  selected: string | null;
  hiddenTypes: Set<string>;
  hiddenRelations: Set<string>;
  sizeBy: SizeBy;
  colorBy: 'type' | 'community';
}

export function defaultLinkState(): LinkState {
  return { selected: null, hiddenTypes: new Set(), hiddenRelations: new Set(), sizeBy: 'degree', colorBy: 'type' };
}

export function toHash(state: LinkState): string {
  const params = new URLSearchParams();
  if (state.selected) params.set('node', state.selected);
  if (state.hiddenTypes.size) params.set('hide', [...state.hiddenTypes].sort().join(','));
  if (state.hiddenRelations.size) params.set('hideRel', [...state.hiddenRelations].sort().join(','));
  if (state.sizeBy !== 'degree') params.set('size', state.sizeBy);
  if (state.colorBy !== 'type') params.set('color', state.colorBy);
  const text = params.toString();
  return text ? `#${text}` : '';
}

export function fromHash(hash: string): LinkState {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const list = (name: string) => new Set((params.get(name) ?? '').split(',').filter(Boolean));
  return {
    selected: params.get('node') || null,
    hiddenTypes: list('hide'),
    hiddenRelations: list('hideRel'),
    sizeBy: params.get('size') === 'pagerank' ? 'pagerank' : 'degree',
    colorBy: params.get('color') === 'community' ? 'community' : 'type',
  };
}

/** Writes the hash without adding a history entry or firing hashchange. */
export function writeHash(state: LinkState): void {
  const hash = toHash(state);
  const url = `${location.pathname}${location.search}${hash}`;
  if (`${location.pathname}${location.search}${location.hash}` !== url) history.replaceState(null, '', url);
}
