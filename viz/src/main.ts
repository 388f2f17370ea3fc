// Wires the viewer together: load graph.json → visible graph → layout → sigma, then the legend,
// search, panel, controls, deep links, keyboard, large-graph banner and live mode.
import './style.css';
import { ENTITY_TYPES, RELATION_TYPES, RELATED_TO } from '../../src/types.ts';
import { buildStore, extendStore, fetchStore, type Store } from './graph-load.ts';
import { createView, placeNear, showNodes, type ViewGraph } from './view.ts';
import { batchSize, byDegree, hiddenNeighbours, initialNodes, nextNodes, LARGE_GRAPH_NODES } from './large-graph.ts';
import { AUTO_LAYOUT_MS, initialLayout, LayoutControl } from './layout.ts';
import { applySizes, assignCommunities } from './metrics.ts';
import { createRenderer, updateDensity, type Highlight, type Renderer } from './renderer.ts';
import { fromHash, writeHash, type LinkState } from './hash.ts';
import { countBy, renderLegend } from './legend.ts';
import { mountSearch, type SearchBox } from './search.ts';
import { renderPanel } from './panel.ts';
import { exportPNG, viewAsBlob } from './export.ts';
import { LiveSource, mountLiveForm } from './live.ts';
import type { LiveNeighbourhood } from './live-query.ts';
import { el, replaceChildren } from './escape.ts';
import { loadFontFor, onFontsLoaded } from './fonts.ts';
import { RELATION_LABELS } from './style.ts';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

class Viewer {
  readonly view: ViewGraph = createView();
  readonly highlight: Highlight = { hoveredNode: null, neighbours: new Set(), hoveredEdge: null, selected: null };
  renderer!: Renderer;
  ranking!: Int32Array;
  layout!: LayoutControl;
  search!: SearchBox;
  link: LinkState;
  firstRenderMs = 0;

  constructor(public store: Store, private limit: number) {
    this.link = fromHash(location.hash);
  }

  start(): void {
    this.ranking = byDegree(this.store);
    const unplaced = showNodes(this.view, this.store, initialNodes(this.store, this.ranking, this.limit));
    const layout = initialLayout(this.view, unplaced);
    if (layout === 'none') placeNear(this.view, unplaced);
    applySizes(this.view, this.store, this.link.sizeBy);
    if (this.link.colorBy === 'community') assignCommunities(this.view);
    this.renderer = createRenderer(this.view, $('graph'), this.highlight, this.link);
    this.layout = new LayoutControl(this.view, (running) => { $('layout').textContent = running ? 'stop layout' : 'start layout'; });
    // A large view without positions opens on a circle; ForceAtlas2 refines it in its worker,
    // after the first render, for a few seconds (the toolbar button stops or restarts it).
    if (layout === 'circular') {
      this.layout.start();
      setTimeout(() => { if (this.layout.running) this.layout.stop(); }, AUTO_LAYOUT_MS);
    }
    this.bindRenderer();
    this.search = mountSearch($<HTMLInputElement>('search'), $('search-results'), this.store, (i) => this.isShown(i), (i) => this.select(i, true));
    this.renderLegend();
    this.renderBanner();
    this.syncControls();
    if (this.link.selected) this.restoreSelection();
  }

  isShown(index: number): boolean {
    return this.view.hasNode(this.store.nodes[index]!.key);
  }

  private bindRenderer(): void {
    const r = this.renderer;
    const tooltip = $('tooltip');
    r.on('enterNode', ({ node }) => {
      this.highlight.hoveredNode = node;
      this.highlight.neighbours = new Set(this.view.neighbors(node));
      r.refresh({ skipIndexation: true });
    });
    r.on('leaveNode', () => {
      this.highlight.hoveredNode = null;
      this.highlight.neighbours = new Set();
      r.refresh({ skipIndexation: true });
    });
    r.on('enterEdge', ({ edge, event }) => {
      this.highlight.hoveredEdge = edge;
      const relation = this.view.getEdgeAttribute(edge, 'relation');
      const [s, t] = this.view.extremities(edge);
      replaceChildren(tooltip,
        el('strong', {}, `${RELATION_LABELS[relation] ?? ''} ${relation}`.trim()),
        el('span', {}, `${this.view.getNodeAttribute(s, 'label')} → ${this.view.getNodeAttribute(t, 'label')}`));
      tooltip.style.left = `${event.x + 14}px`;
      tooltip.style.top = `${event.y + 14}px`;
      tooltip.hidden = false;
      r.refresh({ skipIndexation: true });
    });
    r.on('leaveEdge', () => {
      this.highlight.hoveredEdge = null;
      tooltip.hidden = true;
      r.refresh({ skipIndexation: true });
    });
    r.on('clickNode', ({ node }) => this.select(this.view.getNodeAttribute(node, 'index'), false));
    r.on('clickStage', () => this.clearSelection());
  }

