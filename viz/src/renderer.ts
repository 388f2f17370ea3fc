// The sigma renderer: dark theme, CJK label font, label grid, and reducers that apply filters,
// colouring (type or community) and hover/selection highlighting without touching the data.
import Sigma from 'sigma';
import type { NodeDisplayData } from 'sigma/types';
import { EdgeArrowProgram, EdgeLineProgram, NodeCircleProgram, NodePointProgram, type NodeHoverDrawingFunction } from 'sigma/rendering';
import {
  BACKGROUND, DIM_EDGE_COLOR, DIM_NODE_COLOR, FONT_STACK, HOVER_EDGE_COLOR, LABEL_COLOR,
  communityColor, relationColor, typeColor,
} from './style.ts';
import type { ViewEdge, ViewGraph, ViewNode } from './view.ts';

export interface Highlight {
  hoveredNode: string | null;
  /** The hovered node's visible neighbours. */
  neighbours: Set<string>;
  hoveredEdge: string | null;
  selected: string | null;
}

export interface Filters {
  hiddenTypes: Set<string>;
  hiddenRelations: Set<string>;
  colorBy: 'type' | 'community';
}

export type Renderer = Sigma<ViewNode, ViewEdge>;

const LABEL_SIZE = 13;

/**
 * Past this many visible nodes or edges the view is dense: nodes are drawn as points and edges as
 * 1-px lines (a fraction of the pixels of discs and arrows, which matters with software WebGL),
 * and edges are hidden while the camera moves.
 */
const DENSE_NODES = 2000;
const DENSE_EDGES = 6000;

function densitySettings(view: ViewGraph) {
  const dense = view.order > DENSE_NODES || view.size > DENSE_EDGES;
  return {
    defaultNodeType: dense ? 'point' : 'circle',
    defaultEdgeType: dense ? 'line' : 'arrow',
    hideEdgesOnMove: dense,
    // Fewer, wider label cells when crowded, so long Chinese names do not run into each other.
    labelDensity: dense ? 0.3 : 0.6,
    labelGridCellSize: dense ? 180 : 110,
  };
}

/** Re-applies the density settings after the view grew. */
export function updateDensity(renderer: Renderer, view: ViewGraph): void {
  const next = densitySettings(view);
  if (renderer.getSetting('defaultNodeType') !== next.defaultNodeType) renderer.setSettings(next);
}

/** Sigma's hover box is white; on the dark theme it is a dark box with light text. */
const drawDarkHover: NodeHoverDrawingFunction<ViewNode, ViewEdge> = (context, data, settings) => {
  const size = settings.labelSize;
  context.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
  const padding = 3;
  const label = typeof data.label === 'string' ? data.label : '';
  const width = label ? context.measureText(label).width + 2 * padding : 0;
  context.fillStyle = '#2a2f38';
  context.strokeStyle = data.color;
  context.lineWidth = 1;
  context.beginPath();
  context.arc(data.x, data.y, data.size + padding, 0, Math.PI * 2);
  context.fill();
  context.stroke();
  if (!label) return;
  const boxX = data.x + data.size + padding;
  const boxY = data.y - size / 2 - padding;
  context.fillRect(boxX, boxY, width, size + 2 * padding);
  context.strokeRect(boxX, boxY, width, size + 2 * padding);
  context.fillStyle = '#ffffff';
  context.fillText(label, boxX + padding, data.y + size / 3);
};

export function createRenderer(view: ViewGraph, container: HTMLElement, highlight: Highlight, filters: Filters): Renderer {
  const isShown = (kind: string) => !filters.hiddenTypes.has(kind);
  return new Sigma<ViewNode, ViewEdge>(view, container, {
    labelFont: FONT_STACK,
    labelSize: LABEL_SIZE,
    labelWeight: 'normal',
    labelColor: { color: LABEL_COLOR },
    edgeLabelFont: FONT_STACK,
    // Labels are placed on a grid with a density limit, so that they never pile up.
    labelRenderedSizeThreshold: 5,
    ...densitySettings(view),
    nodeProgramClasses: { circle: NodeCircleProgram, point: NodePointProgram },
    edgeProgramClasses: { arrow: EdgeArrowProgram, line: EdgeLineProgram },
    defaultEdgeColor: '#4a5160',
    defaultDrawNodeHover: drawDarkHover,
    enableEdgeEvents: true,
    zIndex: true,
    minCameraRatio: 0.02,
    maxCameraRatio: 20,
    stagePadding: 40,
    nodeReducer(node, data) {
      const out: Partial<NodeDisplayData> & { community?: number } = { ...data };
      out.color = filters.colorBy === 'community' && data.community !== undefined ? communityColor(data.community) : typeColor(data.kind);
      if (!isShown(data.kind)) out.hidden = true;
      if (highlight.hoveredNode) {
        if (node === highlight.hoveredNode || highlight.neighbours.has(node)) {
          out.zIndex = 2;
          if (node === highlight.hoveredNode) out.highlighted = true;
          out.forceLabel = true;
        } else {
          out.color = DIM_NODE_COLOR;
          out.label = '';
          out.zIndex = 0;
        }
      }
      if (node === highlight.selected) {
        out.highlighted = true;
        out.forceLabel = true;
        out.zIndex = 3;
      }
      return out;
    },
    edgeReducer(edge, data) {
      const out: Record<string, unknown> = { ...data, color: relationColor(data.relation) };
      if (filters.hiddenRelations.has(data.relation)) return { ...out, hidden: true };
      const [source, target] = view.extremities(edge);
      if (!isShown(view.getNodeAttribute(source, 'kind')) || !isShown(view.getNodeAttribute(target, 'kind'))) return { ...out, hidden: true };
      if (highlight.hoveredNode) {
        if (source === highlight.hoveredNode || target === highlight.hoveredNode) {
          out.size = 2;
          out.zIndex = 2;
        } else {
          out.color = DIM_EDGE_COLOR;
          out.zIndex = 0;
        }
      }
      if (edge === highlight.hoveredEdge) {
        out.color = HOVER_EDGE_COLOR;
        out.size = 3;
        out.zIndex = 3;
      }
      return out;
    },
  });
}

export { BACKGROUND };
