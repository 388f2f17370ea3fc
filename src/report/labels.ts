// Words and number formats both renderers share, so the two files say the same thing.
import type { RelationType } from '../types.ts';
import type { ReportModel, Quote } from './model.ts';

export const SECTIONS = [
  { id: 'overview', title: 'Overview' },
  { id: 'matrix', title: 'Policy / program → industry matrix' },
  { id: 'actors', title: 'Who issues and who implements what' },
  { id: 'charts', title: 'Charts' },
  { id: 'centrality', title: 'Central entities' },
  { id: 'communities', title: 'Communities' },
  { id: 'cards', title: 'Entity cards' },
  { id: 'evidence', title: 'Evidence appendix' },
] as const;

export const RELATION_VERBS: Record<RelationType, { out: string; in: string }> = {
  ISSUED: { out: 'issued', in: 'issued by' },
  IMPLEMENTS: { out: 'implements', in: 'implemented by' },
  TARGETS: { out: 'targets', in: 'targeted by' },
  ACTIVE_IN: { out: 'active in', in: 'has active' },
  PART_OF: { out: 'part of', in: 'has part' },
  COOPERATES_WITH: { out: 'cooperates with', in: 'cooperates with' },
  LOCATED_IN: { out: 'located in', in: 'location of' },
  AFFILIATED_WITH: { out: 'affiliated with', in: 'has affiliated' },
};

export function builtLine(model: ReportModel): string {
  const b = model.built;
  return `Graph built ${b.builtAt} by ${b.generator}; report read it from ${b.source}.`;
}

export function scopeLine(model: ReportModel): string | null {
  if (!model.scope) return null;
  const names = model.scope.centers.map((c) => `${c.name} (${c.type})`).join(', ');
  return `Scope: ${names} and every entity within ${model.scope.hops} typed relations of it, with all relations among them.`;
}

export function sourceLabel(quote: Quote): string {
  const doc = quote.doc.title ? `${quote.doc.title} (${quote.doc.path || quote.doc.id})` : quote.doc.path || quote.doc.id;
  return quote.article ? `${doc}, article “${quote.article}”` : doc;
}

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export const fixed = (x: number, digits: number) => x.toFixed(digits);

export const MATRIX_NOTE =
  'Rows: policies and programs with TARGETS relations; columns: the industries they target. A cell gives the number of evidence sentences and links to them.';
export const COOCCURRENCE_NOTE =
  'RELATED_TO edges only record that two entities occur together; they are not typed relations and are left out of the matrix, the table, centrality and communities.';
export const CENTRALITY_NOTE =
  'Per type, the top entities by degree (distinct neighbours over typed relations) and by PageRank (typed relations as directed edges, weighted by evidence), in PageRank order.';
export const COMMUNITY_NOTE =
  'Louvain communities over the typed relations (direction dropped, seeded so the result is the same every run); communities of one entity are not shown.';
