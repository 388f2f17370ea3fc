// Bar charts of what a reader would rather see than read: the industries most often targeted, and the
// organizations with the most typed relations.
import type { ReportContext } from './context.ts';
import type { BarChart } from './model.ts';

const TOP = 12;

function chart(context: ReportContext, id: string, title: string, unit: string, counts: Map<string, number>): BarChart {
  const bars = [...counts.entries()]
    .map(([key, value]) => ({ entity: context.refs.get(key)!, value }))
    .sort((a, b) => b.value - a.value || context.compareRefs(a.entity, b.entity))
    .slice(0, TOP);
  return { id, title, unit, bars };
}

export function charts(context: ReportContext): BarChart[] {
  const targeted = new Map<string, Set<string>>();
  const active = new Map<string, number>();
  for (const r of context.relations) {
    if (r.type === 'TARGETS' && context.refs.get(r.target)!.type === 'Industry') {
      targeted.set(r.target, (targeted.get(r.target) ?? new Set()).add(r.source));
    }
    for (const key of [r.source, r.target]) {
      if (context.refs.get(key)!.type === 'Organization') active.set(key, (active.get(key) ?? 0) + 1);
    }
  }
  const targetedBy = new Map([...targeted].map(([k, sources]) => [k, sources.size]));
  return [
    chart(context, 'chart-industries', 'Industries most often targeted', 'policies and programs targeting it', targetedBy),
    chart(context, 'chart-organizations', 'Most active organizations', 'typed relations', active),
  ].filter((c) => c.bars.length > 0);
}
