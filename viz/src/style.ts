// Colours and fonts of the dark theme, declared once.

/**
 * The bundled Noto Sans SC first (fonts.ts: the same look on every machine, and never empty boxes where
 * no CJK font is installed), then system CJK fonts.
 */
export const FONT_STACK = '"Noto Sans SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", sans-serif';

export const BACKGROUND = '#14161b';
export const LABEL_COLOR = '#e8e8e8';
export const DIM_NODE_COLOR = '#2c313a';
export const DIM_EDGE_COLOR = '#23272e';
export const EDGE_COLOR = '#4a5160';
export const HOVER_EDGE_COLOR = '#f0f0f0';

export const TYPE_COLORS: Record<string, string> = {
  Organization: '#4e9af1',
  Program: '#f2a541',
  Industry: '#5cc98b',
  Policy: '#d46ee8',
  Person: '#f26d6d',
  Place: '#49c6c6',
};
const FALLBACK_TYPE_COLOR = '#9aa0a6';

export const RELATION_COLORS: Record<string, string> = {
  ISSUED: '#b98ae8',
  IMPLEMENTS: '#f2b766',
  TARGETS: '#7bd6a1',
  ACTIVE_IN: '#6fb0f5',
  PART_OF: '#8c96a8',
  COOPERATES_WITH: '#e88aa8',
  LOCATED_IN: '#6fd3d3',
  AFFILIATED_WITH: '#f28c8c',
  RELATED_TO: '#59606e',
};

/** Chinese names of the types, shown beside the English ones. */
export const TYPE_LABELS: Record<string, string> = {
  Organization: '机构',
  Program: '项目',
  Industry: '产业',
  Policy: '政策',
  Person: '人物',
  Place: '地点',
};

export const RELATION_LABELS: Record<string, string> = {
  ISSUED: '发布',
  IMPLEMENTS: '实施',
  TARGETS: '指向',
  ACTIVE_IN: '从事',
  PART_OF: '隶属',
  COOPERATES_WITH: '合作',
  LOCATED_IN: '位于',
  AFFILIATED_WITH: '任职',
  RELATED_TO: '共现',
};

const COMMUNITY_PALETTE = [
  '#4e9af1', '#f2a541', '#5cc98b', '#d46ee8', '#f26d6d', '#49c6c6', '#e3d25b', '#9b8cf2',
  '#f28cc6', '#8fd16a', '#f29b6d', '#6dd3f2', '#c7a17a', '#a8e6cf', '#ff8b94', '#b5b9ff',
];

export function typeColor(type: string): string {
  return TYPE_COLORS[type] ?? FALLBACK_TYPE_COLOR;
}

export function relationColor(type: string): string {
  return RELATION_COLORS[type] ?? EDGE_COLOR;
}

export function communityColor(community: number): string {
  return COMMUNITY_PALETTE[community % COMMUNITY_PALETTE.length]!;
}
