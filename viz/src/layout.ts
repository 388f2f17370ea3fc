// Layout: a quick deterministic one before the first render (small graphs only), and ForceAtlas2
// in a web worker on demand, followed by noverlap so that discs and labels do not sit on each other.
import circular from 'graphology-layout/circular';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import noverlap from 'graphology-layout-noverlap';
import type { ViewGraph } from './view.ts';

/** Up to this many nodes, a few ForceAtlas2 iterations run before the first render. */
const SYNC_LAYOUT_NODES = 1500;

/**
 * Gives a view without stored positions a layout before the first render: circular, then (small
 * views only) ForceAtlas2 and noverlap. Returns 'none' when some nodes had positions (the caller
 * places the rest near them), 'final' or 'circular' (large: the caller runs the worker).
 */
export function initialLayout(view: ViewGraph, unplaced: string[]): 'none' | 'final' | 'circular' {
  if (!unplaced.length || unplaced.length !== view.order) return 'none';
  circular.assign(view, { scale: 100 });
  if (view.order > SYNC_LAYOUT_NODES) return 'circular';
  const iterations = view.order <= 300 ? 300 : 80;
  forceAtlas2.assign(view, { iterations, getEdgeWeight: null, settings: layoutSettings(view) });
  removeOverlaps(view);
  return 'final';
}

/** How long the worker runs by itself after a large view opened with only a circular layout. */
export const AUTO_LAYOUT_MS = 6000;

/**
 * ForceAtlas2 settings: graphology's inferred ones, with more repulsion (labels are wide Chinese
 * strings) and enough gravity that small components stay in sight.
 */
export function layoutSettings(view: ViewGraph) {
  return { ...forceAtlas2.inferSettings(view), barnesHutOptimize: view.order > 300, scalingRatio: 10, gravity: 0.5, strongGravityMode: true };
}

export function removeOverlaps(view: ViewGraph): void {
  noverlap.assign(view, { maxIterations: 60, settings: { margin: 2, ratio: 1.2 } });
}

/** ForceAtlas2 in a web worker, started and stopped from the toolbar. */
export class LayoutControl {
  private worker: FA2Layout | null = null;

  constructor(private view: ViewGraph, private onChange: (running: boolean) => void) {}

  get running(): boolean {
    return this.worker?.isRunning() ?? false;
  }

  start(): void {
    if (this.running) return;
    this.worker?.kill();
    this.worker = new FA2Layout(this.view, {
      getEdgeWeight: null,
      settings: layoutSettings(this.view),
    });
    this.worker.start();
    this.onChange(true);
  }

  stop(): void {
    if (!this.worker) return;
    this.worker.stop();
    this.worker.kill();
    this.worker = null;
    removeOverlaps(this.view);
    this.onChange(false);
  }

  toggle(): void {
    if (this.running) this.stop();
    else this.start();
  }

  kill(): void {
    this.worker?.kill();
    this.worker = null;
  }
}
