// The side panel of a clicked node: type, name, aliases, documents, and every relation grouped by
// type with its evidence sentences and their source document. Neighbours are buttons.
import type { Evidence } from '../../src/types.ts';
import { otherEnd, type Store } from './graph-load.ts';
import { el, replaceChildren } from './escape.ts';
import { RELATION_LABELS, TYPE_LABELS, relationColor, typeColor } from './style.ts';

export interface PanelActions {
  openNode(index: number): void;
  /** Shows the node's hidden neighbours; absent when nothing is hidden. */
  expand?(index: number): void;
  close(): void;
}

/** Relations of one type listed before a "show all" button. */
const FIRST_ITEMS = 40;
const EVIDENCE_PER_RELATION = 3;

function documentTitle(store: Store, id: string): string {
  const doc = store.documents.get(id);
  return doc ? doc.title || doc.path : id;
}

function evidenceList(store: Store, evidence: Evidence[]): HTMLElement {
  return el('ul', { className: 'evidence' }, ...evidence.slice(0, EVIDENCE_PER_RELATION).map((item) =>
    el('li', {}, el('q', {}, item.sentence), el('cite', {}, documentTitle(store, item.doc))),
  ), evidence.length > EVIDENCE_PER_RELATION ? el('li', { className: 'more' }, `另有 ${evidence.length - EVIDENCE_PER_RELATION} 句证据`) : null);
}

export function renderPanel(container: HTMLElement, store: Store, index: number, hiddenNeighbourCount: number, actions: PanelActions): void {
  const node = store.nodes[index]!;
  const a = node.attributes;
  const typeBadge = el('span', { className: 'type-badge' }, `${TYPE_LABELS[a.type] ?? ''} ${a.type}`.trim());
  typeBadge.style.background = typeColor(a.type);

  const groups = new Map<string, number[]>();
  // A self-loop is incident twice; list it once.
  for (const e of new Set(store.incident(index))) {
    const type = store.edges[e]!.attributes.type;
    if (!groups.has(type)) groups.set(type, []);
    groups.get(type)!.push(e);
  }

  const relationItem = (e: number) => {
    const edge = store.edges[e]!;
    const outgoing = store.source[e] === index;
    const other = otherEnd(store, e, index);
    const otherAttrs = store.nodes[other]!.attributes;
    const dot = el('span', { className: 'swatch' });
    dot.style.background = typeColor(otherAttrs.type);
    return el('li', { className: 'relation' },
      el('div', { className: 'relation-head' },
        el('span', { className: 'direction', title: outgoing ? 'outgoing' : 'incoming' }, outgoing ? '→' : '←'),
        el('button', { className: 'neighbour', attrs: { 'data-key': store.nodes[other]!.key }, onClick: () => actions.openNode(other) }, dot, otherAttrs.name),
        edge.attributes.planned ? el('span', { className: 'planned' }, '拟') : null,
      ),
      evidenceList(store, edge.attributes.evidence),
    );
  };

  const relationSections = [...groups].sort((x, y) => y[1].length - x[1].length).map(([type, edges]) => {
    const list = el('ul', { className: 'relations' }, ...edges.slice(0, FIRST_ITEMS).map(relationItem));
    const heading = el('h3', { attrs: { 'data-relation': type } }, `${RELATION_LABELS[type] ?? ''} ${type}`.trim(), el('span', { className: 'count' }, String(edges.length)));
    heading.style.borderColor = relationColor(type);
    const more = edges.length > FIRST_ITEMS
      ? el('button', { className: 'show-all', onClick: (event) => {
        list.append(...edges.slice(FIRST_ITEMS).map(relationItem));
        (event.currentTarget as HTMLElement).remove();
      } }, `show all ${edges.length}`)
      : null;
    return el('section', { className: 'relation-group' }, heading, list, more);
  });

  replaceChildren(container,
    el('button', { className: 'close', title: 'close (Esc)', onClick: () => actions.close() }, '×'),
    typeBadge,
    el('h2', { className: 'node-name' }, a.name),
    a.aliases.length ? el('p', { className: 'aliases' }, el('span', { className: 'field' }, '别名 '), a.aliases.join('、')) : null,
    el('p', { className: 'stats' }, `${store.degree[index]} relations · confidence ${(a.confidence ?? 0).toFixed(2)}`),
    hiddenNeighbourCount > 0 && actions.expand
      ? el('button', { className: 'expand', onClick: () => actions.expand!(index) }, `show ${hiddenNeighbourCount} hidden neighbours`)
      : null,
    a.docs.length ? el('section', { className: 'documents' }, el('h3', {}, '文档 Documents'), el('ul', {}, ...a.docs.map((d) => el('li', {}, documentTitle(store, d))))) : null,
    ...relationSections,
  );
  container.hidden = false;
  container.scrollTop = 0;
}
