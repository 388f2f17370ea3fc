// The plain data passed between pipeline stages, declared once.
//
//   path ─ingest→ RawDocument ─clean→ Document ─extract→ Mention[] ─resolve→ Entity[]
//                                          └───────────relate──────────→ Relation[] ─graph→ graph.json

export const ENTITY_TYPES = ['Organization', 'Program', 'Industry', 'Policy', 'Person', 'Place'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const RELATION_TYPES = [
  'ISSUED',
  'IMPLEMENTS',
  'TARGETS',
  'ACTIVE_IN',
  'PART_OF',
  'COOPERATES_WITH',
  'LOCATED_IN',
  'AFFILIATED_WITH',
] as const;
export type RelationType = (typeof RELATION_TYPES)[number];
/** Untyped co-occurrence edges: never scored. */
export const RELATED_TO = 'RELATED_TO';

/** What ingest hands on: the decoded text of one document, before any cleaning. */
export interface RawDocument {
  /** Content hash (sha256 of the decoded text, hex, first 16 chars). Stable across runs. */
  id: string;
  path: string;
  format: 'txt' | 'md' | 'html' | 'docx' | 'pdf' | 'jsonl' | 'csv';
  text: string;
  /** Anything the container knew: encoding, title field, record number … */
  meta: Record<string, string>;
}

/** A failure to read one input: the batch goes on without it. */
export interface IngestError {
  path: string;
  message: string;
}

export interface Article {
  title: string;
  authors: string[];
  affiliation: string | null;
  /** Offsets into Document.text of the article body (end exclusive). */
  start: number;
  end: number;
}

export interface Paragraph {
  start: number;
  end: number;
  /** Index into Document.articles, or -1 when unattributed. */
  article: number;
  /** Heading level (1 = 一、, 2 = （一）, 3 = 一是/1.) or 0 for body text. */
  heading: number;
  /** What the paragraph is on the page; body text when absent. Furniture (title, byline, label,
   *  affiliation, lead) lies outside the article's body range but carries its article index. */
  kind?: ParagraphKind;
}

export type ParagraphKind = 'body' | 'heading' | 'title' | 'byline' | 'affiliation' | 'label' | 'lead';

export interface Sentence {
  index: number;
  start: number;
  end: number;
  paragraph: number;
  article: number;
}

/** What clean hands on: the cleaned text and its structure, all offsets into `text`. */
export interface Document {
  id: string;
  path: string;
  title: string;
  text: string;
  articles: Article[];
  paragraphs: Paragraph[];
  sentences: Sentence[];
  /** Pieces of page furniture (bylines, titles, labels) that could not be attributed to an article. */
  unattributed: string[];
}

export type MentionSource =
  | 'book-title'
  | 'quote'
  | 'suffix'
  | 'lexicon'
  | 'enumeration'
  | 'strategy'
  | 'byline'
  | 'jieba'
  | 'gazetteer'
  | 'model'
  | 'context';

/** One surface form found in one sentence. */
export interface Mention {
  doc: string;
  /** Index into Document.sentences. */
  sentence: number;
  start: number;
  end: number;
  surface: string;
  type: EntityType;
  source: MentionSource;
  score: number;
  /** The name this mention stands for when context expands it (市委 → 潍坊市委). */
  canonical?: string;
}

export interface MentionRef {
  doc: string;
  start: number;
  end: number;
  sentence: number;
}

export interface Entity {
  /** Stable: `${type}:${canonical name}`. */
  key: string;
  type: EntityType;
  name: string;
  aliases: string[];
  mentions: MentionRef[];
  docs: string[];
  confidence: number;
}

export interface Evidence {
  doc: string;
  /** The sentence text itself. */
  sentence: string;
  /** Offsets of the sentence in the cleaned document text. */
  start: number;
  end: number;
}

export interface Relation {
  type: RelationType | typeof RELATED_TO;
  /** Entity keys. */
  source: string;
  target: string;
  evidence: Evidence[];
  confidence: number;
  /** Set for irrealis (拟 …) relations that are kept as plans. */
  planned?: boolean;
}

/** Graph-level attributes of graph.json. */
export interface SourceDocument {
  id: string;
  path: string;
  title: string;
  articles: Article[];
}

/** Node attributes in graph.json (graphology serialization, key = Entity.key). */
export interface NodeAttributes {
  type: EntityType;
  name: string;
  aliases: string[];
  mentions: MentionRef[];
  docs: string[];
  confidence: number;
}

/** Edge attributes in graph.json. */
export interface EdgeAttributes {
  type: RelationType | typeof RELATED_TO;
  evidence: Evidence[];
  weight: number;
  confidence: number;
  planned?: boolean;
}

export interface GraphAttributes {
  documents: SourceDocument[];
  builtAt: string;
  generator: string;
}
