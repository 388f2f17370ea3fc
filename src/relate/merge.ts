// The same relation found in many sentences (or documents) is one edge with several evidence items.
import type { Relation } from '../types.ts';

export function mergeRelations(lists: Relation[][]): Relation[] {
  const byKey = new Map<string, Relation>();
  for (const r of lists.flat()) {
    const key = `${r.type}|${r.source}|${r.target}`;
    const seen = byKey.get(key);
    if (!seen) {
      byKey.set(key, { ...r, evidence: [...r.evidence] });
      continue;
    }
    for (const ev of r.evidence) {
      if (!seen.evidence.some((e) => e.doc === ev.doc && e.start === ev.start)) seen.evidence.push(ev);
    }
    seen.confidence = Math.max(seen.confidence, r.confidence);
    seen.planned = seen.planned && r.planned;
  }
  return [...byKey.values()];
}