  /** Selects a node (showing it first if the large-graph view hides it) and opens its panel. */
  select(index: number, moveCamera: boolean): void {
    const key = this.store.nodes[index]!.key;
    if (!this.isShown(index)) this.show([index]);
    this.highlight.selected = key;
    this.link.selected = key;
    this.renderPanel(index);
    writeHash(this.link);
    this.renderer.refresh({ skipIndexation: true });
    if (moveCamera) {
      const d = this.renderer.getNodeDisplayData(key);
      if (d) this.renderer.getCamera().animate({ x: d.x, y: d.y, ratio: Math.min(this.renderer.getCamera().ratio, 0.5) }, { duration: 400 });
    }
  }

  private renderPanel(index: number): void {
    const hidden = hiddenNeighbours(this.store, this.view, index).length;
    renderPanel($('panel'), this.store, index, hidden, {
      openNode: (i) => this.select(i, true),
      expand: (i) => { this.show(hiddenNeighbours(this.store, this.view, i)); this.renderPanel(i); },
      close: () => this.clearSelection(),
    });
  }

  clearSelection(): void {
    this.highlight.selected = null;
    this.link.selected = null;
    $('panel').hidden = true;
    writeHash(this.link);
    this.renderer.refresh({ skipIndexation: true });
  }

  /** Adds store nodes to the view, places them, and refreshes sizes, colours and the banner. */
  show(indices: number[]): void {
    if (!indices.length) return;
    placeNear(this.view, showNodes(this.view, this.store, indices));
    applySizes(this.view, this.store, this.link.sizeBy);
    if (this.link.colorBy === 'community') assignCommunities(this.view);
    updateDensity(this.renderer, this.view);
    this.renderer.refresh();
    this.renderBanner();
  }

  showMore(): void {
    this.show(nextNodes(this.store, this.ranking, this.view, batchSize(this.limit)));
  }

  private restoreSelection(): void {
    const index = this.link.selected ? this.store.index.get(this.link.selected) : undefined;
    if (index === undefined) {
      this.message(`the linked node “${this.link.selected}” is not in this graph`);
      this.link.selected = null;
      writeHash(this.link);
      return;
    }
    this.select(index, true);
  }

  /** Applies a deep link typed or pasted into the address bar. */
  applyHash(): void {
    const next = fromHash(location.hash);
    this.link.hiddenTypes = next.hiddenTypes;
    this.link.hiddenRelations = next.hiddenRelations;
    this.link.selected = next.selected;
    this.setSizeBy(next.sizeBy);
    this.setColorBy(next.colorBy);
    this.renderLegend();
    if (next.selected) this.restoreSelection();
    else this.clearSelection();
  }

  toggle(kind: 'type' | 'relation', name: string): void {
    const set = kind === 'type' ? this.link.hiddenTypes : this.link.hiddenRelations;
    if (set.has(name)) set.delete(name);
    else set.add(name);
    this.renderLegend();
    writeHash(this.link);
    this.renderer.refresh({ skipIndexation: true });
  }

  setSizeBy(sizeBy: LinkState['sizeBy']): void {
    this.link.sizeBy = sizeBy;
    applySizes(this.view, this.store, sizeBy);
    this.syncControls();
    writeHash(this.link);
  }

  setColorBy(colorBy: LinkState['colorBy']): void {
    this.link.colorBy = colorBy;
    if (colorBy === 'community') assignCommunities(this.view);
    this.syncControls();
    writeHash(this.link);
    this.renderer.refresh({ skipIndexation: true });
  }

  private syncControls(): void {
    $<HTMLSelectElement>('size-by').value = this.link.sizeBy;
    $<HTMLSelectElement>('color-by').value = this.link.colorBy;
  }

  renderLegend(): void {
    renderLegend($('legend'), [
      { title: '实体类型 Types', kind: 'type', hidden: this.link.hiddenTypes, entries: countBy(this.store.nodes.map((n) => n.attributes.type), ENTITY_TYPES) },
      { title: '关系类型 Relations', kind: 'relation', hidden: this.link.hiddenRelations, entries: countBy(this.store.edges.map((e) => e.attributes.type), [...RELATION_TYPES, RELATED_TO]) },
    ], (kind, name) => this.toggle(kind, name));
  }

