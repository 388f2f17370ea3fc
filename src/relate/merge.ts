// The same relation found in many sentences (or documents) is one edge with several evidence items.
// One mechanism does this, the build's accumulator (src/pipeline/accumulate.ts); this is its
// relation-only face, used within one document.
import type { Relation } from '../types.ts';
import { documentOrder, finishRelation, GraphAccumulator } from '../pipeline/accumulate.ts';

export function mergeRelations(lists: Relation[][]): Relation[] {
  const acc = new GraphAccumulator();
  for (const list of lists) for (const r of list) acc.addRelation(r);
  const order = documentOrder(lists.flat().flatMap((r) => r.evidence.map((e) => ({ id: e.doc }))));
  return [...acc.relations.values()].map((r) => finishRelation(r, order));
}
