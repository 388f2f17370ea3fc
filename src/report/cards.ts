// Entity cards (Organization, Program, Policy): aliases, typed relations grouped by type and direction, each
// quoting its evidence with the card's entity marked, and the entities it only co-occurs with.
import { RELATION_TYPES } from '../types.ts';
import { CARD_TYPES } from './context.ts';
import type { ReportContext, TypedRelation } from './context.ts';
import type { Card, CardGroup } from './model.ts';
import { namesOf, quote } from './quote.ts';

const MAX_QUOTES = 3;
const MAX_COOCCURS = 10;

export function cards(context: ReportContext, first: Set<string>): Card[] {
  const refs = [...context.refs.values()].filter((r) => r.card !== null);
  const rank = (key: string, type: string) => (first.has(key) ? -1 : (CARD_TYPES as readonly string[]).indexOf(type));
  refs.sort((a, b) => rank(a.key, a.type) - rank(b.key, b.type) || context.compareRefs(a, b));

  const touching = new Map<string, TypedRelation[]>();
  for (const r of context.relations) {
    for (const key of new Set([r.source, r.target])) {
      const list = touching.get(key);
      if (list) list.push(r);
      else touching.set(key, [r]);
    }
  }
  const partners = new Map<string, string[]>();
  for (const c of context.cooccurrences) {
    for (const [key, other] of [[c.a, c.b], [c.b, c.a]]) {
      const list = partners.get(key) ?? [];
      if (list.length < MAX_COOCCURS) list.push(other);
      partners.set(key, list);
    }
  }

  return refs.map((entity) => {
    const names = namesOf(context, entity.key);
    const groups = new Map<string, CardGroup>();
    for (const r of touching.get(entity.key) ?? []) {
      const direction = r.source === entity.key ? 'out' : 'in';
      const id = `${RELATION_TYPES.indexOf(r.type)}${direction === 'out' ? 0 : 1}`;
      const group = groups.get(id) ?? { type: r.type, direction, items: [] };
      group.items.push({
        other: context.refs.get(direction === 'out' ? r.target : r.source)!,
        evidence: r.anchor,
        quotes: r.evidence.slice(0, MAX_QUOTES).map((ev) => quote(context, ev, names)),
      });
      groups.set(id, group);
    }
    for (const group of groups.values()) group.items.sort((a, b) => context.compareRefs(a.other, b.other));

    const cooccurs = (partners.get(entity.key) ?? []).map((key) => context.refs.get(key)!);

    return {
      entity,
      aliases: [...(context.graph.getNodeAttribute(entity.key, 'aliases') ?? [])],
      groups: [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, g]) => g),
      cooccurs,
    };
  });
}