  private renderBanner(): void {
    const banner = $('banner');
    const total = this.store.nodes.length;
    if (this.view.order >= total) {
      banner.hidden = true;
      return;
    }
    replaceChildren(banner,
      el('span', {}, `showing ${this.view.order} of ${total} nodes (the most connected first; search finds all of them, and a node's panel shows its hidden neighbours)`),
      el('button', { attrs: { id: 'show-more', type: 'button' }, onClick: () => this.showMore() }, `show ${Math.min(batchSize(this.limit), total - this.view.order)} more`));
    banner.hidden = false;
  }

  /** Merges a neighbourhood fetched from Neo4j into the store and the view. */
  addLive(found: LiveNeighbourhood): void {
    const nodes = found.nodes.map((n) => ({ key: n.key, attributes: { type: n.type, name: n.name, aliases: n.aliases, mentions: [], docs: [], confidence: n.confidence } }));
    const known = new Set(this.store.edges.map((e) => `${e.source}\u0000${e.target}\u0000${e.attributes.type}`));
    const edges = found.relations
      .filter((r) => !known.has(`${r.source}\u0000${r.target}\u0000${r.type}`))
      .map((r) => ({ source: r.source, target: r.target, attributes: { type: r.type as never, evidence: r.evidence, weight: r.evidence.length, confidence: r.confidence } }));
    this.store = extendStore(this.store, nodes, edges);
    for (const doc of found.documents) if (!this.store.documents.has(doc.id)) this.store.documents.set(doc.id, { ...doc, articles: [] });
    this.ranking = byDegree(this.store);
    this.search = mountSearch($<HTMLInputElement>('search'), $('search-results'), this.store, (i) => this.isShown(i), (i) => this.select(i, true));
    this.show(found.nodes.map((n) => this.store.index.get(n.key)!));
    this.renderLegend();
    this.select(this.store.index.get(found.center.key)!, true);
  }

  message(text: string): void {
    const box = $('message');
    box.textContent = text;
    box.hidden = !text;
  }

  clearAll(): void {
    this.search.clear();
    this.search.input.blur();
    this.highlight.hoveredNode = null;
    this.highlight.neighbours = new Set();
    $('live').hidden = true;
    this.clearSelection();
  }

  kill(): void {
    this.layout.kill();
    this.renderer.kill();
  }
}

function bindControls(viewer: Viewer, live: LiveSource): void {
  $('layout').addEventListener('click', () => viewer.layout.toggle());
  $('reset').addEventListener('click', () => viewer.renderer.getCamera().animatedReset({ duration: 300 }));
  $('export').addEventListener('click', () => void exportPNG(viewer.renderer));
  $<HTMLSelectElement>('size-by').addEventListener('change', (e) => viewer.setSizeBy((e.target as HTMLSelectElement).value as LinkState['sizeBy']));
  $<HTMLSelectElement>('color-by').addEventListener('change', (e) => viewer.setColorBy((e.target as HTMLSelectElement).value as LinkState['colorBy']));
  $('live-toggle').addEventListener('click', () => { $('live').hidden = !$('live').hidden; });
  mountLiveForm($('live'), live, (found) => viewer.addLive(found));
  window.addEventListener('hashchange', () => viewer.applyHash());
  document.addEventListener('keydown', (event) => {
    const typing = event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement;
    if (event.key === 'Escape') viewer.clearAll();
    else if (event.key === '/' && !typing) {
      event.preventDefault();
      $<HTMLInputElement>('search').focus();
    }
  });
}

async function main(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const limit = Number(params.get('limit')) || LARGE_GRAPH_NODES;
  let store: Store;
  let loadError = '';
  try {
    store = await fetchStore('./graph.json');
  } catch (err) {
    loadError = (err as Error).message;
    store = buildStore({ nodes: [], edges: [] });
  }
  await loadFontFor(store.nodes.map((n) => n.attributes.name));
  const viewer = new Viewer(store, limit);
  viewer.start();
  onFontsLoaded(() => viewer.renderer.refresh({ skipIndexation: true }));
  if (loadError) viewer.message(loadError);
  const live = new LiveSource();
  bindControls(viewer, live);
  await new Promise(requestAnimationFrame);
  viewer.firstRenderMs = performance.now();
  Object.assign(window, {
    __zhengtu: {
      viewer,
      firstRenderMs: viewer.firstRenderMs,
      state: () => ({
        selected: viewer.highlight.selected,
        hovered: viewer.highlight.hoveredNode,
        neighbours: [...viewer.highlight.neighbours],
        shown: viewer.view.order,
        total: viewer.store.nodes.length,
        link: location.hash,
      }),
      exportBlob: () => viewAsBlob(viewer.renderer),
      kill: () => { viewer.kill(); void live.close(); },
    },
  });
  document.body.dataset.ready = 'true';
}

void main();
