// Which entity types each relation joins, as the guideline allows. A pattern hit that violates these
// is dropped, not relabeled.
import type { EntityType, RelationType } from '../types.ts';

export const ENDPOINTS: Record<RelationType, [EntityType[], EntityType[]]> = {
  ISSUED: [['Organization', 'Place'], ['Policy']],
  IMPLEMENTS: [['Organization', 'Place'], ['Program', 'Policy']],
  TARGETS: [['Policy', 'Program'], ['Industry']],
  ACTIVE_IN: [['Organization'], ['Industry']],
  PART_OF: [['Organization', 'Industry', 'Program'], ['Organization', 'Industry', 'Program']],
  COOPERATES_WITH: [['Organization'], ['Organization']],
  LOCATED_IN: [['Organization', 'Program'], ['Place']],
  AFFILIATED_WITH: [['Person'], ['Organization']],
};

export function allowed(type: RelationType, source: EntityType, target: EntityType): boolean {
  const [from, to] = ENDPOINTS[type];
  if (!from.includes(source) || !to.includes(target)) return false;
  // PART_OF joins like with like: Organization → Organization, Industry → Industry, Program → Program.
  return type !== 'PART_OF' || source === target;
}
