// The same entity across documents merges by key (type and canonical identity). One mechanism for
// this exists, the build's accumulator (src/pipeline/accumulate.ts); this is its entity-only face.
import type { Entity } from '../types.ts';
import { documentOrder, finishEntity, GraphAccumulator } from '../pipeline/accumulate.ts';

export function mergeEntities(lists: Entity[][]): Entity[] {
  const acc = new GraphAccumulator();
  for (const list of lists) for (const e of list) acc.addEntity(e);
  const order = documentOrder(lists.flat().flatMap((e) => e.docs.map((id) => ({ id }))));
  return [...acc.entities.values()].map((e) => finishEntity(e, order));
}
