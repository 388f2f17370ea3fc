// Who issues and who implements what: one row per actor (an Organization, or a Place acting as its government)
// with the policies it issued and the programs and policies it implements, each linked to its evidence.
import type { ReportContext } from './context.ts';
import type { ActorRow } from './model.ts';

const ACTOR_TYPES = new Set(['Organization', 'Place']);

export function actors(context: ReportContext): ActorRow[] {
  const rows = new Map<string, ActorRow>();
  for (const r of context.relations) {
    if (r.type !== 'ISSUED' && r.type !== 'IMPLEMENTS') continue;
    const actor = context.refs.get(r.source)!;
    if (!ACTOR_TYPES.has(actor.type)) continue;
    const row = rows.get(actor.key) ?? { actor, issued: [], implements: [] };
    (r.type === 'ISSUED' ? row.issued : row.implements).push({ entity: context.refs.get(r.target)!, evidence: r.anchor });
    rows.set(actor.key, row);
  }
  const size = (row: ActorRow) => row.issued.length + row.implements.length;
  for (const row of rows.values()) {
    row.issued.sort((a, b) => context.compareRefs(a.entity, b.entity));
    row.implements.sort((a, b) => context.compareRefs(a.entity, b.entity));
  }
  return [...rows.values()].sort((a, b) => size(b) - size(a) || context.compareRefs(a.actor, b.actor));
}
