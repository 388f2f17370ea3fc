// Evidence appendix: every typed relation, grouped by type, with all its sentences and both ends marked. Matrix
// cells, table cells and card items link here.
import { RELATION_TYPES } from '../types.ts';
import type { ReportContext } from './context.ts';
import type { ReportModel } from './model.ts';
import { namesOf, quote } from './quote.ts';

export function appendix(context: ReportContext): ReportModel['relations'] {
  return RELATION_TYPES.map((type) => ({
    type,
    entries: context.relations
      .filter((r) => r.type === type)
      .map((r) => {
        const names = [...namesOf(context, r.source), ...namesOf(context, r.target)];
        return {
          anchor: r.anchor, type: r.type,
          source: context.refs.get(r.source)!, target: context.refs.get(r.target)!,
          confidence: r.confidence, planned: r.planned,
          quotes: r.evidence.map((ev) => quote(context, ev, names)),
        };
      })
      .sort((a, b) => context.compareRefs(a.source, b.source) || context.compareRefs(a.target, b.target)),
  })).filter((g) => g.entries.length > 0);
}
