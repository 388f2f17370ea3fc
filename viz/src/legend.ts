// The legend: one entry per entity type and per relation type; clicking an entry hides or shows it.
import { el, replaceChildren } from './escape.ts';
import { RELATION_LABELS, TYPE_LABELS, relationColor, typeColor } from './style.ts';

export interface LegendGroup {
  title: string;
  /** Entries in display order with their counts. */
  entries: Array<[string, number]>;
  hidden: Set<string>;
  kind: 'type' | 'relation';
}

export function renderLegend(container: HTMLElement, groups: LegendGroup[], onToggle: (kind: 'type' | 'relation', name: string) => void): void {
  const sections = groups.map((group) =>
    el('section', { className: 'legend-group' },
      el('h3', {}, group.title),
      el('ul', {}, ...group.entries.map(([name, count]) => {
        const hidden = group.hidden.has(name);
        const color = group.kind === 'type' ? typeColor(name) : relationColor(name);
        const label = (group.kind === 'type' ? TYPE_LABELS : RELATION_LABELS)[name];
        const swatch = el('span', { className: group.kind === 'type' ? 'swatch' : 'swatch line' });
        swatch.style.background = color;
        return el('li', {},
          el('button', {
            className: hidden ? 'legend-entry off' : 'legend-entry',
            title: hidden ? `show ${name}` : `hide ${name}`,
            attrs: { 'data-kind': group.kind, 'data-name': name, 'aria-pressed': String(!hidden) },
            onClick: () => onToggle(group.kind, name),
          }, swatch, el('span', { className: 'legend-name' }, label ? `${label} ${name}` : name), el('span', { className: 'count' }, String(count))),
        );
      })),
    ),
  );
  replaceChildren(container, ...sections);
}

/** Counts of a string attribute in display order: known names first, then any others. */
export function countBy(values: Iterable<string>, known: readonly string[]): Array<[string, number]> {
  const counts = new Map<string, number>(known.map((k) => [k, 0]));
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].filter(([, n]) => n > 0);
}
