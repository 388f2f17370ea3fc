// The same entity across documents merges by key (type and canonical identity).
import type { Entity } from '../types.ts';

export function mergeEntities(lists: Entity[][]): Entity[] {
  const byKey = new Map<string, Entity>();
  for (const list of lists) {
    for (const e of list) {
      const seen = byKey.get(e.key);
      if (!seen) {
        byKey.set(e.key, { ...e, aliases: [...e.aliases], mentions: [...e.mentions], docs: [...e.docs] });
        continue;
      }
      const names = new Set([seen.name, ...seen.aliases, e.name, ...e.aliases]);
      if (e.name.length > seen.name.length) seen.name = e.name;
      names.delete(seen.name);
      seen.aliases = [...names].sort();
      seen.mentions.push(...e.mentions);
      for (const d of e.docs) if (!seen.docs.includes(d)) seen.docs.push(d);
      seen.confidence = Math.max(seen.confidence, e.confidence);
    }
  }
  return [...byKey.values()];
}
