// The report as plain data: every section computed once, so that the Markdown and the HTML renderer show the
// same content, and a graph read back from Neo4j gives the same report as graph.json.
import type { EntityType, RelationType } from '../types.ts';

export interface EntityRef {
  key: string;
  name: string;
  type: EntityType;
  /** Anchor of the entity's card, or null when it has none (cards are for Organization, Program, Policy). */
  card: string | null;
}

/** A piece of a quoted sentence; `mark` pieces are the entity being shown. */
export interface Segment {
  text: string;
  mark: boolean;
}

export interface Quote {
  segments: Segment[];
  doc: { id: string; title: string; path: string };
  /** Title of the article the sentence falls in, when the document's articles cover its offset. */
  article: string | null;
}

export interface RelationEntry {
  /** Anchor of this relation's evidence in the appendix. */
  anchor: string;
  type: RelationType;
  source: EntityRef;
  target: EntityRef;
  confidence: number;
  planned: boolean;
  /** Evidence sentences with both ends highlighted. */
  quotes: Quote[];
}

export interface Overview {
  documents: { id: string; path: string; title: string; articles: { title: string; authors: string[]; affiliation: string | null }[] }[];
  entityCounts: { type: EntityType; count: number }[];
  relationCounts: { type: RelationType; count: number }[];
  /** Untyped co-occurrence edges: counted, never tabled as relations. */
  cooccurrence: { count: number; top: { a: EntityRef; b: EntityRef; sentences: number }[] };
}

export interface LinkedEntity {
  entity: EntityRef;
  /** Anchor of the evidence. */
  evidence: string;
}

export interface Matrix {
  rows: EntityRef[];
  columns: EntityRef[];
  /** cells[row][column]: the TARGETS relation's evidence anchor and sentence count, or null. */
  cells: ({ evidence: string; sentences: number } | null)[][];
  omittedRows: number;
  omittedColumns: number;
}

export interface ActorRow {
  actor: EntityRef;
  issued: LinkedEntity[];
  implements: LinkedEntity[];
}

export interface CentralityRow {
  entity: EntityRef;
  /** Distinct neighbours over typed relations. */
  neighbours: number;
  degreeCentrality: number;
  pagerank: number;
}

export interface CentralityTable {
  type: EntityType;
  rows: CentralityRow[];
}

export interface Community {
  id: number;
  /** Most central first. */
  members: EntityRef[];
  /** Pairs of indices into members, i < j. */
  links: [number, number][];
}

export interface BarChart {
  id: string;
  title: string;
  /** What a bar's value counts. */
  unit: string;
  bars: { entity: EntityRef; value: number }[];
}

export interface CardItem {
  other: EntityRef;
  evidence: string;
  /** Evidence sentences with this card's entity highlighted. */
  quotes: Quote[];
}

export interface CardGroup {
  type: RelationType;
  direction: 'out' | 'in';
  items: CardItem[];
}

export interface Card {
  entity: EntityRef;
  aliases: string[];
  groups: CardGroup[];
  cooccurs: EntityRef[];
}

export interface ReportModel {
  title: string;
  /** Set for `--entity`: the matched entities whose neighbourhood the report covers. */
  scope: { centers: EntityRef[]; hops: number } | null;
  /** When and how the graph was built and where the report read it from: the one line allowed to differ by source. */
  built: { builtAt: string; generator: string; source: string };
  overview: Overview;
  matrix: Matrix;
  actors: ActorRow[];
  charts: BarChart[];
  centrality: CentralityTable[];
  communities: Community[];
  cards: Card[];
  /** Evidence appendix: every typed relation, grouped by type. */
  relations: { type: RelationType; entries: RelationEntry[] }[];
}
